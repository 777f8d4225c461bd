// Migration 2: indexes for the dashboard's questions at a million claims (claims by source,
// filtered pages by event and period on PostgreSQL).
import { sql } from "kysely";
import type { Migration } from "./migration.js";

/** Adds the indexes that keep per-source counts and filtered pages fast. */
export const dashboardIndexes: Migration = {
  version: 2,
  name: "dashboard indexes",
  async up(db, dialect) {
    await db.schema.createIndex("claims_clutter_source").on("claims").columns(["clutter", "source_id", "source"]).execute();
    if (dialect === "postgres") {
      await sql`create index claims_event_period_id on claims (event, period_start desc nulls last, id)`.execute(db);
    }
  },
};
