// Opens (and migrates) the store: embedded SQLite by default, PostgreSQL for a postgres:// URL.
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { MissingStoreError, NewerSchemaError } from "./errors.js";
import { Invalid, Unavailable } from "../shared/errors.js";
import { KyselyStore } from "./kysely-store.js";
import { latestVersion, migrate, recordedVersion } from "./migrate.js";
import { openSqliteDatabase } from "./sqlite-database.js";
import { CachedStatementDatabase } from "./sqlite-statements.js";
import { SqliteThreadsDialect } from "./sqlite-threads.js";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";
import type { Store, StoreConfig } from "./store.js";

export type { StoreConfig };

/** File name of the SQLite database inside the data directory. */
export const SQLITE_FILE = "tally.sqlite";

/** Opens the store described by `config`, applying pending migrations; fails on a newer schema. */
export async function openStore(config: StoreConfig = {}): Promise<Store> {
  const postgres = config.url !== undefined && /^postgres(ql)?:\/\//i.test(config.url);
  const location: StoreConfig = Object.freeze(postgres ? { ...config } : { ...config, dataDir: resolve(config.dataDir ?? "tally-data") });
  if (!postgres && config.create === false && !existsSync(join(location.dataDir as string, SQLITE_FILE))) {
    throw new MissingStoreError(location.dataDir as string);
  }
  const db = postgres ? await openPostgres(location) : openSqlite(location);
  const dialect = postgres ? "postgres" : "sqlite";
  try {
    if (postgres && config.create === false && !(await hasTallyTables(db))) throw new MissingStoreError(describeUrl(config.url as string, config.schema));
    if (config.migrate === false) await checkVersion(db);
    else await migrate(db, dialect, MIGRATIONS);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(db, dialect, location);
}

/** True when the (PostgreSQL) schema holds Tally's migrations table. */
async function hasTallyTables(db: Kysely<Database>): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass('tally_migrations')::text as t`.execute(db);
  return Boolean(r.rows[0]?.t);
}

/** A database URL without its password, for messages. */
function describeUrl(url: string, schema: string | undefined): string {
  let shown = url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    shown = u.href;
  } catch {
    shown = "the configured PostgreSQL database";
  }
  return schema ? `${shown} (schema ${schema})` : shown;
}

/** Refuses a store whose schema is not the one this Tally's migrations end at. */
async function checkVersion(db: Kysely<Database>): Promise<void> {
  const known = latestVersion(MIGRATIONS);
  const current = await recordedVersion(db).catch(() => 0);
  if (current > known) throw new NewerSchemaError(current, known);
  if (current < known) throw new Unavailable(`the store's schema is at version ${current}, not ${known}: open it once with migrations`);
}

/** `config.dataDir` is resolved already (openStore's location). */
function openSqlite(config: StoreConfig): Kysely<Database> {
  if (config.url !== undefined) throw new Invalid(`not a postgres:// URL: ${config.url}`, "url");
  const dir = config.dataDir as string;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  const busyTimeoutMs = config.busyTimeoutMs ?? 5000;
  const bulkWrites = config.bulkWrites === true;
  if (config.threads !== undefined && config.threads > 0) {
    return new Kysely<Database>({ dialect: new SqliteThreadsDialect({ file, threads: config.threads, busyTimeoutMs, optimize: config.migrate !== false, bulkWrites }) });
  }
  const database = openSqliteDatabase(file, { busyTimeoutMs, optimize: config.migrate !== false, bulkWrites });
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: new CachedStatementDatabase(database) }) });
}

async function openPostgres(config: StoreConfig): Promise<Kysely<Database>> {
  const { url = "", schema } = config;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Invalid(`PostgreSQL schema names are lower-case letters, digits and _: ${JSON.stringify(schema)}`, "schema");
  }
  const { default: pg } = await import("pg"); // loaded only for a PostgreSQL store
  const pool = new pg.Pool({
    connectionString: url,
    max: config.maxConnections ?? 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is an
  // 'error' on the pool; unheard, Node would end the process. The pool drops that connection and
  // opens another on the next query; a query under way still fails with its own error.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema && config.create !== false) {
    try {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    } catch (error) {
      await db.destroy();
      throw error;
    }
  }
  return db;
}
