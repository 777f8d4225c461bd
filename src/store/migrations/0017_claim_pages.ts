// Migration 17 (issue 24): a page of claims walks an index in the page's order and stops after
// the page, instead of sorting every matching claim to return 50. At a million claims a filter
// on one column (a place, a source, a period) sorted every match: 150-600 ms a page.
// - claims_period_order (period_start desc, id): the default order ("period": latest first, then
//   by id) for any filter that keeps many claims, and a period's end ("to") seeks into it. It
//   replaces claims_period_start_idx (period_start), its first column.
// - claims_source_order, claims_place_order and, on SQLite, claims_event_order: the same order
//   within one source record, place or event (PostgreSQL has claims_event_period_id since
//   migration 2); the event's replaces claims_event_period_idx (event, period_start).
// - claims_count_order (count desc, id): the "count" order (largest figure first).
// - documents_published_order (published desc, id): the "published" order walks the documents,
//   latest first, and their claims (claims_document_idx), instead of sorting a source's claims.
import { sql } from "kysely";
import type { Migration } from "./migration.js";

export const claimPagesMigration: Migration = {
  version: 17,
  name: "claim page indexes",
  async up(db, dialect) {
    const nulls = dialect === "postgres" ? sql` nulls last` : sql``;
    await sql`create index claims_period_order on claims (period_start desc${nulls}, id)`.execute(db);
    await sql`create index claims_source_order on claims (source_id, period_start desc${nulls}, id)`.execute(db);
    await sql`create index claims_place_order on claims (place, period_start desc${nulls}, id)`.execute(db);
    await sql`create index claims_count_order on claims (count desc, id)`.execute(db);
    await sql`create index documents_published_order on documents (published desc${nulls}, id)`.execute(db);
    if (dialect === "sqlite") await sql`create index claims_event_order on claims (event, period_start desc, id)`.execute(db);
    await db.schema.dropIndex("claims_period_start_idx").ifExists().execute();
    await db.schema.dropIndex("claims_event_period_idx").ifExists().execute();
  },
};
