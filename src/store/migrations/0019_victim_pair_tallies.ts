// Migration 19 (issue 24): the victim groups of one victim group's claims ("of the claims about
// women, how many also name protesters") from a tally of pairs of groups named by the same claim,
// instead of grouping every victim row of the matching claims (6 s at a million claims). One row
// per (group, group it is named with, the claim's event, place, year, period years, source record,
// clutter, status, restriction, supersession); a claim naming one group counts once as (g, g).
// Kept by triggers on claim_victims (a row added or removed adds or removes its pairs) and on claims
// (a change moves the claim's pairs), as migration 7's are; checked by `audit verify`.
import { sql } from "kysely";
import type { DialectName } from "../schema.js";
import { FILTERED, keyOf, valuesOf, type Tally } from "./0007_claim_tallies.js";
import type { Migration } from "./migration.js";

/** The pairs tally: `victim` is the group filtered on, `co_victim` the group counted. */
export const VICTIM_PAIR_TALLIES: Tally = {
  table: "claim_victim_pair_tallies",
  columns: ["event", "place", "year", "start_year", "end_year", "source_id", ...FILTERED],
  victims: true,
  tracked: "event, place, year, period_start, period_end, source_id, clutter, status, restricted, superseded_by",
};

const T = VICTIM_PAIR_TALLIES;
const COLUMNS = ["key", "victim", "co_victim", ...T.columns, "n"].join(", ");
/** Key and values of claims row `row` for the pair (a, b) of victim expressions. */
const key = (d: DialectName, row: string, a: string, b: string) => keyOf(d, T, row, `${a}, ${b}`);
const values = (d: DialectName, row: string, a: string, b: string) => valuesOf(d, T, row, `${a}, ${b}`);

/** The rows the tally holds when rebuilt from the claims: (key, n) (`audit verify` compares them). */
export function rebuiltPairSql(dialect: DialectName): string {
  const k = key(dialect, "c", "a.victim", "b.victim");
  return `select ${k} as key, count(*) as n from claim_victims a join claim_victims b on b.claim_id = a.claim_id join claims c on c.id = a.claim_id group by ${k}`;
}

export const victimPairTalliesMigration: Migration = {
  version: 19,
  name: "victim pair tallies",
  async up(db, dialect) {
    let table = db.schema.createTable(T.table).addColumn("key", "text", (c) => c.primaryKey()).addColumn("victim", "text", (c) => c.notNull()).addColumn("co_victim", "text", (c) => c.notNull());
    for (const c of T.columns) table = table.addColumn(c, c === "event" || c === "status" || c === "place" ? "text" : "integer", (col) => (c === "event" || FILTERED.includes(c) ? col.notNull() : col));
    await table.addColumn("n", "integer", (c) => c.notNull()).execute();
    const run = (s: string) => sql.raw(s).execute(db);
    await run(`insert into ${T.table} (${COLUMNS})
      select ${key(dialect, "c", "a.victim", "b.victim")}, ${values(dialect, "c", "a.victim", "b.victim")}, count(*)
      from claim_victims a join claim_victims b on b.claim_id = a.claim_id join claims c on c.id = a.claim_id
      group by ${key(dialect, "c", "a.victim", "b.victim")}, ${values(dialect, "c", "a.victim", "b.victim")}`);
    if (dialect === "sqlite") await sqliteTriggers(run);
    else await postgresTriggers(run);
  },
};

type Run = (s: string) => Promise<unknown>;

async function sqliteTriggers(run: Run): Promise<void> {
  const d: DialectName = "sqlite";
  const upsert = `on conflict (key) do update set n = n + 1;`;
  // A new victim row (c, v): (v, w) for every group w of the claim (v itself included) and (w, v) for the others.
  await run(`create trigger ${T.table}_insert after insert on claim_victims begin
      insert into ${T.table} (${COLUMNS}) select ${key(d, "c", "new.victim", "w.victim")}, ${values(d, "c", "new.victim", "w.victim")}, 1
        from claim_victims w join claims c on c.id = w.claim_id where w.claim_id = new.claim_id ${upsert}
      insert into ${T.table} (${COLUMNS}) select ${key(d, "c", "w.victim", "new.victim")}, ${values(d, "c", "w.victim", "new.victim")}, 1
        from claim_victims w join claims c on c.id = w.claim_id where w.claim_id = new.claim_id and w.victim <> new.victim ${upsert}
    end`);
  // A removed victim row (c, v): (v, v), and (v, w) and (w, v) for the groups w the claim still names.
  await run(`create trigger ${T.table}_delete after delete on claim_victims begin
      update ${T.table} set n = n - 1 where key in (
        select ${key(d, "c", "old.victim", "old.victim")} from claims c where c.id = old.claim_id
        union all select ${key(d, "c", "old.victim", "w.victim")} from claim_victims w join claims c on c.id = w.claim_id where w.claim_id = old.claim_id
        union all select ${key(d, "c", "w.victim", "old.victim")} from claim_victims w join claims c on c.id = w.claim_id where w.claim_id = old.claim_id);
    end`);
  await run(`create trigger ${T.table}_update after update of ${T.tracked} on claims begin
      update ${T.table} set n = n - 1 where key in (select ${key(d, "old", "a.victim", "b.victim")} from claim_victims a join claim_victims b on b.claim_id = a.claim_id where a.claim_id = old.id);
      insert into ${T.table} (${COLUMNS}) select ${key(d, "new", "a.victim", "b.victim")}, ${values(d, "new", "a.victim", "b.victim")}, 1
        from claim_victims a join claim_victims b on b.claim_id = a.claim_id where a.claim_id = new.id ${upsert}
    end`);
}

