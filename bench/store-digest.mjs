// Digests of an embedded store's rows, timestamps left out, so that two builds can be shown to
// store exactly the same data from the same inputs:
//
//   node bench/store-digest.mjs DATA_DIR [DATA_DIR2]      # one line per table; "same" / "DIFFERENT"
//
// Each table's rows are read in primary-key order, every value written as JSON with ISO
// timestamps (2026-12-07T14:57:02.123Z) replaced by "T", and hashed with SHA-256. The audit
// events are digested without their hashes (which chain the timestamps in); `tally audit verify`
// checks the chain itself.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g;
/** Columns left out: a row's own time of writing, and the audit chain's hashes over it. */
const SKIP = new Set(["captured_at", "created_at", "updated_at", "at", "hash", "prev_hash", "changed_at"]);

function digests(dir) {
  const file = existsSync(join(dir, "tally.sqlite")) ? join(dir, "tally.sqlite") : dir;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name != 'kysely_migration' and name != 'kysely_migration_lock' order by name")
    .all()
    .map((r) => r.name);
  const out = new Map();
  for (const table of tables) {
    const columns = db.prepare(`select name, pk from pragma_table_info(?)`).all(table);
    const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`);
    const kept = columns.filter((c) => !SKIP.has(c.name)).map((c) => `"${c.name}"`);
    const order = keys.length > 0 ? keys.join(", ") : "rowid";
    const hash = createHash("sha256");
    let rows = 0;
    for (const row of db.prepare(`select ${kept.join(", ")} from "${table}" order by ${order}`).iterate()) {
      for (const v of Object.values(row)) {
        const s = Buffer.isBuffer(v) ? `b:${createHash("sha256").update(v).digest("hex")}` : typeof v === "string" ? v.replace(ISO, "T") : JSON.stringify(v);
        hash.update(s).update("\u0000");
      }
      hash.update("\n");
      rows++;
    }
    out.set(table, { rows, digest: hash.digest("hex").slice(0, 16) });
  }
  db.close();
  return out;
}

const dirs = process.argv.slice(2);
if (dirs.length < 1 || dirs.length > 2) {
  process.stderr.write("usage: node bench/store-digest.mjs DATA_DIR [DATA_DIR2]\n");
  process.exit(2);
}
const [a, b] = dirs.map(digests);
let same = true;
for (const [table, d] of a) {
  const other = b?.get(table);
  const equal = other !== undefined && other.digest === d.digest && other.rows === d.rows;
  if (b && !equal) same = false;
  const verdict = !b ? "" : equal ? "same" : `DIFFERENT (${other ? `${other.rows} rows, ${other.digest}` : "missing"})`;
  process.stdout.write(`${table.padEnd(28)} ${String(d.rows).padStart(9)} rows  ${d.digest}  ${verdict}\n`);
}
for (const table of b?.keys() ?? []) {
  if (a.has(table)) continue;
  same = false;
  process.stdout.write(`${table}: only in the second store\n`);
}
if (b) process.stdout.write(same ? "every table the same\n" : "the stores differ\n");
process.exit(same ? 0 : 1);
