// Messages between a store's thread pool (sqlite-threads.ts) and one of its SQLite threads.

/** What a thread is started with. */
export interface SqliteThreadData {
  file: string;
  busyTimeoutMs: number;
  optimize: boolean;
  bulkWrites?: boolean;
}

/** A statement to run, or the end of the thread (its connection closed first). */
export type ToSqliteThread = { kind: "run"; id: number; sql: string; parameters: readonly unknown[] } | { kind: "close" };

/** An error as it crosses threads (SQLite's own code, such as SQLITE_CONSTRAINT_UNIQUE, kept). */
export interface SqliteErrorData {
  name: string;
  message: string;
  code?: string;
}

export type FromSqliteThread =
  | { kind: "ready" }
  | { kind: "rows"; id: number; rows: unknown[] }
  | { kind: "changes"; id: number; changes: number; lastInsertRowid: number | bigint }
  | { kind: "error"; id: number; error: SqliteErrorData }
  | { kind: "failed"; error: SqliteErrorData };
