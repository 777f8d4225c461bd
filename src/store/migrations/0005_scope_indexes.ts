// Migration 5: indexes for the overview and the claims page of one event and place at a million
// claims. The overview counts that scope's claims and groups them by year; the claims page pages
// through it by period or by figure and counts what matches. Both need indexes led by event and
// place: with only the place index, SQLite read every row of the place from the table (seconds).
import type { Migration } from "./migration.js";

/** Adds the covering index of the counts and the index of the pages sorted by figure. */
export const scopeIndexes: Migration = {
  version: 5,
  name: "event and place indexes",
  async up(db) {
    // Covering for count(*) and "group by year" of an event and place, also from/to a date.
    await db.schema
      .createIndex("claims_event_place_year")
      .on("claims")
      .columns(["event", "place", "clutter", "year", "period_end", "period_start"])
      .execute();
    // The largest figures of an event and place first (sort=count), without sorting all of them.
    await db.schema.createIndex("claims_event_place_count").on("claims").columns(["event", "place", "clutter", "count"]).execute();
  },
};
