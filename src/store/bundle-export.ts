// Writing a backup bundle: every bundled table paged by primary key from one consistent snapshot,
// gzip-compressed JSON Lines with a header and a checksummed end line.
import { Readable } from "node:stream";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { sql } from "kysely";
import type { Kysely, RawBuilder } from "kysely";
import { BUNDLE_FORMAT, BUNDLE_TABLES, BUNDLE_VERSION, TALLY_VERSION } from "./bundle-format.js";
import type { BundleEnd, BundleHeader, BundleSummary, TableSpec } from "./bundle-format.js";
import { ByteCounter, LineHash } from "./bundle-lines.js";
import { recordedVersion } from "./migrate.js";
import type { Database, DialectName } from "./schema.js";
import type { ExportOptions } from "./store.js";


type Row = Record<string, unknown>;

/** Rows fetched per query: few for documents (their bytes), many for the rest. */
function pageSize(t: TableSpec): number {
  return Object.values(t.columns).includes("binary") ? 20 : 1000;
}

function tablesOf(opts: ExportOptions): TableSpec[] {
  return BUNDLE_TABLES.filter((t) => !opts.public || t.publicWhere !== null);
}

function where(t: TableSpec, opts: ExportOptions): RawBuilder<unknown> | null {
  return opts.public && t.publicWhere !== null ? sql.raw(t.publicWhere) : null;
}

async function countRows(db: Kysely<Database>, t: TableSpec, opts: ExportOptions): Promise<number> {
  const condition = where(t, opts);
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}${condition ? sql` where ${condition}` : sql``}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** The rows of one table in primary-key order, one page at a time. */
async function* tableRows(db: Kysely<Database>, t: TableSpec, opts: ExportOptions): AsyncGenerator<Row> {
  const columns = sql.join(Object.keys(t.columns).map((c) => sql.ref(c)));
  const key = sql.join(t.key.map((c) => sql.ref(c)));
  const condition = where(t, opts);
  let after: unknown[] | null = null;
  for (;;) {
    const conditions = [condition, after ? sql`(${key}) > (${sql.join(after)})` : null].filter((c) => c !== null);
    const whereClause = conditions.length > 0 ? sql` where ${sql.join(conditions, sql` and `)}` : sql``;
    const page = await sql<Row>`select ${columns} from ${sql.table(t.name)}${whereClause} order by ${key} limit ${pageSize(t)}`.execute(db);
    if (page.rows.length === 0) return;
    for (const row of page.rows) yield row;
    const last = page.rows[page.rows.length - 1] as Row;
    after = t.key.map((c) => last[c]);
  }
}

/** A row as written: integers as numbers, bytes as base64. */
function encodeRow(t: TableSpec, row: Row, hiddenClaims: ReadonlySet<number>): Row {
  const out: Row = {};
  for (const [column, kind] of Object.entries(t.columns)) {
    const value = row[column];
    if (value === null || value === undefined) out[column] = null;
    else if (kind === "binary") out[column] = Buffer.from(value as Uint8Array).toString("base64");
    else if (kind.startsWith("int") || kind.startsWith("real")) out[column] = Number(value);
    else out[column] = value;
  }
  // A public export does not point at claims it leaves out.
  if (t.name === "claims" && out.superseded_by !== null && hiddenClaims.has(out.superseded_by as number)) out.superseded_by = null;
  return out;
}

async function hiddenClaimIds(db: Kysely<Database>, opts: ExportOptions): Promise<Set<number>> {
  const claims = BUNDLE_TABLES.find((t) => t.name === "claims");
  if (!opts.public || !claims?.publicWhere) return new Set();
  const rows = await sql<{ id: number }>`select id from claims where not (${sql.raw(claims.publicWhere)})`.execute(db);
  return new Set(rows.rows.map((r) => Number(r.id)));
}

/** Header, rows and end line of the bundle, read from `db` (which must hold a snapshot). */
async function* bundleLines(db: Kysely<Database>, dialect: DialectName, opts: ExportOptions, summary: BundleSummary): AsyncGenerator<string> {
  const hash = new LineHash();
  const line = (value: unknown): string => {
    const text = JSON.stringify(value);
    hash.add(text);
    return `${text}\n`;
  };
  const tables = tablesOf(opts);
  const header: BundleHeader = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    schemaVersion: await recordedVersion(db),
    createdAt: new Date().toISOString(),
    tally: TALLY_VERSION,
    dialect,
    public: Boolean(opts.public),
    tables: {},
    columns: {},
    binary: {},
    ...(opts.public ? { note: "public export: restricted documents, claims and sources, users, API tokens and the audit trail are left out; it cannot be verified against the full audit trail" } : {}),
  };
  for (const t of tables) {
    header.tables[t.name] = await countRows(db, t, opts);
    header.columns[t.name] = Object.keys(t.columns);
    const binary = Object.keys(t.columns).filter((c) => t.columns[c] === "binary");
    if (binary.length > 0) header.binary[t.name] = binary;
  }
  summary.header = header;
  yield line(header);
  const hidden = await hiddenClaimIds(db, opts);
  for (const t of tables) {
    for await (const row of tableRows(db, t, opts)) {
      summary.rows++;
      yield line({ table: t.name, row: encodeRow(t, row, hidden) });
    }
  }
  summary.sha256 = hash.hex();
  const end: BundleEnd = { end: true, rows: summary.rows, sha256: summary.sha256 };
  yield `${JSON.stringify(end)}\n`;
}

/** Runs `fn` in a read transaction, so every query sees the same snapshot of the database. */
async function inSnapshot<T>(db: Kysely<Database>, dialect: DialectName, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialect === "postgres") return db.transaction().setIsolationLevel("repeatable read").execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
}

/** Writes a bundle of the store to `out` (which is ended when the bundle is complete). */
export async function exportBundle(db: Kysely<Database>, dialect: DialectName, out: Writable, opts: ExportOptions = {}): Promise<BundleSummary> {
  const summary = { header: undefined as unknown as BundleHeader, rows: 0, sha256: "", bytes: 0 };
  const counter = new ByteCounter();
  await inSnapshot(db, dialect, (trx) => pipeline(Readable.from(bundleLines(trx, dialect, opts, summary)), createGzip(), counter, out));
  summary.bytes = counter.bytes;
  return summary;
}
