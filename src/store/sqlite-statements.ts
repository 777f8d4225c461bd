// Prepared statements kept per SQL text for Kysely's SQLite driver, which otherwise prepares every
// query anew (a fifth of the writer's time when ingesting). Kysely only calls prepare() and
// close() on the database it is given, so a small wrapper is enough.
import type BetterSqlite3 from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";
import { LruMap } from "../core/lru-map.js";

/** Statements kept; multi-row inserts of different sizes each have their own SQL. */
const DEFAULT_CAPACITY = 256;

/** A better-sqlite3 database whose prepare() reuses statements, least recently used dropped first. */
export class CachedStatementDatabase implements SqliteDatabase {
  private readonly cache: LruMap<string, BetterSqlite3.Statement>;

  constructor(
    readonly database: BetterSqlite3.Database,
    capacity = DEFAULT_CAPACITY,
  ) {
    this.cache = new LruMap(capacity);
  }

  prepare(sql: string): SqliteStatement {
    const cached = this.cache.get(sql);
    // A statement still being iterated (a streamed query) cannot run again: prepare another.
    if (cached?.busy) return this.database.prepare(sql);
    if (cached) return cached;
    const statement = this.database.prepare(sql);
    this.cache.set(sql, statement);
    return statement;
  }

  /** Statements currently kept (for tests). */
  get size(): number {
    return this.cache.size;
  }

  close(): void {
    this.cache.clear();
    this.database.close();
  }
}
