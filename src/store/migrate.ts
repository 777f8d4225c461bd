// Applies numbered, forward-only migrations on open and refuses databases from a newer Tally.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import { NewerSchemaError } from "./errors.js";
import type { Migration } from "./migrations/migration.js";
import type { DialectName } from "./schema.js";
import { inTransaction } from "./transaction.js";

/** The version the newest of `migrations` brings a database to. */
export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/** Brings the database up to the newest of `migrations`; returns the resulting schema version. */
export async function migrate(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema may be any older version
  db: Kysely<any>,
  dialect: DialectName,
  migrations: readonly Migration[],
): Promise<number> {
  const known = latestVersion(migrations);
  return inTransaction(db, dialect, async (trx) => {
    if (dialect === "postgres") {
      // Two processes opening a fresh schema at once must not both create it.
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.tally_migrations'))`.execute(trx);
    }
    await trx.schema
      .createTable("tally_migrations")
      .ifNotExists()
      .addColumn("version", "integer", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("applied_at", "text", (c) => c.notNull())
      .execute();
    const current = await recordedVersion(trx);
    if (current > known) throw new NewerSchemaError(current, known);
    const pending = [...migrations].filter((m) => m.version > current).sort((a, b) => a.version - b.version);
    for (const m of pending) {
      await m.up(trx, dialect);
      await trx
        .insertInto("tally_migrations")
        .values({ version: m.version, name: m.name, applied_at: new Date().toISOString() })
        .execute();
    }
    return Math.max(current, known);
  });
}

/** The highest migration version recorded in the database (0 for a fresh one). */
export async function recordedVersion(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema may be any older version
  db: Kysely<any>,
): Promise<number> {
  const row = await db
    .selectFrom("tally_migrations")
    .select((eb) => eb.fn.max<number | null>("version").as("v"))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}
