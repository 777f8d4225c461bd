// Restoring a bundle's rows: each row checked against the table's columns, then inserted in
// chunks with its original ids (so audit events' object ids stay valid).
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { BundleError, tableSpec } from "./bundle-format.js";
import type { BundleHeader, ColumnKind, TableSpec } from "./bundle-format.js";
import type { Database, DialectName } from "./schema.js";
import { searchVectorValue } from "./search-vector.js";

/** Bound parameters per INSERT, well under SQLite's and PostgreSQL's limits. */
const MAX_PARAMETERS = 10_000;
/** Bytes of document originals per INSERT. */
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

type Row = Record<string, unknown>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function checkValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return kind.endsWith("?") ? null : undefined;
  switch (kind.replace("?", "")) {
    case "int":
      return Number.isSafeInteger(value) ? value : undefined;
    case "real":
      return typeof value === "number" && Number.isFinite(value) ? value : undefined;
    case "text":
      return typeof value === "string" ? value : undefined;
    default:
      return typeof value === "string" && value.length % 4 === 0 && BASE64.test(value) ? Buffer.from(value, "base64") : undefined;
  }
}

/** A bundle row as the database takes it; throws BundleError naming the line when it does not fit. */
export function decodeRow(t: TableSpec, row: unknown, line: number): Row {
  if (row === null || typeof row !== "object" || Array.isArray(row)) throw new BundleError(`bundle is corrupt: line ${line} has no row`);
  const given = row as Row;
  const out: Row = {};
  for (const [column, kind] of Object.entries(t.columns)) {
    const value = checkValue(kind, given[column]);
    if (value === undefined) throw new BundleError(`bundle is corrupt: line ${line}: ${t.name}.${column} is not ${kind.replace("?", " or null")}`);
    out[column] = value;
  }
  const extra = Object.keys(given).filter((c) => !(c in t.columns));
  if (extra.length > 0) throw new BundleError(`bundle is corrupt: line ${line}: ${t.name} has no column ${extra.join(", ")}`);
  if (t.name === "documents") {
    const bytes = out.bytes as Buffer;
    if (createHash("sha256").update(bytes).digest("hex") !== out.sha256 || bytes.length !== out.size) {
      throw new BundleError(`bundle is corrupt: line ${line}: document ${String(out.id)}'s bytes do not match its SHA-256 and size`);
    }
  }
  return out;
}

/** Inserts rows table by table in chunks, counting them against the header. */
export class Restorer {
  private table: TableSpec | null = null;
  private chunk: Row[] = [];
  private chunkBytes = 0;
  private chunkLines: [number, number] = [0, 0];
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly trx: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly header: BundleHeader,
  ) {}

  /** Rows restored so far. */
  get rows(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** Takes one `{table, row}` line. */
  async add(value: Record<string, unknown>, line: number): Promise<void> {
    const name = value.table;
    const t = typeof name === "string" && Object.hasOwn(this.header.tables, name) ? tableSpec(name) : undefined;
    if (!t) throw new BundleError(`bundle is corrupt: line ${line} names no table of the bundle (${JSON.stringify(name)})`);
    const row = decodeRow(t, value.row, line);
    if (this.table !== t) {
      await this.flush();
      this.table = t;
      // The store's own chain head (event 0) gives way to the bundle's.
      if (t.name === "audit_head") await sql`delete from audit_head`.execute(this.trx);
    }
    if (this.chunk.length === 0) this.chunkLines = [line, line];
    this.chunkLines[1] = line;
    this.chunk.push(row);
    this.counts.set(t.name, (this.counts.get(t.name) ?? 0) + 1);
    if (Buffer.isBuffer(row.bytes)) this.chunkBytes += row.bytes.length;
    const columns = this.columnsOf(t).length;
    if ((this.chunk.length + 1) * columns > MAX_PARAMETERS || this.chunkBytes >= MAX_CHUNK_BYTES) await this.flush();
  }

  /** Writes what is pending, checks the counts against the header and moves PostgreSQL's sequences past the restored ids. */
  async finish(): Promise<void> {
    await this.flush();
    for (const [name, expected] of Object.entries(this.header.tables)) {
      const found = this.counts.get(name) ?? 0;
      if (found !== expected) throw new BundleError(`bundle is corrupt: its header lists ${expected} rows of ${name}, it holds ${found}`);
    }
    if (this.dialect !== "postgres") return; // SQLite's AUTOINCREMENT follows explicit ids by itself.
    for (const name of Object.keys(this.header.tables)) {
      const t = tableSpec(name);
      if (!t?.serial) continue;
      await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(this.trx);
    }
  }

  /** The columns a table's rows are inserted with: the bundle's, and on PostgreSQL documents' full-text vectors, which bundles do not carry (built from the texts restored). */
  private columnsOf(t: TableSpec): string[] {
    const columns = Object.keys(t.columns);
    return t.name === "documents" && this.dialect === "postgres" ? [...columns, "search_vector"] : columns;
  }

  private async flush(): Promise<void> {
    const t = this.table;
    if (!t || this.chunk.length === 0) return;
    const columns = this.columnsOf(t);
    if (columns.includes("search_vector")) {
      for (const r of this.chunk) r.search_vector = searchVectorValue(r.title as string | null, r.text as string);
    }
    const values = this.chunk.map((r) => sql`(${sql.join(columns.map((c) => r[c]))})`);
    try {
      await sql`insert into ${sql.table(t.name)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values)}`.execute(this.trx);
    } catch (error) {
      const [first, last] = this.chunkLines;
      throw new BundleError(`cannot restore ${t.name} (lines ${first}–${last}): ${error instanceof Error ? error.message : String(error)}`);
    }
    this.chunk = [];
    this.chunkBytes = 0;
  }
}
