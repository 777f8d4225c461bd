// Migration 16: lighter reads of stored facts.
// - A fact's revisions (the largest part of a much-reported fact) move out of `data` into their own
//   column, which only full reads select; the scope index covers the period's end too, so finding
//   the facts around a change reads no row it then discards.
// - Each audience's facts get a version, raised by every change; facts and contradictions record
//   the version that last wrote them, and fact_drops the ones removed, so a reader holding the
//   facts of one version reads only what changed since (FactStore.changesSince) instead of all.
// Stored facts are derived data: they are dropped here and rebuilt on the next read (the update
// rebuilds facts that were never linked).
import type { Migration } from "./migration.js";

/** Adds revisions and versions to the fact tables and empties them for a rebuild. */
export const factReadsMigration: Migration = {
  version: 16,
  name: "fact reads",
  async up(db) {
    for (const table of ["fact_rows", "fact_claims", "fact_conflicts", "fact_conflict_facts", "fact_state"]) {
      await db.deleteFrom(table).execute();
    }
    await db.schema.alterTable("fact_rows").addColumn("revisions", "text", (c) => c.notNull().defaultTo("[]")).execute();
    await db.schema.alterTable("fact_rows").addColumn("changed", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.dropIndex("fact_rows_scope").execute();
    await db.schema.createIndex("fact_rows_scope").on("fact_rows").columns(["audience", "family", "place", "period_start", "period_end"]).execute();
    await db.schema.createIndex("fact_rows_changed").on("fact_rows").columns(["audience", "changed"]).execute();
    await db.schema.alterTable("fact_conflicts").addColumn("changed", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.createIndex("fact_conflicts_changed").on("fact_conflicts").columns(["audience", "changed"]).execute();
    await db.schema
      .createTable("fact_drops")
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("changed", "integer", (c) => c.notNull())
      .addPrimaryKeyConstraint("fact_drops_pk", ["audience", "kind", "id"])
      .execute();
    await db.schema.createIndex("fact_drops_changed").on("fact_drops").columns(["audience", "changed"]).execute();
    await db.schema.alterTable("fact_state").addColumn("version", "integer", (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable("fact_state").addColumn("rebuilt", "integer", (c) => c.notNull().defaultTo(0)).execute();
  },
};
