// Migration 6: drops claim indexes that no query needs, since every index is paid for on each
// claim stored. claims_source_id_idx is the first column of claims_source_clutter; no query asks
// for restricted claims, only for unrestricted ones (nearly all rows), which an index does not
// help; on PostgreSQL claims_event_period_idx is the first columns of claims_event_period_id.
import type { Migration } from "./migration.js";

/** Drops the redundant claim indexes (ingest writes three fewer index entries per claim on PostgreSQL, two on SQLite). */
export const leanerClaimIndexes: Migration = {
  version: 6,
  name: "leaner claim indexes",
  async up(db, dialect) {
    await db.schema.dropIndex("claims_source_id_idx").ifExists().execute();
    await db.schema.dropIndex("claims_restricted_idx").ifExists().execute();
    if (dialect === "postgres") await db.schema.dropIndex("claims_event_period_idx").ifExists().execute();
  },
};
