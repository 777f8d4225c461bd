// Appending to the audit trail inside a write transaction, and the snapshots of the objects an
// event records (a document, its claims, a source). What every audited write needs, apart from
// reading and verifying the trail (audit-log.ts), so that writers and migrations import it
// without the verifier.
import type { Kysely } from "kysely";
import { claimsSnapshot, documentSnapshot, eventHash } from "./audit-chain.js";
import type { Database, DialectName } from "./schema.js";

/** Row of `audit_events`. */
export interface AuditEventsTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/** Row of `audit_head`: the one row naming the last event (locked by writers on PostgreSQL). */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** The database with the audit tables. */
export interface AuditDatabase extends Database {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
}

/** An event about to be appended. */
export interface PendingEvent {
  action: string;
  objectType: string;
  objectId: string | number;
  before: unknown;
  after: unknown;
}

/** The chain head as read (and, on PostgreSQL, locked) at the start of a write transaction. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** Default actor of writes that name none. */
export const DEFAULT_ACTOR = "system";

/** The database seen with its audit tables. */
export function audit(db: Kysely<Database>): Kysely<AuditDatabase> {
  return db as unknown as Kysely<AuditDatabase>;
}

/**
 * Reads the chain head inside a write transaction. On PostgreSQL the row is locked (FOR UPDATE)
 * until the transaction ends, so audited writers are serialized and cannot fork the chain; on
 * SQLite the transaction's BEGIN IMMEDIATE already holds the database's write lock.
 */
export async function lockChainHead(trx: Kysely<Database>, dialect: DialectName): Promise<ChainHead> {
  let query = audit(trx).selectFrom("audit_head").select(["seq", "hash"]).where("id", "=", 1);
  if (dialect === "postgres") query = query.forUpdate();
  const row = await query.executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash };
}

/**
 * Appends events after `head` in the current transaction and moves the head; returns the new head
 * (for a transaction that appends in several steps). `at`: the events' time (default now).
 */
export async function appendEvents(
  trx: Kysely<Database>,
  head: ChainHead,
  actor: string,
  events: readonly PendingEvent[],
  at: string = new Date().toISOString(),
): Promise<ChainHead> {
  if (events.length === 0) return head;
  let { seq, hash } = head;
  const rows: AuditEventsTable[] = [];
  for (const e of events) {
    const fields = {
      seq: seq + 1,
      at,
      actor,
      action: e.action,
      objectType: e.objectType,
      objectId: String(e.objectId),
      before: e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    };
    const next = eventHash(hash, fields);
    rows.push({
      seq: fields.seq,
      at,
      actor,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      before: fields.before,
      after: fields.after,
      prev_hash: hash,
      hash: next,
    });
    seq = fields.seq;
    hash = next;
  }
  const db = audit(trx);
  for (let i = 0; i < rows.length; i += 200) await db.insertInto("audit_events").values(rows.slice(i, i + 200)).execute();
  await db.updateTable("audit_head").set({ seq, hash }).where("id", "=", 1).execute();
  return { seq, hash };
}

/** A document's audit snapshot as stored now, or null when there is no such document. */
export async function documentState(trx: Kysely<Database>, id: number): Promise<Record<string, unknown> | null> {
  const row = await trx
    .selectFrom("documents")
    .select(["id", "sha256", "size", "media_type", "name", "url", "path", "publisher", "published", "captured_at", "collector", "language", "title", "text", "text_map", "headers", "simhash", "restricted"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? documentSnapshot(row) : null;
}

/** A document's claims as stored now: digest, count and the claims. */
export async function claimsState(trx: Kysely<Database>, documentId: number): Promise<ReturnType<typeof claimsSnapshot>> {
  const rows = await trx.selectFrom("claims").selectAll().where("document_id", "=", documentId).orderBy("id").execute();
  return claimsSnapshot(rows);
}

/** A source's record, its keys and its linked claims, or null. */
export async function sourceState(trx: Kysely<Database>, id: number): Promise<Record<string, unknown> | null> {
  const row = await trx.selectFrom("sources").select(["id", "name", "kind", "aliases", "restricted"]).where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const keys = await trx.selectFrom("source_keys").select("key").where("source_id", "=", id).orderBy("key").execute();
  const state: Record<string, unknown> = { id: Number(row.id), name: row.name, kind: row.kind, aliases: JSON.parse(row.aliases) as unknown, keys: keys.map((k) => k.key) };
  if (Number(row.restricted) !== 0) state.restricted = 1;
  return state;
}
