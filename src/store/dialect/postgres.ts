// What differs on PostgreSQL, seen from outside the store.
import type { StoreConfig } from "../store.js";
import type { StoreTraits, WriteLock } from "./traits.js";

export const POSTGRES_TRAITS: StoreTraits = {
  writeBatchDocuments: 1000,
  // The tsvector column is filled by Tally: a vector built on an extraction thread saves the writer the work.
  takesSearchVector: true,
};

const LOCK_KEY = "hashtext('tally:ingest-write:' || current_schema())";

/**
 * An advisory lock keyed by the store's schema, held on a connection of its own, so that the
 * ingest workers of every process write one batch at a time. Null without a connection URL.
 */
export async function postgresWriteLock(location: StoreConfig): Promise<WriteLock | null> {
  if (!location.url) return null;
  const { default: pg } = await import("pg"); // loaded by the workers that need the lock, not by every command
  const { schema } = location;
  const client = new pg.Client({ connectionString: location.url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  client.on("error", () => undefined); // a lost connection fails the next batch's write (its jobs are reported), not the process
  await client.connect();
  return {
    acquire: async () => void (await client.query(`select pg_advisory_lock(${LOCK_KEY})`)),
    release: async () => void (await client.query(`select pg_advisory_unlock(${LOCK_KEY})`)),
    close: () => client.end(),
  };
}
