// Migration 2: indexes for the dashboard's questions at a million claims (claims by source,
// filtered pages by event and period on PostgreSQL).
import { sql } from "kysely";
import type { Migration } from "./migration.js";

/** Adds the indexes that keep per-source counts and filtered pages fast. */
export const dashboardIndexes: Migration = {
  version: 2,
  name: "dashboard indexes",
  async up(db, dialect) {
    // Led by the grouping columns: with clutter first, SQLite's planner took it for every
    // "clutter = 0" query and lost the year/event index (counts by year went from 0.1 to 1.6 s).
    await db.schema.createIndex("claims_source_clutter").on("claims").columns(["source_id", "source", "clutter"]).execute();
    if (dialect === "postgres") {
      await sql`create index claims_event_period_id on claims (event, period_start desc nulls last, id)`.execute(db);
    }
  },
};
