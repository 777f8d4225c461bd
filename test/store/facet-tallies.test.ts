// Migrations 18-20's facet tallies (issue 24): which questions they answer, and an existing store
// upgraded to them (the tables filled from the claims stored, then kept by the triggers) counts as
// the claims do, on SQLite and, with DATABASE_URL, PostgreSQL; `audit verify` finds them equal to
// the claims.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { FAST_PATHS } from "../../src/store/claim-pages.js";
import { facetTally, tallyFor } from "../../src/store/claim-tallies.js";
import type { ResolvedClaimFilter } from "../../src/store/claim-filter.js";
import { FACET_TALLY_TABLES } from "../../src/store/migrations/0018_facet_tallies.js";
import { VICTIM_PAIR_TALLIES } from "../../src/store/migrations/0019_victim_pair_tallies.js";
import { MONTH_TALLY_TABLES } from "../../src/store/migrations/0020_month_tallies.js";
import { STORE_CLAIM_FACETS as CLAIM_FACETS } from "../../src/shared/facets.js";
import { openStore, SQLITE_FILE, type Store } from "../../src/store/index.js";
import type { ClaimFilter } from "../../src/store/store.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { makeClaim, makeDoc } from "./fixtures.js";

const FULL = { restricted: true } as ResolvedClaimFilter["access"];
const resolved = (f: ClaimFilter, sourceId: number | null = null): ResolvedClaimFilter => ({ ...f, access: FULL, ...(f.source !== undefined ? { resolvedSourceId: sourceId } : {}) });

describe("which tally answers", () => {
  it("a period in whole years, the qualifier and a raw source string with a period", () => {
    expect(tallyFor(resolved({ from: "2020" }), "total")).toBe("claim_facet_tallies");
    expect(tallyFor(resolved({ from: "2019-01", to: "2020-12-31" }), "total")).toBe("claim_facet_tallies");
    expect(tallyFor(resolved({ event: "execution" }), "total")).toBe("claim_tallies");
    expect(facetTally(resolved({}), "qualifier")).toBe("claim_facet_tallies");
    expect(facetTally(resolved({ source: "a witness", from: "2020" }), "qualifier")).toBe("claim_source_facet_tallies");
    expect(facetTally(resolved({ from: "2020" }), "victims")).toBe("claim_victim_facet_tallies");
    expect(facetTally(resolved({ victims: "women", from: "2020" }), "source")).toBe("claim_victim_source_tallies");
    expect(facetTally(resolved({ victims: "women" }), "qualifier")).toBe("claim_victim_source_tallies");
    expect(facetTally(resolved({ victims: "women", place: "Iran", from: "2020" }), "victims")).toBe("claim_victim_pair_tallies");
    expect(facetTally(resolved({ place: "Iran" }), "victims")).toBe("claim_victim_tallies");
  });

  it("a period in whole months from the tallies of months, a year with a month too", () => {
    expect(tallyFor(resolved({ from: "2020-02" }), "total")).toBe("claim_month_tallies");
    expect(tallyFor(resolved({ to: "2020-11-30" }), "total")).toBe("claim_month_tallies");
    expect(tallyFor(resolved({ from: "2018-03-01", to: "2018-03" }), "total")).toBe("claim_month_tallies");
    expect(tallyFor(resolved({ from: "2020", to: "2024-02-29" }), "total")).toBe("claim_month_tallies");
    expect(facetTally(resolved({ from: "2018-03", to: "2018-03" }), "source")).toBe("claim_source_month_tallies");
    expect(facetTally(resolved({ from: "2018-03", to: "2018-03" }), "victims")).toBe("claim_victim_month_tallies");
    expect(facetTally(resolved({ from: "2018-03", to: "2018-03" }), "qualifier")).toBe("claim_month_tallies");
    // A whole year stays with the smaller tallies of years.
    expect(facetTally(resolved({ from: "2018-01", to: "2019-12" }), "event")).toBe("claim_facet_tallies");
  });

  it("not a period in other days, one document, nor the victim groups of one group's claims", () => {
    expect(tallyFor(resolved({ from: "2020-02-02" }), "total")).toBeNull();
    expect(tallyFor(resolved({ to: "2020-11-29" }), "total")).toBeNull();
    expect(tallyFor(resolved({ from: "2020-02", to: "2023-02-28" }), "total")).toBe("claim_month_tallies");
    expect(tallyFor(resolved({ from: "2020-02", to: "2024-02-28" }), "total")).toBeNull(); // (a leap year)
    expect(facetTally(resolved({ documentId: 3 }), "event")).toBeNull();
    expect(facetTally(resolved({ victims: "women", source: "a witness" }), "victims")).toBeNull();
    // A raw source string with a place and a period: no tally holds the three.
    expect(facetTally(resolved({ source: "a witness", place: "Iran", from: "2020" }), "event")).toBeNull();
  });
});

/** Removes migrations 18 to 20 from a store as if it had been made before them. */
const ADDED = [...FACET_TALLY_TABLES, VICTIM_PAIR_TALLIES, ...MONTH_TALLY_TABLES];
const DOWNGRADE_SQLITE = ADDED.flatMap((t) => [`drop trigger ${t.table}_insert`, `drop trigger ${t.table}_delete`, `drop trigger ${t.table}_update`, `drop table ${t.table}`]).concat("delete from tally_migrations where version >= 18");
const DOWNGRADE_PG = ADDED.flatMap((t) => [`drop table ${t.table}`, ...["inserted", "deleted", "updated"].map((s) => `drop function ${t.table}_${s} cascade`)]).concat("delete from tally_migrations where version >= 18");

