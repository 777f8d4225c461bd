// Migration 14: named victims. Lists imported from spreadsheets (the original file is kept as a
// document) and their rows; victims named in documents (mentions, linked to a claim where the text
// makes it clear); the registry of unique people the linkage makes of both; the pairs it scored for
// review, and reviewers' decisions (kept, and undone by marking, never deleted).
import type { Migration } from "./migration.js";

/** Creates victim_lists, victim_rows, victim_mentions, victim_persons, victim_pairs and victim_decisions. */
export const victimsMigration: Migration = {
  version: 14,
  name: "named victims",
  async up(db, dialect) {
    const pg = dialect === "postgres";
    const withId = (t: ReturnType<typeof db.schema.createTable>) => (pg ? t.addColumn("id", "serial", (c) => c.primaryKey()) : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement()));
    await withId(db.schema.createTable("victim_lists"))
      .addColumn("name", "text", (c) => c.notNull().unique())
      .addColumn("source", "text", (c) => c.notNull())
      .addColumn("network", "text")
      .addColumn("depends_on", "text", (c) => c.notNull())
      .addColumn("document_id", "integer", (c) => c.references("documents.id"))
      .addColumn("mapping", "text", (c) => c.notNull())
      .addColumn("imported_at", "text", (c) => c.notNull())
      .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    const person = (t: ReturnType<typeof db.schema.createTable>) =>
      t
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("age", "integer")
        .addColumn("sex", "text")
        .addColumn("place", "text")
        .addColumn("date", "text")
        .addColumn("event", "text")
        .addColumn("occupation", "text")
        .addColumn("ethnicity", "text")
        .addColumn("person_id", "integer")
        .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0));
    await person(withId(db.schema.createTable("victim_rows")).addColumn("list_id", "integer", (c) => c.notNull().references("victim_lists.id")).addColumn("line", "integer", (c) => c.notNull()))
      .addColumn("extra", "text")
      .execute();
    await db.schema.createIndex("victim_rows_list").on("victim_rows").columns(["list_id", "line"]).execute();
    await db.schema.createIndex("victim_rows_person").on("victim_rows").columns(["person_id"]).execute();
    await person(withId(db.schema.createTable("victim_mentions")).addColumn("document_id", "integer", (c) => c.notNull().references("documents.id")))
      .addColumn("claim_id", "integer")
      .addColumn("span_start", "integer", (c) => c.notNull())
      .addColumn("span_end", "integer", (c) => c.notNull())
      .addColumn("sentence_start", "integer", (c) => c.notNull())
      .addColumn("sentence_end", "integer", (c) => c.notNull())
      .addColumn("source", "text")
      .execute();
    await db.schema.createIndex("victim_mentions_document").on("victim_mentions").columns(["document_id"]).execute();
    await db.schema.createIndex("victim_mentions_claim").on("victim_mentions").columns(["claim_id"]).execute();
    await db.schema.createIndex("victim_mentions_person").on("victim_mentions").columns(["person_id"]).execute();
    await withId(db.schema.createTable("victim_persons"))
      .addColumn("records", "integer", (c) => c.notNull())
      .addColumn("linked_at", "text", (c) => c.notNull())
      .addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    // The pairs a linkage left for review (uncertain, or refused by a decision), with score and reasons.
    await db.schema
      .createTable("victim_pairs")
      .addColumn("a", "text", (c) => c.notNull())
      .addColumn("b", "text", (c) => c.notNull())
      .addColumn("score", "real", (c) => c.notNull())
      .addColumn("class", "text", (c) => c.notNull())
      .addColumn("reasons", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("victim_pairs_pk", ["a", "b"])
      .execute();
    await withId(db.schema.createTable("victim_decisions"))
      .addColumn("a", "text", (c) => c.notNull())
      .addColumn("b", "text", (c) => c.notNull())
      .addColumn("same", "integer", (c) => c.notNull())
      .addColumn("reason", "text")
      .addColumn("decided_by", "text", (c) => c.notNull())
      .addColumn("decided_at", "text", (c) => c.notNull())
      .addColumn("undone_by", "text")
      .addColumn("undone_at", "text")
      .execute();
    await db.schema.createIndex("victim_decisions_pair").on("victim_decisions").columns(["a", "b"]).execute();
  },
};
