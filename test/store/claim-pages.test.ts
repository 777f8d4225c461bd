// The claims list's fast paths (issue 24) give the same answers as the slow ones, on SQLite and,
// with DATABASE_URL, PostgreSQL: pages walked in their order's index equal pages sorted by the
// planner; facets counted from the running tallies equal facets grouped from the claims; counts up
// to a bound equal the exact count when below it. A small random store (seeded), every filter
// alone and combined, each order, with and without access to restricted material.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAST_PATHS } from "../../src/store/claim-pages.js";
import { STORE_CLAIM_FACETS as CLAIM_FACETS } from "../../src/shared/facets.js";
import type { ClaimFilter, ClaimKey, ClaimSort, Store, StoredClaim } from "../../src/store/store.js";
import { claimKey } from "../../src/store/claim-keyset.js";
import { PUBLIC_ACCESS } from "../../src/store/visibility.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { makeClaim, makeDoc } from "./fixtures.js";
import { sqliteStoreFactory, type StoreFactory } from "./store-contract.js";
import { openStore } from "../../src/store/open-store.js";

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENTS = ["execution", "killing", "arrest", "flogging"] as const;
// Iran takes in Tehran and Evin Prison; "Smallville" is unknown to the gazetteer (matched by its name in any case).
const PLACES = ["Iran", "Tehran", "Evin Prison", "Iraq", "Baghdad", "Smallville", "smallville", null];
const SOURCES = ["Alpha Watch", "Beta Monitor", "an unnamed witness", null];
const VICTIMS = [[], ["women"], ["protesters"], ["women", "protesters"]] as const;

async function fill(store: Store): Promise<void> {
  const r = rng(24);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  await store.upsertSource({ name: "Alpha Watch", kind: "ngo", aliases: ["AW"] });
  await store.upsertSource({ name: "Beta Monitor", kind: "ngo", aliases: [] });
  for (let d = 0; d < 12; d++) {
    const text = `Invented report number ${d} about figures. `.repeat(4);
    const claims = Array.from({ length: 30 }, (_, k) => {
      const y = 2018 + Math.floor(r() * 5);
      const m = String(1 + Math.floor(r() * 12)).padStart(2, "0");
      const period = r() < 0.15 ? null : r() < 0.5 ? { start: `${y}-${m}-01`, end: `${y}-${m}-28` } : { start: `${y}-01-01`, end: `${y + (r() < 0.2 ? 1 : 0)}-12-31` };
      return makeClaim({
        event: pick(EVENTS),
        // Many equal figures and periods: ties are broken by id in every order.
        count: 1 + Math.floor(r() * 6),
        period,
        place: pick(PLACES),
        victims: [...pick(VICTIMS)],
        source: pick(SOURCES),
        quote: `Figure ${k} of report ${d}.`,
        span: [0, 20],
        clutter: r() < 0.1,
      });
    });
    const { id } = await store.putDocument(makeDoc(text, { name: `report-${d}.txt`, published: `202${d % 4}-0${1 + (d % 9)}-10` }), claims);
    if (d === 3) await store.setRestricted({ type: "document", id }, true);
  }
  const page = await store.queryClaims({}, { limit: 40, offset: 0, sort: "id" });
  for (const [i, c] of page.entries()) {
    if (i % 5 === 0) await store.reviewClaim(c.id, { action: "reject", reason: "not a figure" });
    else if (i % 5 === 1) await store.reviewClaim(c.id, { action: "accept" });
  }
}

const FILTERS: ClaimFilter[] = [
  {},
  { event: "execution" },
  { event: ["arrest", "flogging"] },
  { place: "Iran" },
  { place: "iran" },
  { place: "Smallville" },
  { source: "Alpha Watch" },
  { source: "aw" },
  { source: "An Unnamed Witness" },
  { from: "2020" },
  { to: "2019-06" },
  { from: "2019-03", to: "2019-03" },
  { status: "accepted" },
  { status: ["proposed", "rejected"] },
  { victims: "women" },
  { includeClutter: true },
  { event: "execution", place: "Iran" },
  { place: "Iran", from: "2020" },
  { source: "Beta Monitor", from: "2019", to: "2021" },
  { event: "killing", victims: "protesters", place: "Iraq" },
  { victims: "women", source: "an unnamed witness" },
  // Periods in whole years (migration 18's tallies) and in months or days (the claims), with other filters.
  { from: "2019", to: "2020" },
  { to: "2019" },
  { from: "2019-01", to: "2020-12-31" },
  { from: "2020-01-02" },
  { source: "an unnamed witness", from: "2019-03", to: "2019-05" },
  { victims: "women", place: "Iran", from: "2019-02" },
  { event: "killing", status: "accepted", to: "2020-06", includeClutter: true },
  { event: "execution", place: "Iran", from: "2019" },
  { source: "an unnamed witness", from: "2019" },
  { source: "an unnamed witness", place: "Iran", to: "2020" },
  { source: "Alpha Watch", victims: "protesters", to: "2020" },
  { victims: "women", from: "2020" },
  { victims: "women", source: "an unnamed witness", from: "2019", to: "2021" },
  { victims: "protesters", place: "Iran", event: ["killing", "arrest"], from: "2018" },
  { status: "accepted", from: "2021", includeClutter: true },
];
const SORTS: ClaimSort[] = ["period", "count", "id", "published"];

