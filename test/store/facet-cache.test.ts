// Facets remembered per version of the store (issue 24, src/store/facet-cache.ts): an answer is
// reused while the audit trail's head is unchanged and never after a change that appends to it
// (claims stored, reviewed, a document restricted), on SQLite and, with DATABASE_URL, PostgreSQL.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { FAST_PATHS } from "../../src/store/claim-pages.js";
import { VersionedCache } from "../../src/store/facet-cache.js";
import { STORE_CLAIM_FACETS as CLAIM_FACETS } from "../../src/shared/facets.js";
import { openStore, SQLITE_FILE, type Store } from "../../src/store/index.js";
import type { ClaimFilter } from "../../src/store/store.js";
import { PUBLIC_ACCESS } from "../../src/store/visibility.js";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { makeClaim, makeDoc } from "./fixtures.js";

describe("VersionedCache", () => {
  it("counts once per key and version, shares a count in progress, forgets failures and the least recently used", async () => {
    const cache = new VersionedCache<number>(2);
    let counted = 0;
    const count = (n: number) => async () => {
      counted++;
      return n;
    };
    const [a, b] = await Promise.all([cache.get("k", "v1", count(1)), cache.get("k", "v1", count(2))]);
    expect([a, b, counted]).toEqual([1, 1, 1]);
    expect(await cache.get("k", "v2", count(3))).toBe(3);
    expect(await cache.get("k", "v2", count(4))).toBe(3);
    await expect(cache.get("bad", "v2", () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await cache.get("bad", "v2", count(5))).toBe(5);
    // Two kept: a third key drops the least recently used ("k").
    expect(await cache.get("other", "v2", count(6))).toBe(6);
    expect(cache.length).toBe(2);
    expect(await cache.get("k", "v2", count(7))).toBe(7);
  });
});

const FILTERS: ClaimFilter[] = [{}, { place: "Iran" }, { from: "2019-03", to: "2019-04" }, { victims: "women", source: "a made-up monitor" }];

async function fill(store: Store, round: number): Promise<number> {
  const claims = Array.from({ length: 10 }, (_, k) =>
    makeClaim({
      event: k % 2 === 0 ? "execution" : "arrest",
      period: { start: `2019-0${1 + (k % 5)}-01`, end: `2019-0${1 + (k % 5)}-28` },
      place: k % 3 === 0 ? "Tehran" : "Iraq",
      source: k % 2 === 0 ? "a made-up monitor" : null,
      victims: k % 4 === 0 ? ["women"] : [],
      quote: `Made-up figure ${k} of round ${round}.`,
      span: [0, 10],
    }),
  );
  return (await store.putDocument(makeDoc(`A made-up bulletin, round ${round}.`, { name: `m-${round}.txt`, published: "2020-02-02" }), claims)).id;
}

/** Facets of every filter with the cache on, checked against the same without it. */
async function expectFresh(store: Store): Promise<void> {
  for (const reader of [store, store.withAccess(PUBLIC_ACCESS)]) {
    for (const filter of FILTERS) {
      const cached = await reader.claimFacets(filter, CLAIM_FACETS, 50);
      FAST_PATHS.facetCache = false;
      const counted = await reader.claimFacets(filter, CLAIM_FACETS, 50);
      FAST_PATHS.facetCache = true;
      expect(cached, JSON.stringify(filter)).toEqual(counted);
    }
  }
}

/** Facets stay right through changes; an edit that bypasses the trail is not seen until one that does not. */
async function runCacheCase(store: Store, editTally: (sql: string) => Promise<void>): Promise<void> {
  const documentId = await fill(store, 1);
  await expectFresh(store);
  await expectFresh(store); // (now answered from memory)
  // A direct edit of a tally, outside the audit trail: the remembered answer is still given…
  const before = await store.claimFacets({}, ["event"], 50);
  const oneRow = "key = (select min(key) from claim_tallies where event = 'arrest')";
  await editTally(`update claim_tallies set n = n + 100 where ${oneRow}`);
  expect(await store.claimFacets({}, ["event"], 50)).toEqual(before);
  // …until the next change that appends to the trail: then the tally as it is now is read.
  await fill(store, 2);
  const after = await store.claimFacets({}, ["event"], 50);
  expect(after.event?.find((v) => v.value === "arrest")?.count).toBe(110);
  await editTally(`update claim_tallies set n = n - 100 where ${oneRow}`);
  await store.setRestricted({ type: "document", id: documentId }, true);
  await expectFresh(store);
  const [first] = await store.queryClaims({ place: "Iran" }, { limit: 1, offset: 0, sort: "id" });
  await store.reviewClaim(first?.id ?? 0, { action: "reject", reason: "made up" });
  await expectFresh(store);
  await store.reviewClaim(first?.id ?? 0, { action: "correct", fields: { victims: ["women"], period: { start: "2019-04-01", end: "2019-04-30" } } });
  await expectFresh(store);
}

describe("facets remembered per version of the store", () => {
  it("SQLite", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-facet-cache-"));
    const store = await openStore({ dataDir: dir });
    try {
      await runCacheCase(store, async (s) => {
        const raw = new BetterSqlite3(join(dir, SQLITE_FILE));
        raw.exec(s);
        raw.close();
      });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  const url = process.env.DATABASE_URL;
  it.skipIf(!url)("PostgreSQL", async () => {
    const schema = freshSchema();
    const store = await openStore({ url: url ?? "", schema });
    try {
      await runCacheCase(store, async (s) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`set search_path = "${schema}"`);
        await client.query(s);
        await client.end();
      });
    } finally {
      await store.close();
      await dropSchema(url ?? "", schema);
    }
  });
});
