// Migration 20 (issue 24): tallies with the months of the period's start and end ("YYYY-MM"), so that
// totals and facets with a period given in months ("from=2018-03&to=2018-03") are sums over a
// tally instead of groupings of every claim whose period ends after the month (16 s at a million
// claims on SQLite). A period filter in months is exactly a condition on those months: a full date
// `period_end >= 2018-03-01` is `end_month >= 2018-03`, `period_start <= 2018-03-31` is
// `start_month <= 2018-03`. Whole years stay with migration 18's smaller tallies (a period of a
// month has a row per month here, where it had one per year there); a period in days that is not
// a whole month is still counted from the claims. Three tallies, the shapes of migration 18's
// first three with months in place of years:
//   claim_month_tallies          event, place, year, period months, source record, qualifier;
//   claim_source_month_tallies   source record and raw string, event, year, period months, qualifier;
//   claim_victim_month_tallies   per victim group: event, place, year, period months, source record.
// Kept by the triggers of migration 7 (createTally), filled from the claims stored, checked by
// `audit verify`. Each is read through an index on the end month, whose range a month filter seeks.
import { sql } from "kysely";
import { createTally, FILTERED, type Tally } from "./0007_claim_tallies.js";
import type { Migration } from "./migration.js";

const MONTHS = ["year", "start_month", "end_month"] as const;
/** What moves a claim between these tallies' rows (SQLite's update triggers). */
const TRACKED = "event, place, year, period_start, period_end, source_id, source, qualifier, clutter, status, restricted, superseded_by";

export const MONTH_TALLIES: Tally = { table: "claim_month_tallies", columns: ["event", "place", ...MONTHS, "source_id", "qualifier", ...FILTERED], victims: false, tracked: TRACKED };
export const SOURCE_MONTH_TALLIES: Tally = { table: "claim_source_month_tallies", columns: ["source_id", "source", "event", ...MONTHS, "qualifier", ...FILTERED], victims: false, tracked: TRACKED };
export const VICTIM_MONTH_TALLIES: Tally = { table: "claim_victim_month_tallies", columns: ["event", "place", ...MONTHS, "source_id", ...FILTERED], victims: true, tracked: TRACKED };

/** The tallies this migration adds, in the order they are created. */
export const MONTH_TALLY_TABLES: readonly Tally[] = [MONTH_TALLIES, SOURCE_MONTH_TALLIES, VICTIM_MONTH_TALLIES];

export const monthTalliesMigration: Migration = {
  version: 20,
  name: "month tallies",
  async up(db, dialect) {
    for (const t of MONTH_TALLY_TABLES) {
      await createTally(db, dialect, t);
      await sql.raw(`create index ${t.table}_end_idx on ${t.table} (end_month, start_month)`).execute(db);
    }
  },
};