async function fill(store: Store, round: number): Promise<void> {
  const events = ["execution", "killing", "arrest"] as const;
  for (let d = 0; d < 4; d++) {
    const claims = Array.from({ length: 12 }, (_, k) =>
      makeClaim({
        event: events[k % 3],
        qualifier: k % 4 === 0 ? "at_least" : "exact",
        period: k % 5 === 0 ? null : { start: `${2018 + (k % 4)}-0${1 + (k % 9)}-01`, end: `${2018 + (k % 4) + (k % 7 === 0 ? 1 : 0)}-0${1 + (k % 9)}-28` },
        place: k % 2 === 0 ? "Tehran" : "Iraq",
        source: k % 3 === 0 ? "an invented witness" : null,
        victims: k % 4 === 1 ? ["women"] : k % 4 === 2 ? ["women", "protesters"] : [],
        quote: `Invented figure ${k}.`,
        span: [0, 10],
      }),
    );
    await store.putDocument(makeDoc(`Invented bulletin ${d} of round ${round} on figures.`, { name: `b-${round}-${d}.txt`, published: `2021-0${d + 1}-05` }), claims);
  }
}

/** Changes that move claims and victim rows: a correction of victims and period, a re-extraction. */
async function changeSome(store: Store): Promise<void> {
  const page = await store.queryClaims({ victims: "women" }, { limit: 3, offset: 0, sort: "id" });
  await store.reviewClaim(page[0]?.id ?? 0, { action: "correct", fields: { victims: ["protesters", "journalists"], period: { start: "2016-05-01", end: "2017-02-01" } } });
  await store.reviewClaim(page[1]?.id ?? 0, { action: "correct", fields: { victims: [] } });
  const documentId = page[2]?.documentId ?? 0;
  await store.replaceClaims(documentId, [makeClaim({ event: "killing", victims: ["women", "journalists"], quote: "Invented again.", span: [0, 8] })], "test-2");
}

const FILTERS: ClaimFilter[] = [
  {},
  { from: "2019" },
  { to: "2020" },
  { source: "an invented witness", from: "2019" },
  { victims: "women", from: "2020" },
  { victims: "protesters" },
  { event: "killing", place: "Iran", to: "2021" },
  // In months: the month a period ends in and the one it starts in are both kept (2019-03: a period
  // of 2019-03-01..2019-03-28, and one of 2018-03-01..2019-03-28).
  { from: "2019-03", to: "2019-03" },
  { from: "2019-04", to: "2020-02-29" },
  { from: "2018-02", to: "2021" },
  { source: "an invented witness", from: "2019-03" },
  { victims: "women", to: "2020-03" },
  { event: "killing", place: "Iran", from: "2016-05", to: "2017-01" },
];

async function expectTalliesMatch(store: Store): Promise<void> {
  for (const filter of FILTERS) {
    Object.assign(FAST_PATHS, { facetsFromTallies: true, totalsFromTallies: true });
    const fast = { facets: await store.claimFacets(filter, CLAIM_FACETS, 50), total: await store.countClaims(filter) };
    Object.assign(FAST_PATHS, { facetsFromTallies: false, totalsFromTallies: false });
    const slow = { facets: await store.claimFacets(filter, CLAIM_FACETS, 50), total: await store.countClaims(filter) };
    Object.assign(FAST_PATHS, { facetsFromTallies: true, totalsFromTallies: true });
    expect(fast, JSON.stringify(filter)).toEqual(slow);
  }
  expect((await store.verifyAudit()).problems.filter((p) => /tallies/.test(p.message))).toEqual([]);
}

describe("migrations 18 to 20 on a store made before them", () => {
  it("SQLite: fills the tallies from the claims stored, and the triggers keep them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-facets-"));
    try {
      let store = await openStore({ dataDir: dir });
      await fill(store, 1);
      await store.close();
      const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
      for (const s of DOWNGRADE_SQLITE) raw.exec(s);
      raw.close();
      store = await openStore({ dataDir: dir });
      await expectTalliesMatch(store);
      await changeSome(store);
      const [first] = await store.queryClaims({}, { limit: 1, offset: 0, sort: "id" });
      await store.reviewClaim(first?.id ?? 0, { action: "reject", reason: "invented" });
      await fill(store, 2);
      expect(await store.countClaims({ includeClutter: true })).toBeGreaterThan(80); // the second round stored
      await expectTalliesMatch(store);
      await store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)("PostgreSQL: fills the tallies from the claims stored, and the triggers keep them", async () => {
    const schema = freshSchema();
    try {
      let store = await openStore({ url: url ?? "", schema });
      await fill(store, 1);
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`set search_path = "${schema}"`);
      for (const s of DOWNGRADE_PG) await client.query(s);
      await client.end();
      store = await openStore({ url: url ?? "", schema });
      await expectTalliesMatch(store);
      await changeSome(store);
      const [first] = await store.queryClaims({}, { limit: 1, offset: 0, sort: "id" });
      await store.reviewClaim(first?.id ?? 0, { action: "reject", reason: "invented" });
      await fill(store, 2);
      expect(await store.countClaims({ includeClutter: true })).toBeGreaterThan(80); // the second round stored
      await expectTalliesMatch(store);
      await store.close();
    } finally {
      await dropSchema(url ?? "", schema);
    }
  });
});
