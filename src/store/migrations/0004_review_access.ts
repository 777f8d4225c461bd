// Migration 4: analyst review (claim status, the extractor's proposal kept beside a correction,
// supersession, manual fact assignment), restricted material, and users, sessions and API tokens.
import type { Kysely } from "kysely";
import type { DialectName } from "../schema.js";
import type { Migration } from "./migration.js";

/** Adds review and restriction columns and the access-control tables. */
export const reviewAndAccess: Migration = {
  version: 4,
  name: "review and access control",
  async up(db, dialect) {
    const claimColumns: Array<[string, "text" | "integer", boolean]> = [
      ["status", "text", true],
      ["proposal", "text", false],
      ["review_reason", "text", false],
      ["reviewed_by", "text", false],
      ["reviewed_at", "text", false],
      ["restricted", "integer", true],
      ["superseded_by", "integer", false],
      ["fact_override", "text", false],
    ];
    for (const [name, type, notNull] of claimColumns) {
      await db.schema
        .alterTable("claims")
        .addColumn(name, type, (c) => (notNull ? c.notNull().defaultTo(type === "text" ? "proposed" : 0) : c))
        .execute();
    }
    for (const table of ["documents", "sources"]) {
      await db.schema.alterTable(table).addColumn("restricted", "integer", (c) => c.notNull().defaultTo(0)).execute();
    }
    await db.schema.createIndex("claims_status_idx").on("claims").columns(["status", "id"]).execute();
    await db.schema.createIndex("claims_restricted_idx").on("claims").columns(["restricted"]).execute();
    await db.schema.createIndex("documents_restricted_idx").on("documents").columns(["restricted"]).execute();
    await createAccessTables(db, dialect);
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function createAccessTables(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const pg = dialect === "postgres";
  const id = (t: ReturnType<typeof db.schema.createTable>) =>
    pg ? t.addColumn("id", "serial", (c) => c.primaryKey()) : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
  await id(db.schema.createTable("users"))
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").columns(["user_id"]).execute();
  await id(db.schema.createTable("api_tokens"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .execute();
}
