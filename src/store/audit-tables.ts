// The tables `audit verify` checks beside documents and claims: accounts against the row digests
// their events recorded (row-digests.ts), sources and relations against their last recorded state.
import { sql, type Kysely } from "kysely";
import { sourceState } from "./audit-append.js";
import { canonicalJson } from "./audit-chain.js";
import { sessionRowDigest, tokenRowDigest, userRowDigest } from "./row-digests.js";
import { CLAIM_TALLIES, rebuiltTallySql, SOURCE_TALLIES, VICTIM_TALLIES } from "./migrations/0007_claim_tallies.js";
import { FACET_TALLY_TABLES } from "./migrations/0018_facet_tallies.js";
import { rebuiltPairSql, VICTIM_PAIR_TALLIES } from "./migrations/0019_victim_pair_tallies.js";
import { MONTH_TALLY_TABLES } from "./migrations/0020_month_tallies.js";
import type { Database, DialectName } from "./schema.js";
import { FTS5_TOKENIZE } from "./migrations/0011_languages.js";
import { SQLITE_FOLD_FUNCTION } from "./search-fold.js";
import { searchVectorValue } from "./search-vector.js";
import type { AuditProblem } from "./contracts/audit.js";

/** What the chain recorded last of each account, source and relation, gathered while walking it. */
export class RecordedTables {
  readonly users = new Map<number, { digest: string | null; seq: number }>();
  readonly tokens = new Map<number, { digest: string | null; seq: number }>();
  readonly sessions = new Set<string>();
  readonly sources = new Map<number, { state: Record<string, unknown> | null; seq: number }>();
  readonly relations = new Map<string, { state: Record<string, unknown> | null; seq: number }>();

  /** Notes one event of the chain. */
  note(seq: number, objectType: string, objectId: string, after: Record<string, unknown> | null): void {
    if (objectType === "user" && after) {
      if ("row_digest" in after) this.users.set(Number(objectId), { digest: typeof after.row_digest === "string" ? after.row_digest : null, seq });
      if (typeof after.session_digest === "string") this.sessions.add(after.session_digest);
    } else if (objectType === "token" && after && "row_digest" in after) {
      this.tokens.set(Number(objectId), { digest: typeof after.row_digest === "string" ? after.row_digest : null, seq });
    } else if (objectType === "source") {
      this.sources.set(Number(objectId), { state: after, seq });
    } else if (objectType === "relation") {
      this.relations.set(objectId, { state: after, seq });
    }
  }
}

/** The fields of `recorded` that `actual` has, compared. */
function sameState(actual: Record<string, unknown>, recorded: Record<string, unknown>): boolean {
  return Object.keys(actual).every((k) => !(k in recorded) || canonicalJson(actual[k]) === canonicalJson(recorded[k]));
}

/** Checks users, API tokens, sessions, sources and relations against what the chain recorded. */
export async function checkRecordedTables(db: Kysely<Database>, rec: RecordedTables, add: (p: AuditProblem) => void): Promise<void> {
  const users = await db.selectFrom("users").select(["id", "name", "role", "password_hash", "disabled", "created_at"]).orderBy("id").execute();
  const seenUsers = new Set<number>();
  for (const u of users) {
    const id = Number(u.id);
    seenUsers.add(id);
    const r = rec.users.get(id);
    if (!r) add({ message: `users row ${id} (${u.name}): no audit event records it (inserted outside Tally?)` });
    else if (r.digest !== userRowDigest(u)) add({ seq: r.seq, message: `users row ${id} (${u.name}): differs from what event ${r.seq} recorded (role, password hash or state edited?)` });
  }
  for (const [id, r] of rec.users) if (r.digest !== null && !seenUsers.has(id)) add({ seq: r.seq, message: `users row ${id}: recorded by event ${r.seq} but no longer stored (deleted?)` });

  const tokens = await db.selectFrom("api_tokens").select(["id", "user_id", "name", "token_hash", "created_at", "revoked_at"]).orderBy("id").execute();
  const seenTokens = new Set<number>();
  for (const t of tokens) {
    const id = Number(t.id);
    seenTokens.add(id);
    const r = rec.tokens.get(id);
    if (!r) add({ message: `api_tokens row ${id} (${t.name}): no audit event records it (inserted outside Tally?)` });
    else if (r.digest !== tokenRowDigest(t)) add({ seq: r.seq, message: `api_tokens row ${id} (${t.name}): differs from what event ${r.seq} recorded (edited?)` });
  }
  for (const [id, r] of rec.tokens) if (r.digest !== null && !seenTokens.has(id)) add({ seq: r.seq, message: `api_tokens row ${id}: recorded by event ${r.seq} but no longer stored (deleted?)` });

  const sessions = await db.selectFrom("sessions").select(["id_hash", "user_id", "csrf", "created_at", "expires_at"]).execute();
  for (const s of sessions) {
    if (!rec.sessions.has(sessionRowDigest(s))) add({ message: `sessions row ${s.id_hash.slice(0, 12)}… (user ${s.user_id}): no audit event records it (inserted or edited outside Tally?)` });
  }

  const sources = await db.selectFrom("sources").select("id").orderBy("id").execute();
  for (const { id: raw } of sources) {
    const id = Number(raw);
    const r = rec.sources.get(id);
    const state = await sourceState(db, id);
    if (!r || !r.state) add({ message: `sources row ${id}: no audit event records it (inserted outside Tally?)` });
    else if (state && !sameState(state, r.state)) add({ seq: r.seq, message: `sources row ${id} (or its source_keys): differs from what event ${r.seq} recorded (edited?)` });
  }

  const relations = await db.selectFrom("document_relations").select(["doc_a", "doc_b", "kind", "similarity"]).execute();
  const seenRelations = new Set<string>();
  for (const x of relations) {
    const key = `${x.doc_a}-${x.doc_b}-${x.kind}`;
    seenRelations.add(key);
    const r = rec.relations.get(key);
    const state = { doc_a: Number(x.doc_a), doc_b: Number(x.doc_b), kind: x.kind, similarity: Number(x.similarity) };
    if (!r || !r.state) add({ message: `document_relations row ${key}: no audit event records it (inserted outside Tally?)` });
    else if (!sameState(state, r.state)) add({ seq: r.seq, message: `document_relations row ${key}: differs from what event ${r.seq} recorded (edited?)` });
  }
  for (const [key, r] of rec.relations) if (r.state && !seenRelations.has(key)) add({ seq: r.seq, message: `document_relations row ${key}: recorded by event ${r.seq} but no longer stored (deleted?)` });
}

