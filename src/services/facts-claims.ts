// Reads stored claims and turns them into the linker's LinkClaims: sources normalised through
// the registry, the outlet carrying each claim, and near-duplicate documents grouped.
import { claimScope, type FactScope, type LinkClaim } from "../core/linking/index.js";
import type { SourceRegistry } from "../core/sources.js";
import type { EventType, VictimGroup } from "../core/types.js";
import type { ClaimFilter, DocumentSummary, FactOverride, FactScopeRecord, StoredClaim, Store } from "../store/index.js";

/** Claims read per query. */
export const CLAIM_BATCH = 5000;

/** Networks of wire services: a claim that names one of these while crediting another organisation was carried by it. */
const WIRE_NETWORKS: ReadonlySet<string> = new Set(["reuters", "afp", "ap"]);

/** Stored claims with the documents they come from. */
export interface ClaimsWithDocuments {
  claims: StoredClaim[];
  documents: Map<number, DocumentSummary>;
}

/** Every non-clutter claim matching `filter`, read in batches, with their documents. */
export async function readClaims(store: Store, filter: ClaimFilter = {}, batch = CLAIM_BATCH): Promise<ClaimsWithDocuments> {
  const claims: StoredClaim[] = [];
  // Keyset paging (id > the last one read): an OFFSET would re-read every skipped row each time.
  // Rejected claims (left out by default) and superseded figures are not voices of any fact.
  for (let afterId = 0; ; ) {
    const page = await store.queryClaims({ ...filter, includeClutter: false, excludeSuperseded: true, afterId }, { limit: batch, offset: 0, sort: "id" });
    for (const c of page) claims.push(c);
    const last = page[page.length - 1];
    if (page.length < batch || !last) break;
    afterId = last.id;
  }
  const wanted = new Set(claims.map((c) => c.documentId));
  const documents = new Map<number, DocumentSummary>();
  for (let offset = 0; wanted.size > documents.size; offset += batch) {
    const page = await store.listDocuments({ limit: batch, offset });
    for (const d of page) if (wanted.has(d.id)) documents.set(d.id, d);
    if (page.length < batch) break;
  }
  return { claims, documents };
}

/** Union-find over document ids. */
class DisjointSets {
  private readonly parent = new Map<number, number>();

  find(x: number): number {
    let root = x;
    for (;;) {
      const p = this.parent.get(root);
      if (p === undefined) {
        this.parent.set(root, root);
        break;
      }
      if (p === root) break;
      root = p;
    }
    // Path compression.
    let y = x;
    while (y !== root) {
      const p = this.parent.get(y) as number;
      this.parent.set(y, root);
      y = p;
    }
    return root;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // The smaller id is the root, so group ids are stable.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Duplicate group of each document: documents related as near-duplicates or syndicated copies share one. */
export async function duplicateGroups(store: Store, documentIds: Iterable<number>): Promise<Map<number, string>> {
  const sets = new DisjointSets();
  const ids = [...documentIds];
  for (const id of ids) {
    sets.find(id);
    for (const rel of await store.relatedDocuments(id)) sets.union(id, rel.document.id);
  }
  return new Map(ids.map((id) => [id, `dup-${sets.find(id)}`]));
}

/** Who a claim is heard from (source) and who carried it (reportedBy). */
export interface Attribution {
  source: string | null;
  reportedBy: string | null;
}

/**
 * The attribution of a claim. The source is the credited name normalised through the registry;
 * the outlet is the document's publisher. A wire service is the outlet instead when the sentence
 * names it while crediting another organisation ("Reuters reported ... according to Amnesty"),
 * and also when the credited source is itself the wire service but the sentence names a
 * registered non-wire organisation as the figure's origin ("Reuters confirmed the toll announced
 * by the PMOI"): a wire service citing an organisation is that organisation's voice.
 */
export function attributionOf(
  claim: Pick<StoredClaim, "quote" | "source">,
  publisher: string | null,
  registry: SourceRegistry,
): Attribution {
  const outlet = publisher ? registry.normalize(publisher) : null;
  if (!claim.source) return { source: null, reportedBy: outlet };
  const source = registry.normalize(claim.source);
  const sourceNet = registry.networkOf(source);
  const named = registry.findIn(claim.quote);
  if (sourceNet && WIRE_NETWORKS.has(sourceNet)) {
    // "Reuters confirmed …": the wire's own reporting, an independent voice, not a citation.
    if (confirms(claim.quote, registry, sourceNet)) return { source, reportedBy: outlet };
    const origin = named.find((e) => !WIRE_NETWORKS.has(e.network));
    return origin ? { source: origin.short, reportedBy: source } : { source, reportedBy: outlet };
  }
  const wire = named.find((e) => WIRE_NETWORKS.has(e.network) && e.network !== sourceNet);
  return { source, reportedBy: wire ? wire.short : outlet };
}

/** True when the sentence says the wire service itself confirmed or verified the figure. */
function confirms(quote: string, registry: SourceRegistry, network: string): boolean {
  const m = /\b((?:[A-Z][\w.&-]*\s+){0,3}?[A-Z][\w.&-]*)\s+(?:has\s+|had\s+|also\s+|independently\s+)*(?:confirmed|verified|corroborated|established)\b/.exec(quote);
  return m !== null && registry.networkOf(m[1] as string) === network;
}

/** Maps stored claims to the linker's claims. */
export function toLinkClaims(
  data: ClaimsWithDocuments,
  groups: ReadonlyMap<number, string>,
  registry: SourceRegistry,
): LinkClaim[] {
  return data.claims.map((c) => {
    const doc = data.documents.get(c.documentId);
    const { source, reportedBy } = attributionOf(c, doc?.publisher ?? null, registry);
    return {
      id: String(c.id),
      documentId: String(c.documentId),
      documentName: c.document,
      published: c.documentPublished ?? doc?.published ?? null,
      event: c.event,
      count: c.count,
      qualifier: c.qualifier,
      period: c.period,
      place: c.place,
      victims: c.victims,
      source,
      sourceNetwork: source ? registry.networkOf(source) : null,
      reportedBy,
      duplicateGroup: groups.get(c.documentId) ?? `dup-${c.documentId}`,
      quote: c.quote,
      ...(c.countSpan && c.countSpan[0] >= c.span[0] ? { countAt: c.countSpan[0] - c.span[0] } : {}),
      ...(c.factOverride ? { override: overrideOf(c.factOverride) } : {}),
    };
  });
}

/** The linker's form of an analyst's fact assignment. */
function overrideOf(o: FactOverride): NonNullable<LinkClaim["override"]> {
  if (o.kind === "split" && !o.scope) return { split: o.tag };
  const s = o.scope as FactScopeRecord;
  const scope: FactScope = { family: s.family as FactScope["family"], place: s.place, period: s.period, victims: s.victims as VictimGroup[] };
  const split = o.kind === "split" ? o.tag : s.split;
  if (split) scope.split = split;
  return { scope };
}

/** Event types whose claims can land in a fact of `event`'s family (killings of prisoners are executions). */
export function eventsForFamily(event: EventType): EventType[] {
  return event === "execution" ? ["execution", "killing"] : [event];
}

/** Keeps only claims whose family is `family` (used after reading a family's event types). */
export function ofFamily(claims: LinkClaim[], family: string): LinkClaim[] {
  return claims.filter((c) => claimScope(c).family === family);
}
