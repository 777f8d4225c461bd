// Migration 18 (issue 24): tallies that also hold the qualifier and the years of the period's start
// and end, so that facets with a period, of the qualifier, and totals with a period are sums over a
// few tens of thousands of rows instead of groupings of every matching claim (1-10 s at a million
// claims). A period filter given in whole years ("from=2020", "to=2016", 2015..2016) is exactly a
// condition on those years (period_end >= 2020-01-01 is end_year >= 2020); one given in months or
// days is still counted from the claims. Each tally leaves out what it does not need, to stay small
// (a tally with every column would hold nearly a row per claim):
//   claim_facet_tallies          event, place, year, period years, source record, qualifier;
//   claim_source_facet_tallies   source record and raw source string, event, year, period years,
//                                qualifier (no place);
//   claim_victim_facet_tallies   per victim group: event, place, year, period years, source record;
//   claim_victim_source_tallies  per victim group: source record and raw string, year, period
//                                years, qualifier.
// Kept by the triggers of migration 7 (createTally), filled from the claims stored, checked by
// `audit verify` as the other tallies are.
import { createTally, FILTERED, type Tally } from "./0007_claim_tallies.js";
import type { Migration } from "./migration.js";

const PERIOD = ["year", "start_year", "end_year"] as const;
/** What moves a claim between these tallies' rows (SQLite's update triggers). */
const TRACKED = "event, place, year, period_start, period_end, source_id, source, qualifier, clutter, status, restricted, superseded_by";

export const FACET_TALLIES: Tally = { table: "claim_facet_tallies", columns: ["event", "place", ...PERIOD, "source_id", "qualifier", ...FILTERED], victims: false, tracked: TRACKED };
export const SOURCE_FACET_TALLIES: Tally = { table: "claim_source_facet_tallies", columns: ["source_id", "source", "event", ...PERIOD, "qualifier", ...FILTERED], victims: false, tracked: TRACKED };
export const VICTIM_FACET_TALLIES: Tally = { table: "claim_victim_facet_tallies", columns: ["event", "place", ...PERIOD, "source_id", ...FILTERED], victims: true, tracked: TRACKED };
export const VICTIM_SOURCE_TALLIES: Tally = { table: "claim_victim_source_tallies", columns: ["source_id", "source", ...PERIOD, "qualifier", ...FILTERED], victims: true, tracked: TRACKED };

/** The tallies this migration adds, in the order they are created. */
export const FACET_TALLY_TABLES: readonly Tally[] = [FACET_TALLIES, SOURCE_FACET_TALLIES, VICTIM_FACET_TALLIES, VICTIM_SOURCE_TALLIES];

export const facetTalliesMigration: Migration = {
  version: 18,
  name: "facet tallies",
  async up(db, dialect) {
    for (const t of FACET_TALLY_TABLES) await createTally(db, dialect, t);
  },
};