/** At most this many differences are named per derived table. */
const NAMED_PER_TABLE = 3;

/**
 * Derived tables, checked by rebuilding them and comparing: the eleven claim tallies (from the
 * claims, migrations 7, 18, 19 and 20), claim_victims (from each claim's victims) and, on SQLite, the full-text index (FTS5's
 * own check against the documents).
 */
export async function checkDerivedTables(db: Kysely<Database>, dialect: DialectName, add: (p: AuditProblem) => void): Promise<void> {
  const tallies = [CLAIM_TALLIES, SOURCE_TALLIES, VICTIM_TALLIES, ...FACET_TALLY_TABLES, ...MONTH_TALLY_TABLES].map((t) => ({ table: t.table, rebuild: rebuiltTallySql(dialect, t) }));
  for (const t of [...tallies, { table: VICTIM_PAIR_TALLIES.table, rebuild: rebuiltPairSql(dialect) }]) {
    const rebuilt = new Map<string, number>();
    for (const r of (await sql.raw<{ key: string; n: number | string }>(t.rebuild).execute(db)).rows) rebuilt.set(r.key, Number(r.n));
    const stored = (await sql.raw<{ key: string; n: number | string }>(`select key, n from ${t.table} where n <> 0`).execute(db)).rows;
    let named = 0;
    const differs = (message: string) => {
      if (named++ < NAMED_PER_TABLE) add({ message });
    };
    for (const r of stored) {
      const want = rebuilt.get(r.key);
      if (want !== Number(r.n)) differs(`${t.table} row ${r.key}: counts ${r.n}, the claims give ${want ?? 0} (edited?)`);
      rebuilt.delete(r.key);
    }
    for (const [key, n] of rebuilt) differs(`${t.table} row ${key}: missing, the claims give ${n} (deleted?)`);
  }

  const victims = dialect === "sqlite" ? sql`select c.id as claim_id, j.value as victim from claims c, json_each(c.victims) j` : sql`select c.id as claim_id, j as victim from claims c, jsonb_array_elements_text(c.victims::jsonb) j`;
  const extra = await sql<{ claim_id: number; victim: string }>`select claim_id, victim from claim_victims except ${victims} limit ${NAMED_PER_TABLE}`.execute(db);
  for (const r of extra.rows) add({ message: `claim_victims row (claim ${r.claim_id}, ${r.victim}): the claim does not name that group (edited?)` });
  const missing = await sql<{ claim_id: number; victim: string }>`${victims} except select claim_id, victim from claim_victims limit ${NAMED_PER_TABLE}`.execute(db);
  for (const r of missing.rows) add({ message: `claim_victims row (claim ${r.claim_id}, ${r.victim}): missing, the claim names that group (deleted?)` });

  if (dialect === "postgres") await checkSearchVectors(db, add);
  if (dialect === "sqlite") await checkSqliteFts(db, add);
}

/**
 * SQLite's full-text index against one rebuilt from the documents' folded title and text (the
 * index holds folded text, so FTS5's own check against the content table cannot be used): FTS5
 * checks its own structure, then the two indexes' every (term, document, column, offset) are compared.
 */
