// FactStore over the store's database (SQLite or PostgreSQL): fact_rows, fact_claims,
// fact_conflicts, fact_conflict_facts and fact_state (migration 13).
import { sql, type Kysely } from "kysely";
import type { Period } from "../core/types.js";
import type { ConflictRecord, ConflictRef, FactAudience, FactChange, FactClaimRecord, FactDelta, FactHead, FactPart, FactState, FactStore, StoredFact, StoredFacts } from "./fact-store.js";
import { FactRowSharer } from "./fact-records.js";
import type { Database, DialectName } from "./schema.js";
import { inTransaction } from "./transaction.js";

/** Ids per IN list and rows per INSERT: well inside both engines' limits on bound values. */
const CHUNK = 500;

/** Stored claims read per query when loading every fact. */
const LOAD_PAGE = 20_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const parseHead = (r: { data: string; parent_id: string | null }): FactHead => ({ ...(JSON.parse(r.data) as FactHead), parentId: r.parent_id });
const parseFact = (r: { data: string; parent_id: string | null; revisions: string }): StoredFact => ({ ...parseHead(r), revisions: JSON.parse(r.revisions) as StoredFact["revisions"] });
const parseClaim = (r: { data: string }) => JSON.parse(r.data) as FactClaimRecord;
const parseConflict = (r: { owner: string; data: string }): ConflictRecord => ({ owner: r.owner, contradiction: JSON.parse(r.data) as ConflictRecord["contradiction"] });

function factRow(audience: FactAudience, f: StoredFact, changed: number) {
  const { revisions, ...head } = f;
  return {
    audience,
    id: f.id,
    key: f.key,
    family: f.scope.family,
    place: f.scope.place,
    period_start: f.scope.period?.start ?? null,
    period_end: f.scope.period?.end ?? null,
    victims: f.scope.victims.join("+"),
    parent_id: f.parentId,
    status: f.status,
    data: JSON.stringify({ ...head, parentId: null }),
    revisions: JSON.stringify(revisions),
    changed,
  };
}

/**
 * The change's contradictions without those it deletes and adds again unchanged (same owner and
 * JSON): an update recomputes every contradiction of the facts it touches, and most come out the same.
 */
async function unchangedConflictsLeft(trx: Kysely<Database>, audience: FactAudience, change: FactChange): Promise<{ deleteConflicts: string[]; addConflicts: ConflictRecord[] }> {
  const added = new Map(change.addConflicts.map((c) => [c.contradiction.id, c]));
  const both = change.deleteConflicts.filter((id) => added.has(id));
  if (both.length === 0) return { deleteConflicts: change.deleteConflicts, addConflicts: change.addConflicts };
  const same = new Set<string>();
  for (const part of chunks(both)) {
    const rows = await trx.selectFrom("fact_conflicts").select(["id", "owner", "data"]).where("audience", "=", audience).where("id", "in", part).execute();
    for (const r of rows) {
      const c = added.get(r.id);
      if (c && c.owner === r.owner && JSON.stringify(c.contradiction) === r.data) same.add(r.id);
    }
  }
  return {
    deleteConflicts: change.deleteConflicts.filter((id) => !same.has(id)),
    addConflicts: change.addConflicts.filter((c) => !same.has(c.contradiction.id)),
  };
}

type Trx = Kysely<Database>;

async function clearAudience(trx: Trx, audience: FactAudience): Promise<void> {
  for (const table of ["fact_rows", "fact_claims", "fact_conflicts", "fact_conflict_facts", "fact_drops"] as const) {
    await trx.deleteFrom(table).where("audience", "=", audience).execute();
  }
}

async function insertFacts(trx: Trx, audience: FactAudience, version: number, facts: readonly StoredFact[]): Promise<void> {
  for (const part of chunks(facts, 200)) await trx.insertInto("fact_rows").values(part.map((f) => factRow(audience, f, version))).execute();
}

async function insertClaims(trx: Trx, audience: FactAudience, claims: readonly FactClaimRecord[]): Promise<void> {
  for (const part of chunks(claims, 400)) {
    await trx
      .insertInto("fact_claims")
      .values(part.map((c) => ({ audience, claim_id: c.claim.id, fact_id: c.factId, document_id: c.claim.documentId, dating_key: c.datingKey, data: JSON.stringify(c) })))
      .execute();
  }
}

