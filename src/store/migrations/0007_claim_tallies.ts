// Migration 7: running counts of claims, kept by triggers as claims are stored, reviewed or
// removed, so that the dashboard's counts (claims by year and event, by source, of one scope, of a
// victim group) are sums over small tables instead of scans of every claim (over a second at a
// million claims). Three tallies, each small because it leaves out what it does not need:
//   claim_tallies         by event, place, year and source record (no raw source strings);
//   claim_source_tallies  by source record and raw source string, event and place (no year);
//   claim_victim_tallies  claim_tallies' columns per victim group the claims name.
// Each also keeps clutter, status, restriction and supersession, which every count filters on.
// (Claims are always removed after their victim rows, which the victim triggers rely on.)
import { sql } from "kysely";
import type { Kysely } from "kysely";
import type { DialectName } from "../schema.js";
import type { Migration } from "./migration.js";

/**
 * A tally's columns: claims columns, the superseded flag, the years of the period's start and end
 * (migration 18) and their months as "YYYY-MM" (migration 20).
 */
export type TallyColumn = "event" | "place" | "year" | "source_id" | "source" | "clutter" | "status" | "restricted" | "superseded" | "qualifier" | "start_year" | "end_year" | "start_month" | "end_month";

export interface Tally {
  table: string;
  columns: readonly TallyColumn[];
  /** Counted per victim row (claim_victims) rather than per claim. */
  victims: boolean;
  /** Claims columns whose change moves a claim between its rows (SQLite's update trigger); TRACKED when absent. */
  tracked?: string;
}

export const FILTERED: readonly TallyColumn[] = ["clutter", "status", "restricted", "superseded"];
export const CLAIM_TALLIES: Tally = { table: "claim_tallies", columns: ["event", "place", "year", "source_id", ...FILTERED], victims: false };
export const SOURCE_TALLIES: Tally = { table: "claim_source_tallies", columns: ["source_id", "source", "event", "place", ...FILTERED], victims: false };
export const VICTIM_TALLIES: Tally = { table: "claim_victim_tallies", columns: ["event", "place", "year", "source_id", ...FILTERED], victims: true };

/** Claims columns whose change moves a claim between tallies. */
const TRACKED = "event, place, year, source_id, source, clutter, status, restricted, superseded_by";

/** A tally column's value in a claims row (`row`: new, old or an alias). */
function valueOf(dialect: DialectName, row: string, column: TallyColumn): string {
  if (column === "start_year" || column === "end_year") return `cast(substr(${row}.period_${column === "start_year" ? "start" : "end"}, 1, 4) as integer)`;
  if (column === "start_month" || column === "end_month") return `substr(${row}.period_${column === "start_month" ? "start" : "end"}, 1, 7)`;
  if (column !== "superseded") return `${row}.${column}`;
  return dialect === "sqlite" ? `(${row}.superseded_by is not null)` : `(case when ${row}.superseded_by is null then 0 else 1 end)`;
}

/** The tally's column values of a claims row, led by the victim group for the victim tally. */
export function valuesOf(dialect: DialectName, t: Tally, row: string, victim: string | null): string {
  return [...(victim ? [victim] : []), ...t.columns.map((c) => valueOf(dialect, row, c))].join(", ");
}

/** The tally key of a claims row: its values as one NULL-safe text. */
export function keyOf(dialect: DialectName, t: Tally, row: string, victim: string | null): string {
  const values = valuesOf(dialect, t, row, victim);
  return dialect === "sqlite" ? `json_array(${values})` : `jsonb_build_array(${values})::text`;
}

function insertColumns(t: Tally): string {
  return ["key", ...(t.victims ? ["victim"] : []), ...t.columns, "n"].join(", ");
}

/** The rows a tally holds when rebuilt from the claims: (key, n) (`audit verify` compares them). */
export function rebuiltTallySql(dialect: DialectName, t: Tally): string {
  const from = t.victims ? "claim_victims v join claims c on c.id = v.claim_id" : "claims c";
  const victim = t.victims ? "v.victim" : null;
  return `select ${keyOf(dialect, t, "c", victim)} as key, count(*) as n from ${from} group by ${keyOf(dialect, t, "c", victim)}`;
}

/** Creates the three tallies, fills them from the claims stored, and keeps them with triggers. */
export const claimTallies: Migration = {
  version: 7,
  name: "claim tallies",
  async up(db, dialect) {
    for (const t of [CLAIM_TALLIES, SOURCE_TALLIES, VICTIM_TALLIES]) await createTally(db, dialect, t);
  },
};

