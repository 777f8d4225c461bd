// Reading the registry: people with what their records say, one person in full, the overlap of
// sources with the estimate, lists against counts, and reading victims' names out of documents.
import { documentMentions, VICTIM_LIST_MEDIA_TYPE } from "../pipeline/victim-mentions.js";
import { overlap, type Overlap } from "../core/victims/overlap.js";
import { summarizePerson, type PersonSummary } from "../core/victims/person.js";
import { NotFound } from "../shared/errors.js";
import type { Store, StoredClaim } from "../store/index.js";
import type { VictimRecordRow } from "../store/victim-store.js";
import type { OverlapScope, Page } from "./victims-schemas.js";

/** A person of the registry as lists show them. */
export interface PersonRow extends PersonSummary {
  id: number;
  restricted: boolean;
}

/** A page of people, with the total. */
export async function listVictimPersons(store: Store, page: Page): Promise<{ total: number; persons: PersonRow[] }> {
  const victims = store.victimStore();
  const persons = await victims.listPersons(page);
  return { total: await victims.countPersons(), persons: persons.map((p) => ({ id: p.id, restricted: p.restricted, ...summarizePerson(p.records) })) };
}

/** One person: the summary, every record, and the pairs of theirs left for review. */
export async function getVictimPerson(store: Store, id: number): Promise<PersonRow & { linkedAt: string; recordList: VictimRecordRow[] }> {
  const p = await store.victimStore().getPerson(id);
  if (!p) throw new NotFound("person", id);
  return { id: p.id, restricted: p.restricted, linkedAt: p.linkedAt, ...summarizePerson(p.records), recordList: p.records };
}

/** The overlap of sources for a scope, and the estimate from it (or why there is none). */
export async function victimOverlap(store: Store, input: OverlapScope): Promise<Overlap & { scope: OverlapScope }> {
  const victims = store.victimStore();
  const lists = new Map((await victims.listLists()).map((l) => [l.id, l]));
  const records = (await victims.records({ linked: true })).filter((r) => !input.listsOnly || r.kind === "row");
  const o = overlap(
    records.map((r) => ({ personId: r.personId as number, source: r.source, network: r.network, dependsOn: r.listId !== null ? (lists.get(r.listId)?.dependsOn ?? []) : [], place: r.place, date: r.date, event: r.event })),
    { ...(input.event ? { event: input.event } : {}), ...(input.place ? { place: input.place } : {}), ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
    { criterion: input.criterion },
  );
  return { ...o, scope: input };
}

/** A claim that states a number of victims some of whom the text names, and how the names compare. */
export interface ListAgainstCount {
  claimId: number;
  count: number;
  qualifier: string;
  named: number;
  /** "shorter": fewer names than the count; "longer": more than an exact, about or up-to count; "matches" otherwise. */
  flag: "shorter" | "longer" | "matches";
  names: string[];
  quote: string;
}

/** For every claim with named victims: how many of them Tally can name, flagged when that differs from the count. */
export async function listsAgainstCounts(store: Store): Promise<ListAgainstCount[]> {
  const mentions = (await store.victimStore().records()).filter((r) => r.kind === "mention" && r.claimId !== null);
  const byClaim = new Map<number, VictimRecordRow[]>();
  for (const m of mentions) {
    const list = byClaim.get(m.claimId as number) ?? [];
    list.push(m);
    byClaim.set(m.claimId as number, list);
  }
  const out: ListAgainstCount[] = [];
  for (const [claimId, ms] of [...byClaim.entries()].sort((a, b) => a[0] - b[0])) {
    const claim = await store.getClaim(claimId);
    if (!claim) continue;
    // Two mentions of one person (linked) count once.
    const named = new Set(ms.map((m) => (m.personId !== null ? `p${m.personId}` : m.key))).size;
    const open = claim.qualifier === "at_least" || claim.qualifier === "more_than";
    const flag = named < claim.count ? "shorter" : named > claim.count && !open ? "longer" : "matches";
    out.push({ claimId, count: claim.count, qualifier: claim.qualifier, named, flag, names: ms.map((m) => m.name), quote: claim.quote });
  }
  return out;
}

/** Reads the victims named in stored documents (all, or the ones given) and stores them as mentions. */
export async function extractVictimMentions(store: Store, documentIds?: readonly number[]): Promise<{ documents: number; mentions: number }> {
  const ids = documentIds ?? (await allDocumentIds(store));
  let mentions = 0;
  let documents = 0;
  for (const id of ids) {
    const doc = await store.getDocument(id);
    if (!doc) throw new NotFound("document", id);
    if (doc.mediaType === VICTIM_LIST_MEDIA_TYPE) continue;
    const claims: StoredClaim[] = await store.queryClaims({ documentId: id, includeClutter: true }, { limit: 100_000, offset: 0, sort: "id" });
    const found = documentMentions(doc.text, doc.language, claims, doc);
    const had = (await store.victimStore().records({ documentId: id })).length;
    if (found.length === 0 && had === 0) continue;
    const n = await store.victimStore().replaceMentions(id, found.map(({ claim, ...m }) => ({ ...m, claimId: claim === null ? null : (claims[claim]?.id ?? null) })));
    mentions += n;
    documents++;
  }
  return { documents, mentions };
}

async function allDocumentIds(store: Store): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    ids.push(...page.map((d) => d.id));
    if (page.length < 1000) return ids.sort((a, b) => a - b);
  }
}
