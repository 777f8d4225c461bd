// One way to run a unit of work atomically on either dialect.
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DialectName } from "./schema.js";

/**
 * Runs `fn` in a transaction. SQLite uses BEGIN IMMEDIATE so that a CLI and a server sharing
 * the file wait for each other (busy_timeout) instead of failing on a read-to-write upgrade.
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  dialect: DialectName,
  fn: (trx: Kysely<DB>) => Promise<T>,
): Promise<T> {
  if (dialect === "postgres") return db.transaction().execute(fn);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    let result: T;
    try {
      result = await fn(conn);
    } catch (error) {
      try {
        await sql`rollback`.execute(conn);
      } catch {
        // SQLite may already have rolled back on its own (e.g. disk full); the original error matters.
      }
      throw error;
    }
    await sql`commit`.execute(conn);
    return result;
  });
}
