// Migration 16: lighter reads for the fact update. A fact's revisions (the largest part of a
// much-reported fact) move out of `data` into their own column, which only full reads select; the
// scope index covers the period's end too, so finding the facts around a change reads no row it
// then discards. Stored facts are derived data: they are dropped here and rebuilt on the next read
// (the update rebuilds facts that were never linked).
import type { Migration } from "./migration.js";

/** Adds fact_rows.revisions, widens the scope index and empties the stored facts for a rebuild. */
export const factReadsMigration: Migration = {
  version: 16,
  name: "fact reads",
  async up(db) {
    for (const table of ["fact_rows", "fact_claims", "fact_conflicts", "fact_conflict_facts", "fact_state"]) {
      await db.deleteFrom(table).execute();
    }
    await db.schema.alterTable("fact_rows").addColumn("revisions", "text", (c) => c.notNull().defaultTo("[]")).execute();
    await db.schema.dropIndex("fact_rows_scope").execute();
    await db.schema.createIndex("fact_rows_scope").on("fact_rows").columns(["audience", "family", "place", "period_start", "period_end"]).execute();
  },
};