async function insertConflicts(trx: Trx, audience: FactAudience, version: number, conflicts: readonly ConflictRecord[]): Promise<void> {
  for (const part of chunks(conflicts, 400)) {
    await trx
      .insertInto("fact_conflicts")
      .values(part.map((c) => ({ audience, id: c.contradiction.id, kind: c.contradiction.kind, owner: c.owner, data: JSON.stringify(c.contradiction), changed: version })))
      .execute();
    const links = part.flatMap((c) => c.contradiction.facts.map((fid) => ({ audience, conflict_id: c.contradiction.id, fact_id: fid })));
    for (const l of chunks(links, 400)) await trx.insertInto("fact_conflict_facts").values(l).execute();
  }
}

async function writeState(trx: Trx, audience: FactAudience, state: FactState, version: number, exists: boolean, rebuilt: boolean): Promise<void> {
  const s = { synced_seq: state.syncedSeq, digest: state.digest, built_at: state.builtAt, version, ...(rebuilt ? { rebuilt: version } : {}) };
  if (exists) await trx.updateTable("fact_state").set(s).where("audience", "=", audience).execute();
  else await trx.insertInto("fact_state").values({ audience, rebuilt: version, ...s }).execute();
}

export class KyselyFactStore implements FactStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async state(audience: FactAudience): Promise<FactState | null> {
    const r = await this.db.selectFrom("fact_state").selectAll().where("audience", "=", audience).executeTakeFirst();
    return r ? { syncedSeq: Number(r.synced_seq), digest: r.digest, builtAt: r.built_at } : null;
  }

  async facts(audience: FactAudience, ids: readonly string[]): Promise<FactHead[]> {
    const out: FactHead[] = [];
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db.selectFrom("fact_rows").select(["data", "parent_id"]).where("audience", "=", audience).where("id", "in", part).execute();
      for (const r of rows) out.push(parseHead(r));
    }
    return out;
  }

  claimsOfFacts(audience: FactAudience, factIds: readonly string[]): Promise<FactClaimRecord[]> {
    return this.claimsBy(audience, "fact_id", factIds);
  }

  claimsOfDocuments(audience: FactAudience, documentIds: readonly string[]): Promise<FactClaimRecord[]> {
    return this.claimsBy(audience, "document_id", documentIds);
  }

  claims(audience: FactAudience, claimIds: readonly string[]): Promise<FactClaimRecord[]> {
    return this.claimsBy(audience, "claim_id", claimIds);
  }

  private async claimsBy(audience: FactAudience, column: "fact_id" | "document_id" | "claim_id" | "dating_key", values: readonly string[]): Promise<FactClaimRecord[]> {
    const out: FactClaimRecord[] = [];
    for (const part of chunks([...new Set(values)])) {
      const rows = await this.db.selectFrom("fact_claims").select("data").where("audience", "=", audience).where(column, "in", part).execute();
      for (const r of rows) out.push(parseClaim(r));
    }
    return out;
  }

  async relatives(audience: FactAudience, family: string, places: readonly (string | null)[], period: Period | null): Promise<FactHead[]> {
    const named = places.filter((p): p is string => p !== null);
    const unplaced = places.includes(null);
    if (named.length === 0 && !unplaced) return [];
    const out: FactHead[] = [];
    const query = (where: (q: ReturnType<typeof this.base>) => ReturnType<typeof this.base>) => {
      let q = where(this.base(audience, family));
      q = period ? q.where("period_start", "<=", period.end).where("period_end", ">=", period.start) : q.where("period_start", "is", null);
      return q.execute();
    };
    for (const part of chunks(named)) for (const r of await query((q) => q.where("place", "in", part))) out.push(parseHead(r));
    if (unplaced) for (const r of await query((q) => q.where("place", "is", null))) out.push(parseHead(r));
    return out;
  }

  private base(audience: FactAudience, family: string) {
    return this.db.selectFrom("fact_rows").select(["data", "parent_id"]).where("audience", "=", audience).where("family", "=", family);
  }

  async children(audience: FactAudience, parentIds: readonly string[]): Promise<FactHead[]> {
    const out: FactHead[] = [];
    for (const part of chunks([...new Set(parentIds)])) {
      const rows = await this.db.selectFrom("fact_rows").select(["data", "parent_id"]).where("audience", "=", audience).where("parent_id", "in", part).execute();
      for (const r of rows) out.push(parseHead(r));
    }
    return out;
  }

  datingClaims(audience: FactAudience, keys: readonly string[]): Promise<FactClaimRecord[]> {
    return this.claimsBy(audience, "dating_key", keys);
  }

  async conflictsOf(audience: FactAudience, factIds: readonly string[]): Promise<ConflictRef[]> {
    const out = new Map<string, ConflictRef>();
    for (const part of chunks([...new Set(factIds)])) {
      const rows = await this.db
        .selectFrom("fact_conflicts as c")
        .innerJoin("fact_conflict_facts as cf", (j) => j.onRef("cf.audience", "=", "c.audience").onRef("cf.conflict_id", "=", "c.id"))
        .select(["c.id", "c.kind", "c.owner", "cf.fact_id"])
        .where("c.audience", "=", audience)
        .where("cf.fact_id", "in", part)
        .execute();
      for (const r of rows) {
        const ref = out.get(r.id);
        if (ref) ref.facts.push(r.fact_id);
        else out.set(r.id, { id: r.id, kind: r.kind as ConflictRef["kind"], owner: r.owner, facts: [r.fact_id] });
      }
    }
    return [...out.values()];
  }

  async apply(audience: FactAudience, change: FactChange, expectedSeq: number | null = null): Promise<boolean> {
    const applied = await this.applyInTransaction(audience, change, expectedSeq);
    if (applied && change.clear && this.dialect === "postgres") await this.analyze();
    return applied;
  }

  private applyInTransaction(audience: FactAudience, change: FactChange, expectedSeq: number | null): Promise<boolean> {
    return inTransaction(this.db, this.dialect, async (trx) => {
      const current = await trx.selectFrom("fact_state").select(["synced_seq", "version"]).where("audience", "=", audience).executeTakeFirst();
      if (expectedSeq !== null && Number(current?.synced_seq ?? -1) !== expectedSeq) return false;
      // Every row this change writes records its version; what it removes goes to fact_drops.
      const version = Number(current?.version ?? 0) + 1;
      if (change.clear) await clearAudience(trx, audience);
      const drop = async (kind: "fact" | "conflict", ids: readonly string[]) => {
        for (const part of chunks(ids)) {
          await trx
            .insertInto("fact_drops")
            .values(part.map((id) => ({ audience, kind, id, changed: version })))
            .onConflict((oc) => oc.columns(["audience", "kind", "id"]).doUpdateSet({ changed: version }))
            .execute();
        }
      };
      for (const part of chunks(change.deleteFacts)) await trx.deleteFrom("fact_rows").where("audience", "=", audience).where("id", "in", part).execute();
      await drop("fact", change.deleteFacts);
      for (const part of chunks(change.upsertFacts.map((f) => f.id))) await trx.deleteFrom("fact_rows").where("audience", "=", audience).where("id", "in", part).execute();
      await insertFacts(trx, audience, version, change.upsertFacts);
      for (const p of change.parents) {
        await trx.updateTable("fact_rows").set({ parent_id: p.parentId, changed: version }).where("audience", "=", audience).where("id", "=", p.id).execute();
      }
      for (const part of chunks(change.removeDocuments)) await trx.deleteFrom("fact_claims").where("audience", "=", audience).where("document_id", "in", part).execute();
      await insertClaims(trx, audience, change.addClaims);
      const { deleteConflicts, addConflicts } = await unchangedConflictsLeft(trx, audience, change);
      for (const part of chunks(deleteConflicts)) {
        await trx.deleteFrom("fact_conflicts").where("audience", "=", audience).where("id", "in", part).execute();
        await trx.deleteFrom("fact_conflict_facts").where("audience", "=", audience).where("conflict_id", "in", part).execute();
      }
      const readded = new Set(addConflicts.map((c) => c.contradiction.id));
      await drop("conflict", deleteConflicts.filter((id) => !readded.has(id)));
      await insertConflicts(trx, audience, version, addConflicts);
      await writeState(trx, audience, change.state, version, current !== undefined, change.clear === true);
      return true;
    });
  }

  async rebuild(audience: FactAudience, parts: Iterable<FactPart>, state: FactState): Promise<number> {
    // One transaction: readers see the facts before it or after it. Each part is linked (by the
    // iterator) only once the one before is written, and is dropped by the caller afterwards.
    const version = await inTransaction(this.db, this.dialect, async (trx) => {
      const current = await trx.selectFrom("fact_state").select(["version"]).where("audience", "=", audience).executeTakeFirst();
      const version = Number(current?.version ?? 0) + 1;
      await clearAudience(trx, audience);
      for (const part of parts) {
        await insertFacts(trx, audience, version, part.facts);
        await insertClaims(trx, audience, part.claims);
        await insertConflicts(trx, audience, version, part.conflicts);
      }
      await writeState(trx, audience, state, version, current !== undefined, true);
      return version;
    });
    if (this.dialect === "postgres") await this.analyze();
    return version;
  }

  /** After a rebuild, PostgreSQL's planner needs the tables' new statistics (else it scans a million claims to find one document's) before autovacuum gets to them. */
  private async analyze(): Promise<void> {
    await sql`analyze fact_rows, fact_claims, fact_conflicts, fact_conflict_facts, fact_drops`.execute(this.db);
  }

  /** The version of an audience's facts and of their last rebuild (0 and 0 before the first change). */
  private async versions(audience: FactAudience): Promise<{ version: number; rebuilt: number }> {
    const r = await this.db.selectFrom("fact_state").select(["version", "rebuilt"]).where("audience", "=", audience).executeTakeFirst();
    return { version: Number(r?.version ?? 0), rebuilt: Number(r?.rebuilt ?? 0) };
  }

  async changesSince(audience: FactAudience, since: number): Promise<FactDelta | null> {
    // The version is read first: a change committed meanwhile is read again by the next call (applying it twice gives the same).
    const { version, rebuilt } = await this.versions(audience);
    if (rebuilt > since || version < since) return null;
    const empty: FactDelta = { version, facts: [], claims: [], conflicts: [], droppedFacts: [], droppedConflicts: [] };
    if (version === since) return empty;
    const facts = (await this.db.selectFrom("fact_rows").select(["data", "parent_id", "revisions"]).where("audience", "=", audience).where("changed", ">", since).execute()).map(parseFact);
    const conflicts = (await this.db.selectFrom("fact_conflicts").select(["owner", "data"]).where("audience", "=", audience).where("changed", ">", since).execute()).map(parseConflict);
    const drops = await this.db.selectFrom("fact_drops").select(["kind", "id"]).where("audience", "=", audience).where("changed", ">", since).execute();
    return {
      ...empty,
      facts,
      claims: await this.claimsOfFacts(audience, facts.map((f) => f.id)),
      conflicts,
      droppedFacts: drops.filter((d) => d.kind === "fact").map((d) => d.id),
      droppedConflicts: drops.filter((d) => d.kind === "conflict").map((d) => d.id),
    };
  }

  async load(audience: FactAudience, family?: string): Promise<StoredFacts> {
    // The version first: a change committed during the reads is read again as a change since it.
    const { version } = await this.versions(audience);
    const sharer = new FactRowSharer();
    const facts: StoredFact[] = [];
    for (let after = ""; ; ) {
      let fq = this.db.selectFrom("fact_rows").select(["id", "data", "parent_id", "revisions"]).where("audience", "=", audience).where("id", ">", after).orderBy("id").limit(LOAD_PAGE);
      if (family) fq = fq.where("family", "=", family);
      const page = await fq.execute();
      for (const r of page) facts.push(sharer.fact(parseFact(r)));
      const last = page[page.length - 1];
      if (page.length < LOAD_PAGE || !last) break;
      after = last.id;
    }
    // Claims and conflicts a page at a time (keyset on the primary key), each page parsed before
    // the next is read: a million rows of JSON text held at once beside their parsed form were
    // much of a server's peak memory when it first read its facts.
    const claims: FactClaimRecord[] = [];
    for (let after = ""; ; ) {
      let cq = this.db
        .selectFrom("fact_claims")
        .select(["fact_claims.claim_id", "fact_claims.data"])
        .where("fact_claims.audience", "=", audience)
        .where("fact_claims.claim_id", ">", after)
        .orderBy("fact_claims.claim_id")
        .limit(LOAD_PAGE);
      if (family) {
        cq = cq.where("fact_claims.fact_id", "in", (eb) => eb.selectFrom("fact_rows").select("fact_rows.id").where("fact_rows.audience", "=", audience).where("fact_rows.family", "=", family));
      }
      const page = await cq.execute();
      for (const r of page) claims.push(sharer.claim(parseClaim(r)));
      const last = page[page.length - 1];
      if (page.length < LOAD_PAGE || !last) break;
      after = last.claim_id;
    }
    const wanted = new Set(facts.map((f) => f.id));
    const conflicts: ConflictRecord[] = [];
    for (let after = ""; ; ) {
      const page = await this.db
        .selectFrom("fact_conflicts")
        .select(["id", "owner", "data"])
        .where("audience", "=", audience)
        .where("id", ">", after)
        .orderBy("id")
        .limit(LOAD_PAGE)
        .execute();
      for (const r of page) {
        const c = sharer.conflict(parseConflict(r));
        if (!family || c.contradiction.facts.some((id) => wanted.has(id))) conflicts.push(c);
      }
      const last = page[page.length - 1];
      if (page.length < LOAD_PAGE || !last) break;
      after = last.id;
    }
    return { facts, claims, conflicts, version };
  }
}
