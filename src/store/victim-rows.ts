// Rows of the victim tables as the database holds them, their conversion to records, and the
// digests the audit trail records of them (so that `audit verify` finds an edit made outside Tally).
import { sql, type Kysely, type Selectable } from "kysely";
import { canonicalJson, sha256Hex } from "./audit-chain.js";
import type { PendingEvent } from "./audit-append.js";
import type { PersonColumns, VictimTables } from "./victim-schema.js";
import type { DocumentMention, NewVictimMention, VictimRecordRow } from "./victim-store.js";

export type { PersonColumns } from "./victim-schema.js";

/** The victim tables with the column of documents they read. */
export interface VictimDatabase extends VictimTables {
  documents: { id: number; restricted: number; publisher: string | null };
}

export type VictimDb = Kysely<VictimDatabase>;

/** Rows are written and updated this many at a time. */
export const CHUNK = 400;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The fields of a row or mention the digests cover (everything but the person it is linked to). */
function personState(r: PersonColumns): unknown[] {
  return [r.name, num(r.age), r.sex, r.place, r.date, r.event, r.occupation, r.ethnicity, Number(r.restricted)];
}

/** The audit event recording a list as it now stands: its columns and a digest of its rows. */
export async function listEvent(db: VictimDb, listId: number, action: string, before: unknown = null): Promise<PendingEvent> {
  return { action, objectType: "victim_list", objectId: listId, before, after: await listState(db, listId) };
}

/** A list's recorded state (null when it is not stored). */
export async function listState(db: VictimDb, listId: number): Promise<Record<string, unknown> | null> {
  const l = await db.selectFrom("victim_lists").selectAll().where("id", "=", listId).executeTakeFirst();
  if (!l) return null;
  const rows = await db.selectFrom("victim_rows").selectAll().where("list_id", "=", listId).orderBy("id").execute();
  const digest = sha256Hex(canonicalJson(rows.map((r) => [Number(r.id), Number(r.line), ...personState(r), r.extra])));
  return { name: l.name, source: l.source, network: l.network, depends_on: l.depends_on, document_id: num(l.document_id), mapping: l.mapping, imported_at: l.imported_at, restricted: Number(l.restricted), rows: rows.length, rows_digest: digest };
}

/** Inserts a document's mentions (claim ids resolved) in the caller's transaction. */
export async function insertMentions(db: VictimDb, documentId: number, mentions: readonly NewVictimMention[]): Promise<void> {
  for (const part of chunks(mentions)) {
    await db
      .insertInto("victim_mentions")
      .values(part.map((m) => ({ document_id: documentId, claim_id: m.claimId, span_start: m.span[0], span_end: m.span[1], sentence_start: m.sentence[0], sentence_end: m.sentence[1], source: m.source, name: m.name, age: m.age, sex: m.sex, place: m.place, date: m.date, event: m.event, occupation: m.occupation, ethnicity: m.ethnicity, person_id: null, restricted: 0 })))
      .execute();
  }
}

/**
 * Replaces a document's mentions by those found with its claims (written or re-extracted in the
 * same transaction; `claimIds[i]` is the stored id of the i-th claim); returns the audit events:
 * the mentions' digest when there are or were any, and the registry's when linked ones left it.
 */
export async function replaceDocumentMentions(db: VictimDb, documentId: number, mentions: readonly DocumentMention[], claimIds: readonly number[], fresh = false): Promise<PendingEvent[]> {
  const had = fresh ? [] : await db.selectFrom("victim_mentions").select(["id", "person_id"]).where("document_id", "=", documentId).execute();
  if (had.length === 0 && mentions.length === 0) return [];
  if (had.length > 0) await db.deleteFrom("victim_mentions").where("document_id", "=", documentId).execute();
  await insertMentions(db, documentId, mentions.map(({ claim, ...m }) => ({ ...m, claimId: claim === null ? null : (claimIds[claim] ?? null) })));
  const events = [await mentionsEvent(db, documentId)];
  // Mentions that belonged to people leave them: the registry changes too.
  if (had.some((h) => h.person_id !== null)) events.push(await registryEvent(db, "victims.unlink", { document: documentId, mentionsRemoved: had.length }));
  return events;
}

/** The audit event recording a document's mentions as they now stand. */
export async function mentionsEvent(db: VictimDb, documentId: number, before: unknown = null): Promise<PendingEvent> {
  return { action: "victims.mentions", objectType: "victim_mentions", objectId: documentId, before, after: await mentionsState(db, documentId) };
}

export async function mentionsState(db: VictimDb, documentId: number): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom("victim_mentions").selectAll().where("document_id", "=", documentId).orderBy("id").execute();
  const digest = sha256Hex(canonicalJson(rows.map((r) => [Number(r.id), num(r.claim_id), Number(r.span_start), Number(r.span_end), Number(r.sentence_start), Number(r.sentence_end), r.source, ...personState(r)])));
  return { mentions: rows.length, digest };
}

