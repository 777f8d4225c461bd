// Migration 8: drops two claim indexes, since every claim stored pays for every index:
// - claims_place_idx (place): the first column of claims_place_count (place, clutter, count),
//   which serves every query that used it;
// - claims_year_event_idx (year, event, clutter): counts by year and event come from the running
//   tallies (migration 7), and with a period filter the period indexes do better (at a million
//   claims 0.5 s instead of 0.9 s). Worse, SQLite's planner skip-scanned it (year has few values)
//   for a claims page of one event and victim group sorted by period, sorting every claim of the
//   event (0.9 s) instead of walking the event's period index (5 ms).
import type { Migration } from "./migration.js";

export const redundantClaimIndexes: Migration = {
  version: 8,
  name: "drop redundant claim indexes",
  async up(db) {
    await db.schema.dropIndex("claims_place_idx").ifExists().execute();
    await db.schema.dropIndex("claims_year_event_idx").ifExists().execute();
  },
};
