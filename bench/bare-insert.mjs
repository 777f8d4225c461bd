// The reference bench:ingest measures Tally's ingest against (issue 26): the same documents and
// claims, as Tally stored them, inserted into a bare indexed schema with nothing else. No reading,
// extraction, near-duplicate checks, audit trail, tallies or search vectors built by Tally:
//   SQLite      documents (unique SHA-256) with an FTS5 index of title and text, claims with four
//               indexes, prepared statements, one transaction per 1,000 documents;
//   PostgreSQL  the same tables with a GIN index over to_tsvector('simple', title || text), rows
//               sent as one array per column (INSERT … SELECT FROM unnest), 1,000 documents a transaction.
// Only the inserts are timed (reading the documents back from Tally's store is not).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BATCH = 1000;
const CLAIM_COLUMNS = ["event", "count", "qualifier", "period_start", "period_end", "year", "place", "victims", "source", "quote", "span_start", "span_end"];

/** Up to `limit` documents of a Tally SQLite file, each with its claims, in id order. */
export async function readSqliteStore(file, limit) {
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file, { readonly: true });
  try {
    const docs = db.prepare("select id, sha256, bytes, name, title, text, published, publisher from documents order by id limit ?").all(limit);
    const claims = db.prepare(`select document_id, ${CLAIM_COLUMNS.join(", ")} from claims where document_id <= ? order by id`).all(docs.at(-1)?.id ?? 0);
    return attach(docs, claims);
  } finally {
    db.close();
  }
}

/** The same from a Tally PostgreSQL schema. */
export async function readPostgresStore(url, schema, limit) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set search_path = "${schema}"`);
    const docs = (await client.query("select id, sha256, bytes, name, title, text, published, publisher from documents order by id limit $1", [limit])).rows;
    const last = docs.at(-1)?.id ?? 0;
    const claims = (await client.query(`select document_id, ${CLAIM_COLUMNS.join(", ")} from claims where document_id <= $1 order by id`, [last])).rows;
    return attach(docs, claims);
  } finally {
    await client.end();
  }
}

function attach(docs, claims) {
  const byId = new Map(docs.map((d) => [Number(d.id), { ...d, claims: [] }]));
  for (const c of claims) byId.get(Number(c.document_id))?.claims.push(c);
  return [...byId.values()];
}

/** Inserts the documents into a fresh bare SQLite file; returns seconds and documents/s. */
export async function bareSqlite(docs) {
  const { default: Database } = await import("better-sqlite3");
  const dir = mkdtempSync(join(tmpdir(), "tally-bare-"));
  const db = new Database(join(dir, "bare.db"));
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.exec(`create table documents (id integer primary key, sha256 text not null unique, bytes blob not null, name text not null,
               title text, text text not null, published text, publisher text);
             create virtual table documents_fts using fts5(title, text);
             create table claims (id integer primary key, document_id integer not null references documents(id), event text not null,
               count integer not null, qualifier text not null, period_start text, period_end text, year integer, place text,
               victims text not null, source text, quote text not null, span_start integer not null, span_end integer not null);
             create index claims_document on claims (document_id);
             create index claims_event_period on claims (event, period_start);
             create index claims_place_event on claims (place, event, year);
             create index claims_source on claims (source);`);
    const insertDoc = db.prepare("insert into documents (sha256, bytes, name, title, text, published, publisher) values (?, ?, ?, ?, ?, ?, ?)");
    const insertFts = db.prepare("insert into documents_fts (rowid, title, text) values (?, ?, ?)");
    const insertClaim = db.prepare(`insert into claims (document_id, ${CLAIM_COLUMNS.join(", ")}) values (?, ${CLAIM_COLUMNS.map(() => "?").join(", ")})`);
    const batch = db.transaction((slice) => {
      for (const d of slice) {
        const { lastInsertRowid: id } = insertDoc.run(d.sha256, d.bytes, d.name, d.title, d.text, d.published, d.publisher);
        insertFts.run(id, d.title, d.text);
        for (const c of d.claims) insertClaim.run(id, ...CLAIM_COLUMNS.map((k) => c[k]));
      }
    });
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) batch(docs.slice(i, i + BATCH));
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, docsPerSecond: docs.length / seconds };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Inserts the documents into a fresh bare PostgreSQL schema (dropped afterwards); returns seconds and documents/s. */
export async function barePostgres(url, docs) {
  const pg = (await import("pg")).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const schema = `bare_${process.pid}_${Date.now().toString(36)}`;
  try {
    await client.query(`create schema "${schema}"`);
    await client.query(`set search_path = "${schema}"`);
    await client.query(`create table documents (id serial primary key, sha256 text not null unique, bytes bytea not null, name text not null,
        title text, text text not null, published text, publisher text,
        search tsvector generated always as (to_tsvector('simple', coalesce(title, '') || ' ' || text)) stored);
      create index documents_search on documents using gin (search);
      create table claims (id serial primary key, document_id integer not null references documents(id), event text not null,
        count integer not null, qualifier text not null, period_start text, period_end text, year integer, place text,
        victims text not null, source text, quote text not null, span_start integer not null, span_end integer not null);
      create index claims_document on claims (document_id);
      create index claims_event_period on claims (event, period_start);
      create index claims_place_event on claims (place, event, year);
      create index claims_source on claims (source);`);
    const types = { count: "int4", year: "int4", span_start: "int4", span_end: "int4" };
    const t0 = performance.now();
    for (let i = 0; i < docs.length; i += BATCH) {
      const slice = docs.slice(i, i + BATCH);
      await client.query("begin");
      const ids = (
        await client.query(
          `insert into documents (sha256, bytes, name, title, text, published, publisher)
           select * from unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) returning id`,
          ["sha256", "bytes", "name", "title", "text", "published", "publisher"].map((k) => slice.map((d) => d[k])),
        )
      ).rows.map((r) => r.id).sort((a, b) => a - b);
      const owner = slice.flatMap((d, k) => d.claims.map(() => ids[k]));
      const claims = slice.flatMap((d) => d.claims);
      await client.query(
        `insert into claims (document_id, ${CLAIM_COLUMNS.join(", ")})
         select * from unnest($1::int4[], ${CLAIM_COLUMNS.map((k, j) => `$${j + 2}::${types[k] ?? "text"}[]`).join(", ")})`,
        [owner, ...CLAIM_COLUMNS.map((k) => claims.map((c) => c[k]))],
      );
      await client.query("commit");
    }
    const seconds = (performance.now() - t0) / 1000;
    return { seconds, docsPerSecond: docs.length / seconds };
  } finally {
    await client.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await client.end();
  }
}