// PostgreSQL: statement-level triggers over transition tables, as migration 7's.
async function postgresTriggers(run: Run): Promise<void> {
  const d: DialectName = "postgres";
  /** Adds (sign +) or removes (-) the pairs `pairs` (claim_id, va, vb) with the claims' values. */
  const apply = (sign: "+" | "-", pairs: string) => {
    const k = key(d, "r", "p.va", "p.vb");
    const from = `(${pairs}) p cross join lateral (select * from claims c where c.id = p.claim_id) r`;
    return sign === "+"
      ? `insert into ${T.table} (${COLUMNS}) select ${k}, ${values(d, "r", "p.va", "p.vb")}, count(*) from ${from}
          group by ${k}, ${values(d, "r", "p.va", "p.vb")} on conflict (key) do update set n = ${T.table}.n + excluded.n;`
      : `update ${T.table} t set n = t.n - g.n from (select ${k} as key, count(*) as n from ${from} group by 1) g where t.key = g.key;`;
  };
  // After an insert claim_victims holds the new rows: pairs with a new first group, then an old first group and a new second.
  const added = `select a.claim_id, a.victim as va, b.victim as vb from inserted a cross join lateral (select victim from claim_victims b where b.claim_id = a.claim_id) b
    union all select b.claim_id, a.victim, b.victim from inserted b cross join lateral (select victim from claim_victims a where a.claim_id = b.claim_id) a
      where not exists (select 1 from inserted i where i.claim_id = b.claim_id and i.victim = a.victim)`;
  // After a delete it no longer holds the removed rows: pairs with a removed first group, then a kept first group and a removed second.
  const removed = `select a.claim_id, a.victim as va, b.victim as vb from removed a cross join lateral (select victim from claim_victims b where b.claim_id = a.claim_id union all select victim from removed b where b.claim_id = a.claim_id) b
    union all select b.claim_id, a.victim, b.victim from removed b cross join lateral (select victim from claim_victims a where a.claim_id = b.claim_id) a`;
  const ofClaims = (claims: string) => `select r0.id as claim_id, a.victim as va, b.victim as vb from ${claims} r0 cross join lateral (select victim from claim_victims a where a.claim_id = r0.id) a cross join lateral (select victim from claim_victims b where b.claim_id = r0.id) b`;
  const fn = (name: string, body: string) => run(`create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`);
  const trigger = (name: string, when: string, on: string, tables: string, fnName: string) =>
    run(`create trigger ${name} after ${when} on ${on} referencing ${tables} for each statement execute function ${fnName}()`);
  await fn(`${T.table}_inserted`, apply("+", added));
  await fn(`${T.table}_deleted`, apply("-", removed));
  // (the claims' old values: the removed rows' own, not the claims table's)
  await fn(`${T.table}_updated`, `${applyOld(ofClaims("removed"))} ${apply("+", ofClaims("inserted"))}`);
  await trigger(`${T.table}_insert`, "insert", "claim_victims", "new table as inserted", `${T.table}_inserted`);
  await trigger(`${T.table}_delete`, "delete", "claim_victims", "old table as removed", `${T.table}_deleted`);
  await trigger(`${T.table}_update`, "update", "claims", "old table as removed new table as inserted", `${T.table}_updated`);

  /** Removes the pairs of the updated claims with their values before the update. */
  function applyOld(pairs: string): string {
    const k = key(d, "r", "p.va", "p.vb");
    return `update ${T.table} t set n = t.n - g.n from (select ${k} as key, count(*) as n from (${pairs}) p join removed r on r.id = p.claim_id group by 1) g where t.key = g.key;`;
  }
}
