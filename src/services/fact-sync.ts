// Keeps the stored facts current with the ledger. Every write to the ledger is an audit event
// (src/store/audit-log.ts); the stored facts of each audience record the audit sequence they
// follow up to. Syncing reads the events since then, takes the documents they touch (a document,
// its claims, a relation and the copies it joins, the claims crediting a source) and updates the
// facts of those documents only (fact-update.ts). A store never linked, a changed source registry
// or linking rules, a restored backup or a very large backlog are linked again in full.
import { createHash } from "node:crypto";
import { CONFLICT_RULE, ESTIMATE_RULE, RANKING_RULE, SCOPE_RULE, VOICE_RULE, type LinkClaim } from "../core/linking/index.js";
import type { SourceRegistry } from "../core/sources.js";
import { FACT_AUDIENCES, FULL_ACCESS, PUBLIC_ACCESS, type FactAudience, type FactState, type Store, type StoredClaim, type StoredFacts } from "../store/index.js";
import { CLAIM_BATCH, LinkClaimBuilder, toLinkClaims } from "./facts-claims.js";
import { partitionClaims, rebuildFacts, updateDocuments, type ClaimPartitions, type ClaimSnapshot } from "./fact-update.js";

/** Version of the stored facts' form and of the linking: bump it when the linker changes its answers. */
export const FACTS_FORMAT = "facts-2"; // facts-2: the claim records carry their document's language

/** Above this many touched documents in one sync, the facts are linked again in full instead. */
export const MAX_INCREMENTAL_DOCUMENTS = 5000;

/** Audit events read per query. */
const EVENT_PAGE = 2000;

/** What a sync did for one audience. */
export interface SyncReport {
  audience: FactAudience;
  mode: "current" | "update" | "rebuild";
  /** Audit sequence the facts follow now. */
  seq: number;
  documents: number;
  facts: number | null;
  ms: number;
}

/** The audience whose facts a reader sees. */
export function audienceOf(reader: Store): FactAudience {
  return reader.access.restricted ? "full" : "public";
}

/** Digest of what facts are linked with: the registry and the rules (a change means a rebuild). */
export function linkingDigest(registry: SourceRegistry): string {
  return createHash("sha256")
    .update(JSON.stringify([FACTS_FORMAT, SCOPE_RULE, VOICE_RULE, CONFLICT_RULE, ESTIMATE_RULE, RANKING_RULE, registry.data]))
    .digest("hex")
    .slice(0, 32);
}

function readerFor(store: Store, audience: FactAudience): Store {
  return store.withActor("system").withAccess(audience === "full" ? FULL_ACCESS : PUBLIC_ACCESS);
}

function snapshots(claims: StoredClaim[], links: LinkClaim[]): ClaimSnapshot[] {
  const stored = new Map(claims.map((c) => [String(c.id), c]));
  return links.map((claim) => {
    const c = stored.get(claim.id);
    return { claim, credited: c?.source ?? null, periodLabel: c?.periodLabel ?? null };
  });
}

/**
 * Every claim an audience sees, as snapshots for linking, by partition (what rebuildFacts takes
 * over), and how many documents they come from. The claims are read a page at a time and each
 * page turned into the linker's claims at once (LinkClaimBuilder: shared strings, periods and
 * victim lists), so that the stored rows of a million claims are never all held.
 */
async function allClaims(reader: Store, registry: SourceRegistry): Promise<{ partitions: ClaimPartitions; documents: number }> {
  const builder = new LinkClaimBuilder(registry);
  for (let offset = 0; ; offset += CLAIM_BATCH) {
    const page = await reader.listDocuments({ limit: CLAIM_BATCH, offset });
    for (const d of page) builder.addDocument(d);
    if (page.length < CLAIM_BATCH) break;
  }
  const groups = new Map<number, string>();
  const partitions: ClaimPartitions = new Map();
  const documents = new Set<number>();
  for (let afterId = 0; ; ) {
    // Keyset paging (id > the last one read); rejected claims (left out by default) and superseded figures are no voices.
    const page = await reader.queryClaims({ includeClutter: false, excludeSuperseded: true, afterId }, { limit: CLAIM_BATCH, offset: 0, sort: "id" });
    await componentGroups(reader, page.map((c) => c.documentId), groups);
    partitionClaims(
      page.map((c) => {
        documents.add(c.documentId);
        return { claim: builder.claim(c, groups.get(c.documentId)), credited: builder.text(c.source), periodLabel: builder.text(c.periodLabel ?? null) };
      }),
      partitions,
    );
    const last = page[page.length - 1];
    if (page.length < CLAIM_BATCH || !last) break;
    afterId = last.id;
  }
  return { partitions, documents: documents.size };
}

/**
 * Duplicate groups of documents: each document's group is named after the smallest document of
 * its connected component of near-duplicate and syndication relations (as duplicateGroups gives
 * for all documents at once), following relations beyond the documents given. Documents already
 * in `out` (each with its whole component) are not walked again.
 */
async function componentGroups(reader: Store, documentIds: Iterable<number>, out = new Map<number, string>()): Promise<Map<number, string>> {
  for (const start of documentIds) {
    if (out.has(start)) continue;
    const seen = new Set([start]);
    const queue = [start];
    while (queue.length > 0) {
      const id = queue.pop() as number;
      for (const rel of await reader.relatedDocuments(id)) {
        if (!seen.has(rel.document.id)) {
          seen.add(rel.document.id);
          queue.push(rel.document.id);
        }
      }
    }
    const group = `dup-${Math.min(...seen)}`;
    for (const id of seen) out.set(id, group);
  }
  return out;
}

