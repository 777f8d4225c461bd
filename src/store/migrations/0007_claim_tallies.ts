// Migration 7: running counts of claims per event, place, year, source, clutter, status,
// restriction and supersession (claim_tallies), and the same per victim group
// (claim_victim_tallies), kept by triggers as claims are stored, reviewed or removed. The
// dashboard's counts (claims by year and event, by source, of one scope, of a victim group) are
// sums over these small tables instead of scans of every claim: at a million claims a scan takes
// over a second. (Claims are always removed after their victim rows, which the triggers rely on.)
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DialectName } from "../schema.js";
import type { Migration } from "./migration.js";

/** The columns a tally is kept by (each claim is in exactly one tally). */
const KEY_COLUMNS = ["event", "place", "year", "source_id", "source", "clutter", "status", "restricted", "superseded"] as const;

/** The tally key of a claims row (`row` is new, old or a table alias), led by a victim group if given: one text, NULL-safe. */
function keyOf(dialect: DialectName, row: string, victim?: string): string {
  const parts = [...(victim ? [victim] : []), `${row}.event`, `${row}.place`, `${row}.year`, `${row}.source_id`, `${row}.source`, `${row}.clutter`, `${row}.status`, `${row}.restricted`, `(${row}.superseded_by is not null)`];
  return dialect === "sqlite" ? `json_array(${parts.join(", ")})` : `jsonb_build_array(${parts.join(", ")})::text`;
}

/** The key columns' values of a claims row, in KEY_COLUMNS order. */
function valuesOf(dialect: DialectName, row: string): string {
  const superseded = dialect === "sqlite" ? `(${row}.superseded_by is not null)` : `(case when ${row}.superseded_by is null then 0 else 1 end)`;
  return [`${row}.event`, `${row}.place`, `${row}.year`, `${row}.source_id`, `${row}.source`, `${row}.clutter`, `${row}.status`, `${row}.restricted`, superseded].join(", ");
}

const TRACKED = "event, place, year, source_id, source, clutter, status, restricted, superseded_by";

