// Opens the embedded store's SQLite file with Tally's settings (one connection), whether in the
// calling thread or in one of the threads of sqlite-threads.ts.
import BetterSqlite3 from "better-sqlite3";
import { SQLITE_FOLD_FUNCTION, sqliteFold } from "./search-fold.js";

export interface SqliteOptions {
  /** How long to wait for another connection's write lock, in ms. */
  busyTimeoutMs: number;
  /** Gather missing or stale planner statistics (once per store opening, not per connection). */
  optimize: boolean;
  /** A connection for a long run of writes: a smaller page cache and no memory map (StoreConfig.bulkWrites). */
  bulkWrites?: boolean;
}

/** A connection to `file` in WAL mode with Tally's page cache and checkpoint settings. */
export function openSqliteDatabase(file: string, opts: SqliteOptions): BetterSqlite3.Database {
  const database = new BetterSqlite3(file);
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(opts.busyTimeoutMs))}`);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  // Checkpoint the write-ahead log every 64 MB instead of SQLite's 4 MB: index pages rewritten by
  // many batches are copied into the database once, not once per 4 MB (ingest 10-25% faster); the
  // log is cut back to 64 MB after a checkpoint so it never stays large. A 256 MB page cache holds
  // the index pages an ingest transaction of 2,000 documents changes (26,000 claims, each in ten
  // indexes) without spilling them to the log before the commit; reads come from the memory map
  // below, not through the cache, so it fills with pages being written.
  database.pragma("wal_autocheckpoint = 16384");
  database.pragma("journal_size_limit = 67108864");
  // A bulk writer (ingest) keeps 64 MB: its cache fills with the pages it writes, which in a large
  // store are far more than 256 MB anyway, and all it holds is resident memory that grew with the
  // store (docs/performance.md, "Ingest and memory").
  database.pragma(`cache_size = ${opts.bulkWrites ? -65536 : -262144}`);
  // Reads map the file (up to SQLite's limit of 2 GB) instead of copying pages through a read()
  // call each: a query reading 20,000 claims scattered over a large store takes half the time, and
  // the server's connections share the operating system's copy of the file instead of each
  // warming a page cache of its own (a first query on a fresh connection: 0.77 s → 0.27 s at a
  // million claims). Writes still go through the write-ahead log.
  // A bulk writer reads little (its own lookups) and maps nothing: mapped pages it touched would
  // stay in its resident memory as the store grows.
  database.pragma(`mmap_size = ${opts.bulkWrites ? 0 : 2147418112}`);
  database.pragma("foreign_keys = ON");
  // The full-text index's triggers index folded text (migration 11): a program writing documents
  // needs this function (reading and searching do not).
  database.function(SQLITE_FOLD_FUNCTION, { deterministic: true }, sqliteFold);
  // Gathers planner statistics where they are missing or stale (cheap; limited work per open).
  if (opts.optimize) database.pragma("optimize = 0x10002");
  return database;
}
