// Migration 13: facts as data. The linker's facts (one row per fact and access view), the claims
// each fact counts (with the linker's snapshot of the claim), the contradictions and the facts they
// touch, and how far the audit trail has been applied. All of it is derived from the claims: the
// update keeps it current after every change, and `tally facts rebuild` recomputes it.
import type { Migration } from "./migration.js";

/** Creates fact_rows, fact_claims, fact_conflicts, fact_conflict_facts and fact_state. */
export const factsMigration: Migration = {
  version: 13,
  name: "stored facts",
  async up(db) {
    await db.schema
      .createTable("fact_rows")
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("key", "text", (c) => c.notNull())
      .addColumn("family", "text", (c) => c.notNull())
      .addColumn("place", "text")
      .addColumn("period_start", "text")
      .addColumn("period_end", "text")
      .addColumn("victims", "text", (c) => c.notNull())
      .addColumn("parent_id", "text")
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("fact_rows_pk", ["audience", "id"])
      .execute();
    // The facts that may contain or lie inside a fact: same family, places on its chain, overlapping periods.
    await db.schema.createIndex("fact_rows_scope").on("fact_rows").columns(["audience", "family", "place", "period_start"]).execute();
    await db.schema.createIndex("fact_rows_parent").on("fact_rows").columns(["audience", "parent_id"]).execute();
    await db.schema
      .createTable("fact_claims")
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("claim_id", "text", (c) => c.notNull())
      .addColumn("fact_id", "text", (c) => c.notNull())
      .addColumn("document_id", "text", (c) => c.notNull())
      .addColumn("dating_key", "text")
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("fact_claims_pk", ["audience", "claim_id"])
      .execute();
    await db.schema.createIndex("fact_claims_fact").on("fact_claims").columns(["audience", "fact_id"]).execute();
    await db.schema.createIndex("fact_claims_document").on("fact_claims").columns(["audience", "document_id"]).execute();
    await db.schema.createIndex("fact_claims_dating").on("fact_claims").columns(["audience", "dating_key"]).execute();
    await db.schema
      .createTable("fact_conflicts")
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("owner", "text", (c) => c.notNull())
      .addColumn("data", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("fact_conflicts_pk", ["audience", "id"])
      .execute();
    await db.schema
      .createTable("fact_conflict_facts")
      .addColumn("audience", "text", (c) => c.notNull())
      .addColumn("conflict_id", "text", (c) => c.notNull())
      .addColumn("fact_id", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("fact_conflict_facts_pk", ["audience", "conflict_id", "fact_id"])
      .execute();
    await db.schema.createIndex("fact_conflict_facts_fact").on("fact_conflict_facts").columns(["audience", "fact_id"]).execute();
    await db.schema
      .createTable("fact_state")
      .addColumn("audience", "text", (c) => c.primaryKey())
      .addColumn("synced_seq", "integer", (c) => c.notNull())
      .addColumn("digest", "text", (c) => c.notNull())
      .addColumn("built_at", "text", (c) => c.notNull())
      .execute();
  },
};