/** The registry's state: people, which record belongs to whom, and the pairs left for review. */
export async function registryState(db: VictimDb): Promise<Record<string, unknown>> {
  const persons = await db.selectFrom("victim_persons").selectAll().orderBy("id").execute();
  const rows = await db.selectFrom("victim_rows").select(["id", "person_id"]).where("person_id", "is not", null).orderBy("id").execute();
  const mentions = await db.selectFrom("victim_mentions").select(["id", "person_id"]).where("person_id", "is not", null).orderBy("id").execute();
  const pairs = await db.selectFrom("victim_pairs").selectAll().orderBy("a").orderBy("b").execute();
  const digest = sha256Hex(
    canonicalJson([
      persons.map((p) => [Number(p.id), Number(p.records), p.linked_at, Number(p.restricted)]),
      rows.map((r) => [Number(r.id), num(r.person_id)]),
      mentions.map((r) => [Number(r.id), num(r.person_id)]),
      pairs.map((p) => [p.a, p.b, Number(p.score), p.class, p.reasons]),
    ]),
  );
  return { persons: persons.length, digest };
}

/** The audit event recording the registry as it now stands, with what changed. */
export async function registryEvent(db: VictimDb, action: string, change: Record<string, unknown>): Promise<PendingEvent> {
  return { action, objectType: "victim_registry", objectId: "registry", before: null, after: { ...change, ...(await registryState(db)) } };
}

/** A decision's recorded state. */
export function decisionState(d: Selectable<VictimDatabase["victim_decisions"]>): Record<string, unknown> {
  return { a: d.a, b: d.b, same: Number(d.same), reason: d.reason, decided_by: d.decided_by, decided_at: d.decided_at, undone_by: d.undone_by, undone_at: d.undone_at };
}

/** Sets person_id (or another integer column) of many rows at once: `update … set col = case id when … end`. */
export async function setColumnById(db: VictimDb, table: "victim_rows" | "victim_mentions" | "victim_persons", column: "person_id" | "records", values: ReadonlyArray<[number, number | null]>): Promise<void> {
  for (const part of chunks(values)) {
    const cases = sql.join(part.map(([id, v]) => sql`when ${id} then cast(${v} as integer)`), sql` `);
    const ids = sql.join(part.map(([id]) => sql`${id}`));
    await sql`update ${sql.table(table)} set ${sql.ref(column)} = case id ${cases} end where id in (${ids})`.execute(db);
  }
}

/** A row of victim_rows (with its list) as a record. */
export function rowRecord(r: PersonColumns & { id: number; list_id: number; line: number; list_name: string; network: string | null; list_restricted: number }): VictimRecordRow {
  return {
    key: `row:${r.id}`, kind: "row", id: Number(r.id), source: r.list_name, network: r.network, listId: Number(r.list_id), documentId: null, claimId: null, line: Number(r.line), span: null,
    ...fields(r), personId: num(r.person_id), restricted: Number(r.restricted) === 1 || Number(r.list_restricted) === 1,
  };
}

/** A row of victim_mentions as a record. */
export function mentionRecord(r: PersonColumns & { id: number; document_id: number; claim_id: number | null; span_start: number; span_end: number; source: string | null; doc_restricted: number }): VictimRecordRow {
  return {
    key: `mention:${r.id}`, kind: "mention", id: Number(r.id), source: r.source ?? `document ${r.document_id}`, network: null, listId: null, documentId: Number(r.document_id), claimId: num(r.claim_id), line: null,
    span: [Number(r.span_start), Number(r.span_end)], ...fields(r), personId: num(r.person_id), restricted: Number(r.restricted) === 1 || Number(r.doc_restricted) === 1,
  };
}

function fields(r: PersonColumns): Pick<VictimRecordRow, "name" | "age" | "sex" | "place" | "date" | "event" | "occupation" | "ethnicity"> {
  return { name: r.name, age: num(r.age), sex: r.sex === "male" || r.sex === "female" ? r.sex : null, place: r.place, date: r.date, event: r.event, occupation: r.occupation, ethnicity: r.ethnicity };
}

/** Events recording the victim tables as restored from a public bundle, so a new trail covers them. */
export async function victimBaselineEvents(db: VictimDb): Promise<PendingEvent[]> {
  const events: PendingEvent[] = [];
  for (const { id } of await db.selectFrom("victim_lists").select("id").orderBy("id").execute()) events.push(await listEvent(db, Number(id), "victims.baseline"));
  for (const { document_id } of await db.selectFrom("victim_mentions").select("document_id").distinct().orderBy("document_id").execute()) {
    events.push({ ...(await mentionsEvent(db, Number(document_id))), action: "victims.baseline" });
  }
  const registry = await registryState(db);
  if (registry.persons !== 0) events.push(await registryEvent(db, "victims.baseline", {}));
  return events;
}
