// Migration 8: drops claims_place_idx (place), the first column of claims_place_count (place,
// clutter, count), which serves every query that used it: each index is paid for by every claim
// stored.
import type { Migration } from "./migration.js";

export const redundantClaimIndexes: Migration = {
  version: 8,
  name: "drop redundant claim index",
  async up(db) {
    await db.schema.dropIndex("claims_place_idx").ifExists().execute();
  },
};
