// Migration 3: the tamper-evident audit trail (hash-chained events and the chain head), with
// baseline events for whatever the store already holds.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { claimsSnapshot, documentSnapshot, eventHash, GENESIS_HASH } from "../audit-chain.js";
import type { ClaimRowForAudit, DocumentRowForAudit } from "../audit-chain.js";
import type { DialectName } from "../schema.js";
import type { Migration } from "./migration.js";

/** Creates audit_events and audit_head and records the existing data as baseline events. */
export const auditTrail: Migration = {
  version: 3,
  name: "audit trail",
  async up(db, dialect) {
    await db.schema
      .createTable("audit_events")
      .addColumn("seq", "integer", (c) => c.primaryKey())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("actor", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("object_type", "text", (c) => c.notNull())
      .addColumn("object_id", "text", (c) => c.notNull())
      .addColumn("before", "text")
      .addColumn("after", "text")
      .addColumn("prev_hash", "text", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull().unique())
      .execute();
    await db.schema.createIndex("audit_events_object_idx").on("audit_events").columns(["object_type", "object_id", "seq"]).execute();
    await db.schema.createIndex("audit_events_actor_idx").on("audit_events").columns(["actor", "seq"]).execute();
    await db.schema.createIndex("audit_events_at_idx").on("audit_events").columns(["at"]).execute();
    await db.schema
      .createTable("audit_head")
      .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn("seq", "integer", (c) => c.notNull())
      .addColumn("hash", "text", (c) => c.notNull())
      .execute();
    await appendOnly(db, dialect);
    await baseline(db);
  },
};

/** Updates and deletes of events fail (a guard against accidents; verification catches the rest). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function appendOnly(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === "sqlite") {
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit events are append-only'); end`.execute(db);
    await sql`create trigger audit_events_no_delete before delete on audit_events
      begin select raise(abort, 'audit events are append-only'); end`.execute(db);
    return;
  }
  await sql`create function tally_audit_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit events are append-only'; end $$`.execute(db);
  await sql`create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function tally_audit_append_only()`.execute(db);
}

/** One event per existing document, claim list, source and relation, chained from the genesis hash. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function baseline(db: Kysely<any>): Promise<void> {
  const at = new Date().toISOString();
  let seq = 0;
  let hash = GENESIS_HASH;
  const append = async (action: string, objectType: string, objectId: string, after: unknown): Promise<void> => {
    const fields = { seq: seq + 1, at, actor: "migration", action, objectType, objectId, before: null, after: JSON.stringify(after) };
    const next = eventHash(hash, fields);
    await db
      .insertInto("audit_events")
      .values({ seq: fields.seq, at, actor: fields.actor, action, object_type: objectType, object_id: objectId, before: null, after: fields.after, prev_hash: hash, hash: next })
      .execute();
    seq = fields.seq;
    hash = next;
  };
  const docs = (await db
    .selectFrom("documents")
    .select(["id", "sha256", "size", "media_type", "name", "url", "path", "publisher", "published", "captured_at", "collector", "language", "title", "text", "text_map", "headers", "simhash"])
    .orderBy("id")
    .execute()) as DocumentRowForAudit[];
  for (const d of docs) {
    await append("document.baseline", "document", String(d.id), documentSnapshot(d));
    const claims = (await db.selectFrom("claims").selectAll().where("document_id", "=", d.id).orderBy("id").execute()) as ClaimRowForAudit[];
    if (claims.length > 0) await append("claims.baseline", "claims", String(d.id), claimsSnapshot(claims));
  }
  const sources = (await db.selectFrom("sources").select(["id", "name", "kind", "aliases"]).orderBy("id").execute()) as Array<{ id: number; name: string; kind: string; aliases: string }>;
  for (const s of sources) {
    const keys = (await db.selectFrom("source_keys").select("key").where("source_id", "=", s.id).orderBy("key").execute()) as Array<{ key: string }>;
    await append("source.baseline", "source", String(s.id), { id: Number(s.id), name: s.name, kind: s.kind, aliases: JSON.parse(s.aliases) as unknown, keys: keys.map((k) => k.key) });
  }
  const relations = (await db.selectFrom("document_relations").selectAll().orderBy("doc_a").orderBy("doc_b").orderBy("kind").execute()) as Array<{ doc_a: number; doc_b: number; kind: string; similarity: number }>;
  for (const r of relations) {
    await append("relation.baseline", "relation", `${r.doc_a}-${r.doc_b}-${r.kind}`, { doc_a: Number(r.doc_a), doc_b: Number(r.doc_b), kind: r.kind, similarity: Number(r.similarity) });
  }
  await db.insertInto("audit_head").values({ id: 1, seq, hash }).execute();
}
