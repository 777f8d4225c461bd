// Opens (and migrates) the store: embedded SQLite by default, PostgreSQL for a postgres:// URL.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { StoreError } from "./errors.js";
import { KyselyStore } from "./kysely-store.js";
import { migrate } from "./migrate.js";
import { CachedStatementDatabase } from "./sqlite-statements.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";
import type { Store } from "./store.js";

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
}

/** File name of the SQLite database inside the data directory. */
export const SQLITE_FILE = "tally.sqlite";

/** Opens the store described by `config`, applying pending migrations; fails on a newer schema. */
export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const postgres = config.url !== undefined && /^postgres(ql)?:\/\//i.test(config.url);
  const db = postgres ? await openPostgres(config.url ?? "", config.schema) : openSqlite(config);
  const dialect = postgres ? "postgres" : "sqlite";
  try {
    await migrate(db, dialect, MIGRATIONS);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, dialect);
}

function openSqlite(config: StoreConfig): Kysely<Database> {
  if (config.url !== undefined) throw new StoreError(`not a postgres:// URL: ${config.url}`);
  const dir = resolve(config.dataDir ?? "tally-data");
  mkdirSync(dir, { recursive: true });
  const database = new BetterSqlite3(join(dir, SQLITE_FILE));
  database.pragma(`busy_timeout = ${Math.max(0, Math.floor(config.busyTimeoutMs ?? 5000))}`);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = NORMAL");
  // Checkpoint the write-ahead log every 64 MB instead of SQLite's 4 MB: index pages rewritten by
  // many batches are copied into the database once, not once per 4 MB (ingest 10-25% faster); the
  // log is cut back to 64 MB after a checkpoint so it never stays large. A 64 MB page cache keeps
  // the indexes' upper pages of a large store in memory while ingest inserts all over them.
  database.pragma("wal_autocheckpoint = 16384");
  database.pragma("journal_size_limit = 67108864");
  database.pragma("cache_size = -65536");
  database.pragma("foreign_keys = ON");
  // Gathers planner statistics where they are missing or stale (cheap; limited work per open).
  database.pragma("optimize = 0x10002");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: new CachedStatementDatabase(database) }) });
}

async function openPostgres(url: string, schema: string | undefined): Promise<Kysely<Database>> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError(`PostgreSQL schema names are lower-case letters, digits and _: ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) {
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}
