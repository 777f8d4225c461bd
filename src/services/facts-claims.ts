// Reads stored claims and turns them into the linker's LinkClaims: sources normalised through
// the registry, the outlet carrying each claim, and near-duplicate documents grouped.
import { claimScope, type FactScope, type LinkClaim } from "../core/linking/index.js";
import type { SourceRegistry } from "../core/sources.js";
import { Interner } from "../core/linking/strings.js";
import type { EventType, Period, Qualifier, VictimGroup } from "../core/types.js";
import type { DocumentSummary, FactOverride, FactScopeRecord, StoredClaim, Store } from "../store/index.js";

/** Claims read per query. */
export const CLAIM_BATCH = 5000;

/** Networks of wire services: a claim that names one of these while crediting another organisation was carried by it. */
const WIRE_NETWORKS: ReadonlySet<string> = new Set(["reuters", "afp", "ap"]);

/** Stored claims with the documents they come from. */
export interface ClaimsWithDocuments {
  claims: StoredClaim[];
  documents: Map<number, DocumentSummary>;
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

/** What a claim's linking needs of its document. */
interface DocumentFacts {
  published: string | null;
  publisher: string | null;
  language: string | null;
}

/**
 * Builds the linker's claims from stored claims, one at a time, sharing what repeats: strings
 * (places, dates, names, sources; one copy each, Interner), periods and victim lists (one object
 * per distinct value) and each document's fields. Reading a million claims, the linker's copies
 * then hold little more than each claim's own quote and figure (docs/performance.md).
 * The claims it gives share those objects: nothing may change a claim's period or victims in place.
 */
export class LinkClaimBuilder {
  private readonly strings = new Interner();
  private readonly victimLists = new Map<string, VictimGroup[]>();
  private readonly documents = new Map<number, DocumentFacts>();
  private readonly documentIds = new Map<number, string>();

  constructor(private readonly registry: SourceRegistry) {}

  /** Records a document's publication date, publisher and language (before its claims are built). */
  addDocument(d: Pick<DocumentSummary, "id" | "published" | "publisher" | "language">): void {
    this.documents.set(d.id, { published: this.strings.maybe(d.published), publisher: this.strings.maybe(d.publisher), language: this.strings.maybe(d.language ?? null) });
  }

  /** The linker's claim for a stored claim, its document's group of copies given. */
  claim(c: StoredClaim, duplicateGroup: string | null | undefined): LinkClaim {
    const doc = this.documents.get(c.documentId);
    const { source, reportedBy } = this.attribution(c, doc?.publisher ?? null);
    const s = this.strings;
    let documentId = this.documentIds.get(c.documentId);
    if (documentId === undefined) {
      documentId = s.get(String(c.documentId));
      this.documentIds.set(c.documentId, documentId);
    }
    return {
      id: String(c.id),
      documentId,
      documentName: s.get(c.document),
      published: s.maybe(c.documentPublished ?? doc?.published ?? null),
      event: s.get(c.event) as EventType,
      count: c.count,
      qualifier: s.get(c.qualifier) as Qualifier,
      period: this.period(c.period),
      place: s.maybe(c.place),
      victims: this.victims(c.victims),
      source,
      sourceNetwork: source ? s.maybe(this.registry.networkOf(source)) : null,
      reportedBy,
      duplicateGroup: s.get(duplicateGroup ?? `dup-${c.documentId}`),
      language: doc?.language ?? null,
      quote: c.quote,
      ...(c.countSpan && c.countSpan[0] >= c.span[0] ? { countAt: c.countSpan[0] - c.span[0] } : {}),
      ...(c.factOverride ? { override: overrideOf(c.factOverride) } : {}),
    };
  }

  /** One shared copy of a string (or null). */
  text(value: string | null): string | null {
    return this.strings.maybe(value);
  }

  private period(p: Period | null): Period | null {
    return p === null ? null : this.strings.period(p);
  }

  private victims(v: VictimGroup[]): VictimGroup[] {
    const key = v.join("+");
    let kept = this.victimLists.get(key);
    if (!kept) {
      kept = v.map((x) => this.strings.get(x) as VictimGroup);
      this.victimLists.set(key, kept);
    }
    return kept;
  }

  /** attributionOf, its names shared. */
  private attribution(c: StoredClaim, publisher: string | null): Attribution {
    const a = attributionOf(c, publisher, this.registry);
    return { source: this.strings.maybe(a.source), reportedBy: this.strings.maybe(a.reportedBy) };
  }
}

/** Maps stored claims to the linker's claims. */
export function toLinkClaims(
  data: ClaimsWithDocuments,
  groups: ReadonlyMap<number, string>,
  registry: SourceRegistry,
): LinkClaim[] {
  const builder = new LinkClaimBuilder(registry);
  for (const d of data.documents.values()) builder.addDocument(d);
  return data.claims.map((c) => builder.claim(c, groups.get(c.documentId)));
}

/** The linker's form of an analyst's fact assignment. */
function overrideOf(o: FactOverride): NonNullable<LinkClaim["override"]> {
  if (o.kind === "split" && !o.scope) return { split: o.tag };
  const s = o.scope as FactScopeRecord;
  const scope: FactScope = { family: s.family as FactScope["family"], place: s.place, period: s.period, victims: s.victims as VictimGroup[] };
  const split = o.kind === "split" ? o.tag : s.split;
  if (split) scope.split = split;
  if (s.combined) scope.combined = true;
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
