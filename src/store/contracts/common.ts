// What every part of the Store shares: who writes, what a reader may see, where the store lives.

/** Where the store lives. */
export interface StoreConfig {
  /** postgres://… (or postgresql://…) to use PostgreSQL; otherwise SQLite in dataDir. */
  url?: string;
  /** Directory of the SQLite file tally.sqlite (created if missing); default ./tally-data. */
  dataDir?: string;
  /** PostgreSQL schema to use, created if missing (tests use a fresh one each). */
  schema?: string;
  /** How long SQLite waits for another process's write lock, in ms; default 5000. */
  busyTimeoutMs?: number;
  /**
   * SQLite: run the statements on this many threads, each with its own connection, so that the
   * calling thread never waits on the disk (a server); 0 (the default): in the calling thread.
   */
  threads?: number;
  /** PostgreSQL: connections in the pool; default 10. */
  maxConnections?: number;
  /**
   * Apply pending migrations (and gather SQLite's planner statistics) on open; default true.
   * false: a second connection to a store already opened, which must be at this Tally's version.
   */
  migrate?: boolean;
  /**
   * Create the store when there is none (default true). false: a store that does not exist yet
   * (no tally.sqlite in dataDir, no Tally tables in the PostgreSQL schema) is refused with a
   * MissingStoreError, so that a mistyped directory is not silently a new, empty store.
   */
  create?: boolean;
  /**
   * SQLite: the connections are for a long run of writes (ingest), whose memory should not grow
   * with the store: a 64 MB page cache instead of 256 MB and no memory map (reads are few, and a
   * mapped page of the store read once stays in the process's resident memory). Default false.
   */
  bulkWrites?: boolean;
}

/** What a reader may see: restricted documents, claims and sources only with `restricted`. */
export interface Access {
  restricted: boolean;
}

/** Options of every write: who makes the change (recorded in the audit trail; default the store's actor, else "system"). */
export interface WriteOptions {
  actor?: string;
}
