// Migration 6: claim indexes that answer the dashboard's filters from the index alone, and none
// that no query needs (every index is paid for on each claim stored).
//
// Counting the claims of an event and place from a date, or of a source over a period, read every
// matching row at a million claims (100+ ms) because the status ("not rejected") was not in the
// index: the scope and source indexes now carry it, with the period. A place with the claims
// sorted by figure gets its own index. Dropped: claims_source_id_idx (the first column of the
// source index), claims_restricted_idx (no query asks for restricted claims, only for the
// unrestricted, nearly all rows) and, on PostgreSQL, claims_event_period_idx (the first columns of
// claims_event_period_id).
import { sql } from "kysely";
import type { Migration } from "./migration.js";

/** Rebuilds the covering claim indexes with the status and drops the redundant ones. */
export const claimIndexes: Migration = {
  version: 6,
  name: "covering claim indexes",
  async up(db, dialect) {
    await db.schema.dropIndex("claims_source_id_idx").ifExists().execute();
    await db.schema.dropIndex("claims_restricted_idx").ifExists().execute();
    if (dialect === "postgres") await db.schema.dropIndex("claims_event_period_idx").ifExists().execute();

    await db.schema.dropIndex("claims_event_place_year").execute();
    await db.schema
      .createIndex("claims_event_place_year")
      .on("claims")
      .columns(["event", "place", "clutter", "status", "year", "period_end", "period_start"])
      .execute();
    await db.schema.dropIndex("claims_source_clutter").execute();
    await db.schema.createIndex("claims_source_clutter").on("claims").columns(["source_id", "clutter", "status", "period_end", "period_start"]).execute();
    await db.schema.dropIndex("claims_source_idx").execute();
    await sql`create index claims_source_idx on claims (lower(source), clutter, status, period_end, period_start)`.execute(db);
    await db.schema.createIndex("claims_place_count").on("claims").columns(["place", "clutter", "count"]).execute();
  },
};