/** The claims an audience sees now of some documents (with the copies they are grouped with). */
async function documentClaims(reader: Store, ids: readonly number[], registry: SourceRegistry): Promise<ClaimSnapshot[]> {
  const claims: StoredClaim[] = [];
  const documents = new Map<number, Awaited<ReturnType<Store["getDocument"]>> & object>();
  for (const id of ids) {
    const doc = await reader.getDocument(id);
    if (!doc) continue;
    documents.set(id, doc);
    for (let afterId = 0; ; ) {
      const page = await reader.queryClaims({ documentId: id, includeClutter: false, excludeSuperseded: true, afterId }, { limit: 5000, offset: 0, sort: "id" });
      for (const c of page) claims.push(c);
      const last = page[page.length - 1];
      if (page.length < 5000 || !last) break;
      afterId = last.id;
    }
  }
  const groups = await componentGroups(reader, documents.keys());
  return snapshots(claims, toLinkClaims({ claims, documents }, groups, registry));
}

/** What the audit events since `afterSeq` touch: documents, or "all" (a restored backup). */
async function touchedSince(store: Store, afterSeq: number, head: number): Promise<Set<number> | "all"> {
  const docs = new Set<number>();
  const sources = new Set<number>();
  for (let seq = afterSeq; seq < head; ) {
    const events = await store.listAuditEvents({ afterSeq: seq, limit: EVENT_PAGE });
    if (events.length === 0) break;
    for (const e of events) {
      seq = e.seq;
      if (e.seq > head) break;
      if (e.objectType === "store") return "all";
      if (e.objectType === "document" || e.objectType === "claims") docs.add(Number(e.objectId));
      else if (e.objectType === "relation") for (const id of e.objectId.split("-").slice(0, 2)) docs.add(Number(id));
      else if (e.objectType === "source") sources.add(Number(e.objectId));
      if (docs.size > MAX_INCREMENTAL_DOCUMENTS) return "all";
    }
    if (events.length < EVENT_PAGE) break;
  }
  // A source restricted, renamed or given aliases: the documents of the claims crediting it.
  for (const sourceId of sources) {
    for (let afterId = 0; ; ) {
      const page = await store.queryClaims({ sourceId, includeClutter: true, status: ["proposed", "accepted", "corrected", "rejected", "added"], afterId }, { limit: 5000, offset: 0, sort: "id" });
      for (const c of page) docs.add(c.documentId);
      const last = page[page.length - 1];
      if (page.length < 5000 || !last) break;
      afterId = last.id;
    }
    if (docs.size > MAX_INCREMENTAL_DOCUMENTS) return "all";
  }
  // A relation joins groups of copies: every copy of a touched document may change group.
  const full = readerFor(store, "full");
  for (const [id] of await componentGroups(full, [...docs])) docs.add(id);
  return docs.size > MAX_INCREMENTAL_DOCUMENTS ? "all" : docs;
}

export interface SyncOptions {
  audiences?: readonly FactAudience[];
  /** Link every claim again, whatever the stored facts follow. */
  rebuild?: boolean;
  /**
   * Given the facts a full linking stored (what FactStore.load would read back right after): a
   * reader that holds every fact takes them from here instead of reading a million rows again.
   */
  rebuilt?: (audience: FactAudience, facts: StoredFacts) => void;
}

/**
 * Brings the stored facts of the audiences (default both) up to the ledger's audit head:
 * an update of the touched documents, or a full linking (`rebuild`, or when the facts were never
 * linked, were linked with another registry or rules, or a backup was restored since).
 */
export async function syncFacts(store: Store, registry: SourceRegistry, opts: SyncOptions = {}): Promise<SyncReport[]> {
  const out: SyncReport[] = [];
  const fs = store.factStore();
  const digest = linkingDigest(registry);
  const networkOf = (name: string) => registry.networkOf(name);
  for (const audience of opts.audiences ?? FACT_AUDIENCES) {
    const reader = readerFor(store, audience);
    for (let attempt = 0; ; attempt++) {
      const started = performance.now();
      const head = (await store.auditHead()).seq;
      const state = await fs.state(audience);
      const next: FactState = { syncedSeq: head, digest, builtAt: new Date().toISOString() };
      const done = (mode: SyncReport["mode"], documents: number, facts: number | null) =>
        out.push({ audience, mode, seq: head, documents, facts, ms: Math.round(performance.now() - started) });
      if (!opts.rebuild && state && state.digest === digest && state.syncedSeq >= head) {
        done("current", 0, null);
        break;
      }
      // What changed is read with full access: a restricted claim's document is touched for every audience.
      const touched = opts.rebuild || !state || state.digest !== digest ? "all" : await touchedSince(readerFor(store, "full"), state.syncedSeq, head);
      if (touched === "all") {
        const { partitions, documents } = await allClaims(reader, registry);
        const facts = await rebuildFacts(fs, audience, partitions, networkOf, next);
        done("rebuild", documents, facts.facts.length);
        opts.rebuilt?.(audience, facts);
        break;
      }
      const ids = [...touched].sort((a, b) => a - b);
      const fresh = await documentClaims(reader, ids, registry);
      const stats = await updateDocuments(fs, audience, ids.map(String), fresh, networkOf, next, (state as FactState).syncedSeq);
      if (stats) {
        done("update", stats.documents, stats.relinked);
        break;
      }
      // Another process updated the facts meanwhile: start again from where it left them.
      if (attempt >= 5) throw new Error("the stored facts keep changing under this update; try `tally facts rebuild`");
    }
  }
  return out;
}
