// What the layers above the store may know of the database behind it, as facts about the store
// rather than its name: nothing outside src/store asks which database it is (a lint rule refuses
// `.dialect` there). One module per database fills these in (sqlite.ts, postgres.ts).

/** A lock that serialises writers across processes (held on a connection of its own). */
export interface WriteLock {
  acquire(): Promise<void>;
  release(): Promise<void>;
  /** Ends the lock's connection. */
  close(): Promise<void>;
}

/** How a database likes to be written to. */
export interface StoreTraits {
  /**
   * Documents per write transaction by default. In a large store each claim's index entries land
   * on pages all over the indexes: SQLite writes each page a transaction changed to its log once,
   * so fewer, larger transactions write far less; PostgreSQL logs rows rather than pages. 1,000 on
   * both: two batches are held between reading and storing, and with 2,000 on SQLite the ingest's
   * main heap grew to 330–430 MB (issue 26). Measurements in src/pipeline/batch-types.ts.
   */
  writeBatchDocuments: number;
  /** The store indexes a full-text vector it is given (built on an extraction thread, off the writer's path). */
  takesSearchVector: boolean;
}