/** Creates claim_tallies, fills it from the claims stored, and keeps it with triggers. */
export const claimTallies: Migration = {
  version: 7,
  name: "claim tallies",
  async up(db, dialect) {
    await db.schema
      .createTable("claim_tallies")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("place", "text")
      .addColumn("year", "integer")
      .addColumn("source_id", "integer")
      .addColumn("source", "text")
      .addColumn("clutter", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("restricted", "integer", (c) => c.notNull())
      .addColumn("superseded", "integer", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("claim_tallies_event_place").on("claim_tallies").columns(["event", "place"]).execute();
    await db.schema
      .createTable("claim_victim_tallies")
      .addColumn("key", "text", (c) => c.primaryKey())
      .addColumn("victim", "text", (c) => c.notNull())
      .addColumn("event", "text", (c) => c.notNull())
      .addColumn("place", "text")
      .addColumn("year", "integer")
      .addColumn("source_id", "integer")
      .addColumn("source", "text")
      .addColumn("clutter", "integer", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("restricted", "integer", (c) => c.notNull())
      .addColumn("superseded", "integer", (c) => c.notNull())
      .addColumn("n", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("claim_victim_tallies_victim").on("claim_victim_tallies").columns(["victim", "event", "place"]).execute();
    await sql
      .raw(
        `insert into claim_victim_tallies (key, victim, ${KEY_COLUMNS.join(", ")}, n)
         select ${keyOf(dialect, "c", "v.victim")}, v.victim, ${valuesOf(dialect, "c")}, count(*)
         from claim_victims v join claims c on c.id = v.claim_id
         group by ${keyOf(dialect, "c", "v.victim")}, v.victim, ${valuesOf(dialect, "c")}`,
      )
      .execute(db);
    await sql
      .raw(
        `insert into claim_tallies (key, ${KEY_COLUMNS.join(", ")}, n)
         select ${keyOf(dialect, "c")}, ${valuesOf(dialect, "c")}, count(*) from claims c
         group by ${keyOf(dialect, "c")}, ${valuesOf(dialect, "c")}`,
      )
      .execute(db);
    if (dialect === "sqlite") await sqliteTriggers(db);
    else await postgresTriggers(db);
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function sqliteTriggers(db: Kysely<any>): Promise<void> {
  const add = (row: string) => `insert into claim_tallies (key, ${KEY_COLUMNS.join(", ")}, n)
      values (${keyOf("sqlite", row)}, ${valuesOf("sqlite", row)}, 1)
      on conflict (key) do update set n = n + 1;`;
  const remove = (row: string) => `update claim_tallies set n = n - 1 where key = ${keyOf("sqlite", row)};`;
  await sql.raw(`create trigger claim_tallies_insert after insert on claims begin ${add("new")} end`).execute(db);
  await sql.raw(`create trigger claim_tallies_delete after delete on claims begin ${remove("old")} end`).execute(db);
  // Per victim group: a victim row counts with its claim's values; a claim's change moves its groups.
  const victimColumns = `key, victim, ${KEY_COLUMNS.join(", ")}, n`;
  await sql
    .raw(
      `create trigger claim_victim_tallies_insert after insert on claim_victims begin
         insert into claim_victim_tallies (${victimColumns})
         select ${keyOf("sqlite", "c", "new.victim")}, new.victim, ${valuesOf("sqlite", "c")}, 1 from claims c where c.id = new.claim_id
         on conflict (key) do update set n = n + 1;
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger claim_victim_tallies_delete after delete on claim_victims begin
         update claim_victim_tallies set n = n - 1
         where key = (select ${keyOf("sqlite", "c", "old.victim")} from claims c where c.id = old.claim_id);
       end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger claim_victim_tallies_update after update of ${TRACKED} on claims begin
         update claim_victim_tallies set n = n - 1
         where key in (select ${keyOf("sqlite", "old", "v.victim")} from claim_victims v where v.claim_id = old.id);
         insert into claim_victim_tallies (${victimColumns})
         select ${keyOf("sqlite", "new", "v.victim")}, v.victim, ${valuesOf("sqlite", "new")}, 1 from claim_victims v where v.claim_id = new.id
         on conflict (key) do update set n = n + 1;
       end`,
    )
    .execute(db);
  await sql.raw(`create trigger claim_tallies_update after update of ${TRACKED} on claims begin ${remove("old")} ${add("new")} end`).execute(db);
}

// PostgreSQL: statement-level triggers over transition tables, so a multi-row insert adds to each
// tally once, not once per row.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function postgresTriggers(db: Kysely<any>): Promise<void> {
  const add = (table: string) => `insert into claim_tallies (key, ${KEY_COLUMNS.join(", ")}, n)
      select ${keyOf("postgres", "r")}, ${valuesOf("postgres", "r")}, count(*) from ${table} r
      group by ${keyOf("postgres", "r")}, ${valuesOf("postgres", "r")}
      on conflict (key) do update set n = claim_tallies.n + excluded.n;`;
  const remove = (table: string) => `update claim_tallies t set n = t.n - g.n
      from (select ${keyOf("postgres", "r")} as key, count(*) as n from ${table} r group by 1) g where t.key = g.key;`;
  await sql
    .raw(
      `create function tally_claims_inserted() returns trigger language plpgsql as $$
       begin ${add("inserted")} return null; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function tally_claims_deleted() returns trigger language plpgsql as $$
       begin ${remove("removed")} return null; end $$`,
    )
    .execute(db);
  // Per victim group: the claims' values joined to their victim rows.
  const victimColumns = `key, victim, ${KEY_COLUMNS.join(", ")}, n`;
  const addVictims = (claims: string, victims: string) => `insert into claim_victim_tallies (${victimColumns})
      select ${keyOf("postgres", "r", "v.victim")}, v.victim, ${valuesOf("postgres", "r")}, count(*) from ${claims} r join ${victims} v on v.claim_id = r.id
      group by ${keyOf("postgres", "r", "v.victim")}, v.victim, ${valuesOf("postgres", "r")}
      on conflict (key) do update set n = claim_victim_tallies.n + excluded.n;`;
  const removeVictims = (claims: string, victims: string) => `update claim_victim_tallies t set n = t.n - g.n
      from (select ${keyOf("postgres", "r", "v.victim")} as key, count(*) as n from ${claims} r join ${victims} v on v.claim_id = r.id group by 1) g
      where t.key = g.key;`;
  await sql
    .raw(
      `create function tally_claims_updated() returns trigger language plpgsql as $$
       begin ${remove("removed")} ${add("inserted")} ${removeVictims("removed", "claim_victims")} ${addVictims("inserted", "claim_victims")} return null; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function tally_victims_inserted() returns trigger language plpgsql as $$
       begin ${addVictims("claims", "inserted")} return null; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create function tally_victims_deleted() returns trigger language plpgsql as $$
       begin ${removeVictims("claims", "removed")} return null; end $$`,
    )
    .execute(db);
  await sql
    .raw(`create trigger claim_victim_tallies_insert after insert on claim_victims referencing new table as inserted for each statement execute function tally_victims_inserted()`)
    .execute(db);
  await sql
    .raw(`create trigger claim_victim_tallies_delete after delete on claim_victims referencing old table as removed for each statement execute function tally_victims_deleted()`)
    .execute(db);
  await sql.raw(`create trigger claim_tallies_insert after insert on claims referencing new table as inserted for each statement execute function tally_claims_inserted()`).execute(db);
  await sql.raw(`create trigger claim_tallies_delete after delete on claims referencing old table as removed for each statement execute function tally_claims_deleted()`).execute(db);
  await sql
    .raw(`create trigger claim_tallies_update after update on claims referencing old table as removed new table as inserted for each statement execute function tally_claims_updated()`)
    .execute(db);
}