/** Creates a tally's table, fills it from the claims stored and keeps it with triggers (migrations 7, 18 and 20). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
export async function createTally(db: Kysely<any>, dialect: DialectName, t: Tally): Promise<void> {
  let table = db.schema.createTable(t.table).addColumn("key", "text", (c) => c.primaryKey());
  if (t.victims) table = table.addColumn("victim", "text", (c) => c.notNull());
  for (const c of t.columns) {
    const text = c === "event" || c === "status" || c === "place" || c === "source" || c === "qualifier" || c === "start_month" || c === "end_month";
    const notNull = c === "event" || c === "qualifier" || FILTERED.includes(c);
    table = table.addColumn(c, text ? "text" : "integer", (col) => (notNull ? col.notNull() : col));
  }
  await table.addColumn("n", "integer", (c) => c.notNull()).execute();
  const from = t.victims ? "claim_victims v join claims c on c.id = v.claim_id" : "claims c";
  const victim = t.victims ? "v.victim" : null;
  await sql
    .raw(
      `insert into ${t.table} (${insertColumns(t)})
       select ${keyOf(dialect, t, "c", victim)}, ${valuesOf(dialect, t, "c", victim)}, count(*) from ${from}
       group by ${keyOf(dialect, t, "c", victim)}, ${valuesOf(dialect, t, "c", victim)}`,
    )
    .execute(db);
  if (dialect === "sqlite") await sqliteTriggers(db, t);
  else await postgresTriggers(db, t);
}

// SQLite: row-level triggers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function sqliteTriggers(db: Kysely<any>, t: Tally): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  const tracked = t.tracked ?? TRACKED;
  if (!t.victims) {
    const add = (row: string) => `insert into ${t.table} (${insertColumns(t)}) values (${keyOf("sqlite", t, row, null)}, ${valuesOf("sqlite", t, row, null)}, 1)
        on conflict (key) do update set n = n + 1;`;
    const remove = (row: string) => `update ${t.table} set n = n - 1 where key = ${keyOf("sqlite", t, row, null)};`;
    await run(`create trigger ${t.table}_insert after insert on claims begin ${add("new")} end`);
    await run(`create trigger ${t.table}_delete after delete on claims begin ${remove("old")} end`);
    await run(`create trigger ${t.table}_update after update of ${tracked} on claims begin ${remove("old")} ${add("new")} end`);
    return;
  }
  // A victim row counts with its claim's values; a claim's change moves its victim groups.
  await run(`create trigger ${t.table}_insert after insert on claim_victims begin
      insert into ${t.table} (${insertColumns(t)})
      select ${keyOf("sqlite", t, "c", "new.victim")}, ${valuesOf("sqlite", t, "c", "new.victim")}, 1 from claims c where c.id = new.claim_id
      on conflict (key) do update set n = n + 1;
    end`);
  await run(`create trigger ${t.table}_delete after delete on claim_victims begin
      update ${t.table} set n = n - 1 where key = (select ${keyOf("sqlite", t, "c", "old.victim")} from claims c where c.id = old.claim_id);
    end`);
  await run(`create trigger ${t.table}_update after update of ${tracked} on claims begin
      update ${t.table} set n = n - 1 where key in (select ${keyOf("sqlite", t, "old", "v.victim")} from claim_victims v where v.claim_id = old.id);
      insert into ${t.table} (${insertColumns(t)})
      select ${keyOf("sqlite", t, "new", "v.victim")}, ${valuesOf("sqlite", t, "new", "v.victim")}, 1 from claim_victims v where v.claim_id = new.id
      on conflict (key) do update set n = n + 1;
    end`);
}

// PostgreSQL: statement-level triggers over transition tables, so a multi-row insert adds to each
// tally once, not once per row.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- schema-time view of the database
async function postgresTriggers(db: Kysely<any>, t: Tally): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  /**
   * Claims `r` (with their victim rows `v` for the victim tally). One side is a transition table
   * (no statistics, a few rows): the other is looked up per row through its index (LATERAL), not
   * joined by a scan of the whole table, which the planner may choose and which grows with the store.
   */
  const rows = (claims: string, victims: string | null) => {
    if (!victims) return `${claims} r`;
    return claims === "claims"
      ? `${victims} v cross join lateral (select * from claims c where c.id = v.claim_id) r`
      : `${claims} r cross join lateral (select * from claim_victims cv where cv.claim_id = r.id) v`;
  };
  /** Adds the claims of `claims` (joined to the victim rows of `victims` for the victim tally). */
  const add = (claims: string, victims: string | null) => {
    const from = rows(claims, victims);
    const victim = victims ? "v.victim" : null;
    return `insert into ${t.table} (${insertColumns(t)})
      select ${keyOf("postgres", t, "r", victim)}, ${valuesOf("postgres", t, "r", victim)}, count(*) from ${from}
      group by ${keyOf("postgres", t, "r", victim)}, ${valuesOf("postgres", t, "r", victim)}
      on conflict (key) do update set n = ${t.table}.n + excluded.n;`;
  };
  const remove = (claims: string, victims: string | null) => {
    const from = rows(claims, victims);
    return `update ${t.table} t set n = t.n - g.n
      from (select ${keyOf("postgres", t, "r", victims ? "v.victim" : null)} as key, count(*) as n from ${from} group by 1) g where t.key = g.key;`;
  };
  const fn = (name: string, body: string) => run(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`);
  const trigger = (name: string, when: string, on: string, tables: string, fnName: string) =>
    run(`create trigger ${name} after ${when} on ${on} referencing ${tables} for each statement execute function ${fnName}()`);
  const claims = t.victims ? "claim_victims" : null;
  await fn(`${t.table}_updated`, `${remove("removed", claims)} ${add("inserted", claims)}`);
  await trigger(`${t.table}_update`, "update", "claims", "old table as removed new table as inserted", `${t.table}_updated`);
  if (!t.victims) {
    await fn(`${t.table}_inserted`, add("inserted", null));
    await fn(`${t.table}_deleted`, remove("removed", null));
    await trigger(`${t.table}_insert`, "insert", "claims", "new table as inserted", `${t.table}_inserted`);
    await trigger(`${t.table}_delete`, "delete", "claims", "old table as removed", `${t.table}_deleted`);
  } else {
    await fn(`${t.table}_inserted`, add("claims", "inserted"));
    await fn(`${t.table}_deleted`, remove("claims", "removed"));
    await trigger(`${t.table}_insert`, "insert", "claim_victims", "new table as inserted", `${t.table}_inserted`);
    await trigger(`${t.table}_delete`, "delete", "claim_victims", "old table as removed", `${t.table}_deleted`);
  }
}
