// Migration 1: documents, claims, sources, relations, and full-text search for each dialect.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DialectName } from "../schema.js";
import type { Migration } from "./migration.js";

/** Creates the initial schema. */
export const initial: Migration = {
  version: 1,
  name: "initial",
  async up(db, dialect) {
    await createTables(db, dialect);
    await createIndexes(db);
    if (dialect === "sqlite") await createSqliteFts(db);
    else await createPostgresFts(db);
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function createTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const pg = dialect === "postgres";
  const id = (name: string) => (t: ReturnType<typeof db.schema.createTable>) =>
    pg ? t.addColumn(name, "serial", (c) => c.primaryKey()) : t.addColumn(name, "integer", (c) => c.primaryKey().autoIncrement());

  await id("id")(db.schema.createTable("documents"))
    .addColumn("sha256", "text", (c) => c.notNull().unique())
    .addColumn("bytes", pg ? "bytea" : "blob", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("url", "text")
    .addColumn("path", "text")
    .addColumn("publisher", "text")
    .addColumn("published", "text")
    .addColumn("captured_at", "text", (c) => c.notNull())
    .addColumn("collector", "text", (c) => c.notNull())
    .addColumn("language", "text")
    .addColumn("title", "text")
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("text_map", "text")
    .addColumn("headers", "text")
    .addColumn("simhash", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await id("id")(db.schema.createTable("sources"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("aliases", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("source_keys")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("source_id", "integer", (c) => c.notNull().references("sources.id").onDelete("cascade"))
    .execute();

  await id("id")(db.schema.createTable("claims"))
    .addColumn("document_id", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count >= 0`))
    .addColumn("qualifier", "text", (c) => c.notNull())
    .addColumn("period_start", "text")
    .addColumn("period_end", "text")
    .addColumn("year", "integer")
    .addColumn("place", "text")
    .addColumn("victims", "text", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("source_id", "integer", (c) => c.references("sources.id").onDelete("set null"))
    .addColumn("quote", "text", (c) => c.notNull())
    .addColumn("span_start", "integer", (c) => c.notNull())
    .addColumn("span_end", "integer", (c) => c.notNull())
    .addColumn("count_start", "integer")
    .addColumn("count_end", "integer")
    .addColumn("clutter", "integer", (c) => c.notNull().check(sql`clutter in (0, 1)`))
    .addColumn("extractor_version", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("claim_victims")
    .addColumn("claim_id", "integer", (c) => c.notNull().references("claims.id").onDelete("cascade"))
    .addColumn("victim", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_victims_pk", ["claim_id", "victim"])
    .execute();

  await db.schema
    .createTable("document_relations")
    .addColumn("doc_a", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("doc_b", "integer", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("similarity", "double precision", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("document_relations_pk", ["doc_a", "doc_b", "kind"])
    .addCheckConstraint("document_relations_order", sql`doc_a < doc_b`)
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function createIndexes(db: Kysely<any>): Promise<void> {
  const indexes: Array<[string, string, string[]]> = [
    ["documents_captured_idx", "documents", ["captured_at", "id"]],
    ["documents_publisher_idx", "documents", ["publisher", "captured_at"]],
    ["claims_document_idx", "claims", ["document_id"]],
    ["claims_event_period_idx", "claims", ["event", "period_start"]],
    ["claims_period_start_idx", "claims", ["period_start"]],
    ["claims_period_end_idx", "claims", ["period_end"]],
    ["claims_place_idx", "claims", ["place"]],
    ["claims_source_id_idx", "claims", ["source_id"]],
    ["claims_year_event_idx", "claims", ["year", "event", "clutter"]],
    ["claim_victims_victim_idx", "claim_victims", ["victim", "claim_id"]],
    ["source_keys_source_idx", "source_keys", ["source_id"]],
    ["document_relations_b_idx", "document_relations", ["doc_b"]],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }
  // Raw source strings are matched case-insensitively (filters, linking claims to new sources).
  await db.schema.createIndex("claims_source_idx").on("claims").expression(sql`lower(source)`).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function createSqliteFts(db: Kysely<any>): Promise<void> {
  await sql`create virtual table documents_fts using fts5(
    title, text, content='documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create trigger documents_fts_insert after insert on documents begin
    insert into documents_fts(rowid, title, text) values (new.id, new.title, new.text);
  end`.execute(db);
  await sql`create trigger documents_fts_delete after delete on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
  end`.execute(db);
  await sql`create trigger documents_fts_update after update of title, text on documents begin
    insert into documents_fts(documents_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
    insert into documents_fts(rowid, title, text) values (new.id, new.title, new.text);
  end`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function createPostgresFts(db: Kysely<any>): Promise<void> {
  // tsvectors are limited to 1 MB, so very long texts are indexed by their first 400,000 characters.
  await sql`alter table documents add column search_vector tsvector generated always as (
    setweight(to_tsvector('simple', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('simple', left(text, 400000)), 'B')) stored`.execute(db);
  await sql`create index documents_search_idx on documents using gin (search_vector)`.execute(db);
}