function runPagesSuite(name: string, factory: StoreFactory): void {
  describe(`claims list fast paths: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const saved = { ...FAST_PATHS };
    beforeAll(async () => {
      ({ store, cleanup } = await factory());
      await fill(store);
    });
    afterAll(async () => {
      Object.assign(FAST_PATHS, saved);
      await cleanup();
    });

    /** The same reads with the fast paths always taken, then never. */
    async function both<T>(read: () => Promise<T>): Promise<{ fast: T; slow: T }> {
      Object.assign(FAST_PATHS, { walkAtLeast: 0, facetsFromTallies: true, totalsFromTallies: true });
      const fast = await read();
      Object.assign(FAST_PATHS, { walkAtLeast: Number.POSITIVE_INFINITY, facetsFromTallies: false, totalsFromTallies: false });
      const slow = await read();
      Object.assign(FAST_PATHS, saved);
      return { fast, slow };
    }

    it("pages every filter in every order as the planner's sorted pages do", async () => {
      for (const reader of [store, store.withAccess(PUBLIC_ACCESS)]) {
        for (const filter of FILTERS) {
          for (const sort of SORTS) {
            for (const [offset, limit] of [[0, 7], [5, 400]] as const) {
              const { fast, slow } = await both(async () => (await reader.queryClaims(filter, { limit, offset, sort })).map((c) => c.id));
              expect(fast, `${JSON.stringify(filter)} ${sort} ${offset}+${limit}`).toEqual(slow);
            }
          }
        }
      }
    }, 180_000);

    it("walks every filter in every order with keyset pages: exactly the list, across ties and NULLs in the order's columns", async () => {
      const orders: ClaimSort[] = [...SORTS, "oldest", "uncertain", "consequential"];
      for (const reader of [store, store.withAccess(PUBLIC_ACCESS)]) {
        for (const filter of FILTERS) {
          for (const sort of orders) {
            const { fast, slow } = await both(async () => {
              const walked: number[] = [];
              let after: ClaimKey | undefined;
              for (;;) {
                const page = await reader.queryClaims(filter, { limit: 25, offset: 0, sort, ...(after ? { after } : {}) });
                walked.push(...page.map((c) => c.id));
                const last = page[page.length - 1];
                if (page.length < 25 || !last) break;
                after = claimKey(sort, last);
              }
              return walked;
            });
            const listed = (await reader.queryClaims(filter, { limit: 10_000, offset: 0, sort })).map((c) => c.id);
            expect(fast, `${JSON.stringify(filter)} ${sort}`).toEqual(listed);
            expect(slow, `${JSON.stringify(filter)} ${sort}`).toEqual(listed);
          }
        }
      }
      // The orders' columns tie (a figure, a period, a document's claims stored at once) and hold NULLs.
      const all = await store.queryClaims({}, { limit: 10_000, offset: 0, sort: "count" });
      expect(new Set(all.map((c) => c.count)).size).toBeLessThan(all.length / 10);
      expect(all.some((c) => c.period === null)).toBe(true);
      // A page after a key, then offset from it.
      const key = claimKey("period", all[0] as StoredClaim);
      const byPeriod = (await store.queryClaims({}, { limit: 10_000, offset: 0, sort: "period" })).map((c) => c.id);
      const at = byPeriod.indexOf(key.id);
      expect((await store.queryClaims({}, { limit: 5, offset: 3, sort: "period", after: key })).map((c) => c.id)).toEqual(byPeriod.slice(at + 4, at + 9));
    }, 180_000);

    it("counts facets from the tallies as the claims grouped do", async () => {
      for (const reader of [store, store.withAccess(PUBLIC_ACCESS)]) {
        for (const filter of FILTERS) {
          const { fast, slow } = await both(() => reader.claimFacets(filter, CLAIM_FACETS, 50));
          expect(fast, JSON.stringify(filter)).toEqual(slow);
        }
      }
    }, 180_000);

    it("counts totals from the tallies as the claims counted do", async () => {
      for (const reader of [store, store.withAccess(PUBLIC_ACCESS)]) {
        for (const filter of FILTERS) {
          const { fast, slow } = await both(() => reader.countClaims(filter));
          expect(fast, JSON.stringify(filter)).toBe(slow);
        }
      }
    });

    it("counts up to a bound: exact below it, the bound and not exact past it", async () => {
      for (const filter of FILTERS) {
        const exact = await store.countClaims(filter);
        expect(await store.countClaimsUpTo(filter, 1000), JSON.stringify(filter)).toEqual({ count: exact, exact: true });
        const capped = await store.countClaimsUpTo(filter, 3);
        // A tally's count is exact at any size; counted claims stop past the bound.
        if (!capped.exact) expect(capped.count).toBe(3);
        expect(capped.exact ? capped.count : exact > 3).toBe(capped.exact ? exact : true);
      }
      // A period in whole years or whole months is in the tallies (exact); in other days it is
      // counted, up to the bound.
      expect(await store.countClaimsUpTo({ from: "2018" }, 3)).toEqual({ count: await store.countClaims({ from: "2018" }), exact: true });
      expect(await store.countClaimsUpTo({ from: "2018-06" }, 3)).toEqual({ count: await store.countClaims({ from: "2018-06" }), exact: true });
      expect(await store.countClaimsUpTo({ from: "2018-06-02" }, 3)).toEqual({ count: 3, exact: false });
    });
  });
}

runPagesSuite("sqlite", sqliteStoreFactory());
const url = process.env.DATABASE_URL;
if (url) {
  runPagesSuite("postgres", async () => {
    const schema = freshSchema();
    const store = await openStore({ url, schema });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(url, schema);
      },
    };
  });
}