async function checkSqliteFts(db: Kysely<Database>, add: (p: AuditProblem) => void): Promise<void> {
  const broken = (what: string) => add({ message: `documents_fts (the full-text index): ${what}; rebuild it` });
  try {
    await sql`insert into documents_fts(documents_fts, rank) values ('integrity-check', 0)`.execute(db);
  } catch (err) {
    broken(`is damaged (${err instanceof Error ? err.message : String(err)})`);
    return;
  }
  const fold = sql.raw(SQLITE_FOLD_FUNCTION);
  try {
    await sql.raw(`create virtual table temp.fts_rebuilt using fts5(title, text, content='', tokenize="${FTS5_TOKENIZE}")`).execute(db);
    await sql`insert into temp.fts_rebuilt(rowid, title, text) select id, ${fold}(title), ${fold}(text) from documents`.execute(db);
    await sql`create virtual table temp.fts_have using fts5vocab(main, documents_fts, instance)`.execute(db);
    await sql`create virtual table temp.fts_want using fts5vocab(temp, fts_rebuilt, instance)`.execute(db);
    const extra = await sql<{ term: string; doc: number }>`select term, doc from temp.fts_have except select term, doc from temp.fts_want limit ${NAMED_PER_TABLE}`.execute(db);
    for (const r of extra.rows) add({ documentId: Number(r.doc), message: `documents_fts (the full-text index): document ${r.doc} is indexed under "${r.term}", which its text does not give (edited?)` });
    const missing = await sql<{ term: string; doc: number }>`select term, doc from temp.fts_want except select term, doc from temp.fts_have limit ${NAMED_PER_TABLE}`.execute(db);
    for (const r of missing.rows) add({ documentId: Number(r.doc), message: `documents_fts (the full-text index): document ${r.doc} is not indexed under "${r.term}", which its text gives (deleted?)` });
    // The documents' sizes in words, which ranking reads.
    const sizes = await sql<{ id: number }>`select id from (select id, sz from main.documents_fts_docsize except select id, sz from temp.fts_rebuilt_docsize) union select id from (select id, sz from temp.fts_rebuilt_docsize except select id, sz from main.documents_fts_docsize) limit ${NAMED_PER_TABLE}`.execute(db);
    for (const r of sizes.rows) add({ documentId: Number(r.id), message: `documents_fts (the full-text index): the size recorded for document ${r.id} differs from its text (edited?)` });
  } finally {
    for (const t of ["fts_have", "fts_want", "fts_rebuilt"]) await sql.raw(`drop table if exists temp.${t}`).execute(db);
  }
}

/** The schema's record of applied migrations against the migrations this Tally knows (version and name). */
export async function checkMigrationsTable(db: Kysely<Database>, known: readonly { version: number; name: string }[], add: (p: AuditProblem) => void): Promise<void> {
  const rows = await db.selectFrom("tally_migrations").select(["version", "name"]).orderBy("version").execute();
  const names = new Map(known.map((m) => [m.version, m.name]));
  for (const r of rows) {
    const name = names.get(Number(r.version));
    if (name === undefined) add({ message: `tally_migrations row ${r.version}: not a migration this Tally knows (inserted?)` });
    else if (name !== r.name) add({ message: `tally_migrations row ${r.version}: named "${r.name}", not "${name}" (edited?)` });
    names.delete(Number(r.version));
  }
  const latest = rows.length > 0 ? Number(rows[rows.length - 1]?.version) : 0;
  for (const version of names.keys()) if (version < latest) add({ message: `tally_migrations row ${version}: missing below ${latest} (deleted?)` });
}

/** PostgreSQL's full-text vectors against the vectors rebuilt from each document's title and text. */
async function checkSearchVectors(db: Kysely<Database>, add: (p: AuditProblem) => void): Promise<void> {
  let named = 0;
  for (let after = 0; ; ) {
    const rows = await db.selectFrom("documents").select(["id", "title", "text"]).where("id", ">", after).orderBy("id").limit(100).execute();
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]?.id);
    // The rebuilt vectors go in binary, as the writes send them; the server compares.
    const expected = sql.join(rows.map((r) => sql`(${Number(r.id)}::int, ${searchVectorValue(r.title, r.text)}::tsvector)`));
    const differing = await sql<{ id: number }>`select d.id from (values ${expected}) as e(id, v) join documents d on d.id = e.id where (d.search_vector)::text is distinct from (e.v)::text order by d.id`.execute(db);
    for (const r of differing.rows) if (named++ < NAMED_PER_TABLE) add({ documentId: Number(r.id), message: `documents row ${r.id}: its full-text vector (search_vector) differs from the one its title and text give (edited?)` });
  }
}
