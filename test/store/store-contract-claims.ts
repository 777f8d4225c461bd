// The store contract's claims, search and relations (run by runStoreContract in store-contract.ts for each dialect).
import { beforeEach, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { makeClaim, makeDoc } from "./fixtures.js";

/** Claims, search and relations, against the store `current` returns for the running test. */
export function claimContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

    describe("claims", () => {
      let docA: number;
      let docB: number;
      beforeEach(async () => {
        docA = (
          await store.putDocument(makeDoc("Text of report A.", { name: "a.txt", published: "2022-11-20" }), [
            makeClaim({ event: "killing", count: 300, qualifier: "at_least", period: { start: "2022-09-16", end: "2022-11-20" }, place: "Iran", victims: ["protesters"], source: "Watch Group" }),
            makeClaim({ event: "arrest", count: 15000, qualifier: "more_than", period: { start: "2022-09-16", end: "2022-11-20" }, place: "Iran", victims: ["protesters", "women"], source: null }),
            makeClaim({ event: "execution", count: 4, period: { start: "2022-12-01", end: "2022-12-31" }, place: "Tehran", victims: ["protesters"], source: "the watch group", countSpan: [3, 4] }),
            makeClaim({ event: "execution", count: 99, clutter: true, quote: "Teaser: 99 in a related story." }),
          ])
        ).id;
        docB = (
          await store.putDocument(makeDoc("Text of report B.", { name: "b.txt", published: "2019-06" }), [
            makeClaim({ event: "execution", count: 250, qualifier: "about", period: { start: "2018-01-01", end: "2018-12-31" }, place: "Iran", victims: ["prisoners"], source: "Other Centre" }),
            makeClaim({ event: "death_sentence", count: 7, period: null, place: null, victims: ["child_offenders"], source: "Other Centre" }),
          ])
        ).id;
      });

      it("keeps quotes and names with quote marks, backslashes, braces, commas, NULL-like words and line breaks exactly", async () => {
        const awkward = [
          'He said "at least 12", then \\"more\\".',
          "{braces}, commas, and NULL",
          "NULL",
          "line one\nline two\ttab — ünïcödé 😀",
          "",
        ];
        const id = (
          await store.putDocument(
            makeDoc("Awkward quotes.", { name: "awkward.txt" }),
            awkward.map((quote, i) => makeClaim({ count: i + 1, quote, place: i === 2 ? "NULL" : null, source: i === 1 ? 'Centre "A", {B}' : null })),
          )
        ).id;
        const back = await store.queryClaims({ documentId: id }, { limit: 10, offset: 0, sort: "id" });
        expect(back.map((c) => c.quote)).toEqual(awkward);
        expect(back.map((c) => c.count)).toEqual([1, 2, 3, 4, 5]);
        expect(back[2]?.place).toBe("NULL");
        expect(back[0]?.place).toBeNull();
        expect(back[1]?.source).toBe('Centre "A", {B}');
        expect(back[0]?.countSpan ?? null).toBeNull();
      });

      it("returns claims with their document's name and publication date and all their fields", async () => {
        const claims = await store.queryClaims({ documentId: docA, event: "execution" }, { limit: 10, offset: 0 });
        expect(claims).toHaveLength(1);
        expect(claims[0]).toMatchObject({
          document: "a.txt",
          documentId: docA,
          documentPublished: "2022-11-20",
          event: "execution",
          count: 4,
          qualifier: "exact",
          period: { start: "2022-12-01", end: "2022-12-31" },
          place: "Tehran",
          victims: ["protesters"],
          source: "the watch group",
          sourceId: null,
          span: [0, 25],
          countSpan: [3, 4],
          clutter: false,
          extractor: "unknown",
        });
      });

      it("filters by event, place, document, victims and source string", async () => {
        const count = (f: Parameters<Store["countClaims"]>[0]) => store.countClaims(f);
        expect(await count({})).toBe(5);
        expect(await count({ includeClutter: true })).toBe(6);
        expect(await count({ event: "execution" })).toBe(2);
        expect(await count({ event: ["execution", "arrest"] })).toBe(3);
        // A place takes in the places inside it, in any case; an unknown place matches its own name in any case.
        expect(await count({ place: "Iran" })).toBe(4);
        expect(await count({ place: "iran" })).toBe(4);
        expect(await count({ place: "TEHRAN" })).toBe(1);
        expect(await count({ place: "Atlantis" })).toBe(0);
        expect(await count({ documentId: docB })).toBe(2);
        expect(await count({ victims: "protesters" })).toBe(3);
        expect(await count({ victims: "women" })).toBe(1);
        expect(await count({ victims: "journalists" })).toBe(0);
        expect(await count({ source: "watch group" })).toBe(1);
        expect(await count({ source: "WATCH GROUP" })).toBe(1);
        expect(await count({ source: "Other Centre", victims: "prisoners" })).toBe(1);
      });

      it("selects claims whose period overlaps the range, from ISO prefixes", async () => {
        const counts = async (f: { from?: string; to?: string }) =>
          (await store.queryClaims(f, { limit: 10, offset: 0, sort: "count" })).map((c) => c.count);
        expect(await counts({ from: "2022" })).toEqual([15000, 300, 4]);
        expect(await counts({ from: "2022-12-15" })).toEqual([4]);
        expect(await counts({ to: "2022-09" })).toEqual([15000, 300, 250]);
        expect(await counts({ from: "2018-12", to: "2018-12" })).toEqual([250]);
        expect(await counts({ from: "2019", to: "2021" })).toEqual([]);
        await expect(store.countClaims({ from: "last year" })).rejects.toThrow(/ISO/);
      });

      it("pages through claims in the requested order", async () => {
        const byCount = await store.queryClaims({}, { limit: 2, offset: 1, sort: "count" });
        expect(byCount.map((c) => c.count)).toEqual([300, 250]);
        const byPeriod = await store.queryClaims({}, { limit: 10, offset: 0 });
        expect(byPeriod.map((c) => c.period?.start ?? null)).toEqual([
          "2022-12-01",
          "2022-09-16",
          "2022-09-16",
          "2018-01-01",
          null,
        ]);
        const byPublished = await store.queryClaims({}, { limit: 10, offset: 0, sort: "published" });
        expect(byPublished.map((c) => c.document)).toEqual(["a.txt", "a.txt", "a.txt", "b.txt", "b.txt"]);
        const all = await store.queryClaims({ includeClutter: true }, { limit: 100, offset: 0, sort: "id" });
        expect(new Set(all.map((c) => c.id)).size).toBe(6);
        expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((x, y) => x - y));
      });

      it("replaces a document's claims in one go, victims index included", async () => {
        await store.replaceClaims(docA, [makeClaim({ event: "injury", count: 40, victims: ["journalists"] })], "extractor-2");
        const claims = await store.queryClaims({ documentId: docA, includeClutter: true }, { limit: 10, offset: 0 });
        expect(claims.map((c) => [c.event, c.count, c.extractor])).toEqual([["injury", 40, "extractor-2"]]);
        expect(await store.countClaims({ victims: "women" })).toBe(0);
        expect(await store.countClaims({ victims: "journalists" })).toBe(1);
        expect(await store.countClaims({ documentId: docB })).toBe(2);
        await expect(store.replaceClaims(docA, [makeClaim({ quote: null as unknown as string })], "x")).rejects.toThrow();
        expect(await store.countClaims({ documentId: docA })).toBe(1);
        await expect(store.replaceClaims(docA + docB + 100, [], "x")).rejects.toThrow(/no document/);
      });

      it("links claims to source records by name or alias, before and after the source exists", async () => {
        const watch = await store.upsertSource({ name: "Watch Group", kind: "ngo", aliases: ["The Watch Group", "WG"] });
        expect(watch).toMatchObject({ name: "Watch Group", kind: "ngo", aliases: ["The Watch Group", "WG"], claims: 2 });
        await store.putDocument(makeDoc("Report C text.", { name: "c.txt" }), [makeClaim({ source: "wg", count: 3 })]);
        expect(await store.countClaims({ sourceId: watch.id })).toBe(3);
        expect(await store.countClaims({ source: "WG" })).toBe(3);
        const merged = await store.upsertSource({ name: "WG", kind: "monitor", aliases: ["Watch-Group"] });
        expect(merged.id).toBe(watch.id);
        expect(merged).toMatchObject({ name: "Watch Group", kind: "monitor", aliases: ["The Watch Group", "WG", "Watch-Group"] });
        await store.upsertSource({ name: "Other Centre", kind: "ngo", aliases: [] });
        const sources = await store.listSources();
        expect(sources.map((s) => [s.name, s.claims])).toEqual([
          ["Other Centre", 2],
          ["Watch Group", 3],
        ]);
        const stored = await store.queryClaims({ source: "watch-group" }, { limit: 10, offset: 0, sort: "count" });
        expect(stored.map((c) => [c.source, c.sourceId])).toEqual([
          ["Watch Group", watch.id],
          ["the watch group", watch.id],
          ["wg", watch.id],
        ]);
      });

      it("counts claims by year (period start, else publication) and event", async () => {
        expect(await store.countsByYearAndEvent({})).toEqual([
          { year: 2018, event: "execution", claims: 1 },
          { year: 2019, event: "death_sentence", claims: 1 },
          { year: 2022, event: "arrest", claims: 1 },
          { year: 2022, event: "execution", claims: 1 },
          { year: 2022, event: "killing", claims: 1 },
        ]);
        expect(await store.countsByYearAndEvent({ victims: "protesters", event: "execution" })).toEqual([
          { year: 2022, event: "execution", claims: 1 },
        ]);
      });

      it("counts claims by source record or raw source string", async () => {
        const other = await store.upsertSource({ name: "Other Centre", kind: "ngo", aliases: [] });
        expect(await store.countsBySource({})).toEqual([
          { sourceId: other.id, source: "Other Centre", claims: 2 },
          { sourceId: null, source: null, claims: 1 },
          { sourceId: null, source: "the watch group", claims: 1 },
          { sourceId: null, source: "Watch Group", claims: 1 },
        ]);
        // Iran takes in Tehran's execution, credited to a raw source string.
        expect(await store.countsBySource({ place: "Iran", event: "execution" })).toEqual([
          { sourceId: other.id, source: "Other Centre", claims: 1 },
          { sourceId: null, source: "the watch group", claims: 1 },
        ]);
        expect(await store.countsBySource({ place: "Iran", event: "killing" })).toEqual([{ sourceId: null, source: "Watch Group", claims: 1 }]);
      });
    });

    describe("search", () => {
      beforeEach(async () => {
        await store.putDocument(
          makeDoc("The committee counted hangings across the provinces. Hangings rose again; hangings at dawn were reported.", {
            name: "hangings.txt",
            title: "Hangings report",
          }),
          [],
        );
        await store.putDocument(
          makeDoc("A long note on prison visits. One paragraph mentions hangings in passing, then moves on to visits.", {
            name: "visits.txt",
            title: "Prison visits",
          }),
          [],
        );
        await store.putDocument(makeDoc("Nothing related here, only weather.", { name: "weather.txt" }), []);
      });

      it("ranks the document about the words first and marks them in the snippet", async () => {
        const { hits } = await store.search("hangings", { limit: 10 });
        expect(hits.map((h) => h.name)).toEqual(["hangings.txt", "visits.txt"]);
        expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
        expect(hits[1]?.snippet).toMatch(/\[hangings\]/i);
        expect(hits[0]?.title).toBe("Hangings report");
      });

      it("requires every word and honours the limit", async () => {
        expect((await store.search("prison hangings", { limit: 10 })).hits.map((h) => h.name)).toEqual(["visits.txt"]);
        expect((await store.search("hangings", { limit: 1 })).hits).toHaveLength(1);
        expect(await store.search("volcano", { limit: 10 })).toEqual({ hits: [], ranked: 0, complete: true });
        expect(await store.search("   ", { limit: 10 })).toEqual({ hits: [], ranked: 0, complete: true });
      });

      it("ranks every match when the window holds them all, and says so", async () => {
        const result = await store.search("hangings", { limit: 1 });
        expect(result.ranked).toBe(2);
        expect(result.complete).toBe(true);
        expect(result.hits.map((h) => h.name)).toEqual(["hangings.txt"]);
      });

      it("ranks only the most recently stored matches when more match than the window holds", async () => {
        // Stored after the two above: three more documents that mention hangings once each.
        for (const name of ["n1.txt", "n2.txt", "n3.txt"]) {
          await store.putDocument(makeDoc(`A short item (${name}) on visits that names hangings once.`, { name }), []);
        }
        const all = await store.search("hangings", { limit: 10 });
        expect(all).toMatchObject({ ranked: 5, complete: true });
        expect(all.hits[0]?.name).toBe("hangings.txt");

        const narrow = await store.search("hangings", { limit: 10, window: 3 });
        expect(narrow.ranked).toBe(3);
        expect(narrow.complete).toBe(false);
        // The best match overall is older than the window: it is not among the hits.
        expect(narrow.hits.map((h) => h.name).sort()).toEqual(["n1.txt", "n2.txt", "n3.txt"]);
        expect((await store.search("hangings", { limit: 2, window: 3 })).hits).toHaveLength(2);

        const exact = await store.search("hangings", { limit: 10, window: 5 });
        expect(exact).toMatchObject({ ranked: 5, complete: true });
        expect(exact.hits.map((h) => h.name)).toEqual(all.hits.map((h) => h.name));
      });

      it("finds rare words far behind the newest documents", async () => {
        for (let i = 0; i < 30; i++) await store.putDocument(makeDoc(`Filler note ${i} about the weather and the harvest.`, { name: `filler-${i}.txt` }), []);
        const both = await store.search("hangings", { limit: 10, window: 2 });
        expect(both).toMatchObject({ ranked: 2, complete: true });
        expect(both.hits.map((h) => h.name)).toEqual(["hangings.txt", "visits.txt"]);
        const newer = await store.search("hangings", { limit: 10, window: 1 });
        expect(newer).toMatchObject({ ranked: 1, complete: false });
        expect(newer.hits.map((h) => h.name)).toEqual(["visits.txt"]);
        const oldest = await store.search("prison visits", { limit: 10, window: 1 });
        expect(oldest).toMatchObject({ ranked: 1, complete: true });
        expect(oldest.hits.map((h) => h.name)).toEqual(["visits.txt"]);
      });

      it("treats hostile input as plain words", async () => {
        for (const q of ['"', "*", "OR", "NEAR(", "'", 'hangings" OR "weather', "hang*", "NEAR(hangings visits", "a'b--", "\\", "title:hangings", "^hangings", "-", "(", ")", "AND NOT"]) {
          await expect(store.search(q, { limit: 5 }), q).resolves.toMatchObject({ hits: expect.any(Array) });
        }
        expect((await store.search('"hangings"', { limit: 10 })).hits.length).toBe(2);
        expect((await store.search("weather OR hangings", { limit: 10 })).hits.length).toBe(0);
        expect((await store.search("NEAR(weather", { limit: 10 })).hits.map((h) => h.name)).toEqual([]);
      });
    });

    describe("relations and simhashes", () => {
      it("records relations symmetrically and updates their similarity", async () => {
        const a = (await store.putDocument(makeDoc("Original wire story.", { simhash: "0000000000000001" }), [])).id;
        const b = (await store.putDocument(makeDoc("Original wire story, reprinted."), [])).id;
        const c = (await store.putDocument(makeDoc("Another copy of the wire story."), [])).id;
        await store.addRelation(b, a, "syndicated", 0.8);
        await store.addRelation(a, c, "near_duplicate", 0.95);
        await store.addRelation(a, b, "syndicated", 0.9);
        const fromA = await store.relatedDocuments(a);
        expect(fromA.map((r) => [r.document.id, r.kind, r.similarity])).toEqual([
          [c, "near_duplicate", 0.95],
          [b, "syndicated", 0.9],
        ]);
        expect((await store.relatedDocuments(b)).map((r) => r.document.id)).toEqual([a]);
        await expect(store.addRelation(a, a, "syndicated", 1)).rejects.toThrow(/itself/);
      });

      it("lists simhashes of documents that have one", async () => {
        const a = (await store.putDocument(makeDoc("First text.", { simhash: "ffffffffffffffff" }), [])).id;
        const b = (await store.putDocument(makeDoc("Second text."), [])).id;
        expect(await store.listSimhashes()).toEqual([{ id: a, simhash: "ffffffffffffffff" }]);
        await store.setSimhash(b, "8000000000000000");
        expect(await store.listSimhashes()).toEqual([
          { id: a, simhash: "ffffffffffffffff" },
          { id: b, simhash: "8000000000000000" },
        ]);
      });

      it("records a new document's relations with it: to stored documents by id, to others by SHA-256", async () => {
        const stored = (await store.putDocument(makeDoc("The stored wire story.", { simhash: "00000000000000ff" }), [])).id;
        const first = makeDoc("The wire story, first copy in the batch.", { simhash: "00000000000000fe" });
        const second = makeDoc("The wire story, second copy in the batch.", { simhash: "00000000000000fc" });
        const again = makeDoc("The stored wire story.");
        const nowhere = makeDoc("Never stored anywhere.").sha256;
        const seq = (await store.auditHead()).seq;
        const results = await store.putDocuments([
          { doc: first, claims: [], relations: [{ other: { id: stored }, kind: "near_duplicate", similarity: 0.9 }] },
          {
            doc: second,
            claims: [],
            relations: [
              { other: { sha256: first.sha256.toUpperCase() }, kind: "syndicated", similarity: 0.6 },
              { other: { id: stored }, kind: "syndicated", similarity: 0.55 },
              { other: { sha256: first.sha256 }, kind: "syndicated", similarity: 0.6 },
              { other: { sha256: nowhere }, kind: "near_duplicate", similarity: 0.95 },
              { other: { sha256: second.sha256 }, kind: "near_duplicate", similarity: 1 },
            ],
          },
          // Same bytes as a stored document: nothing is written, its relations neither.
          { doc: again, claims: [], relations: [{ other: { sha256: first.sha256 }, kind: "near_duplicate", similarity: 0.99 }] },
          { doc: makeDoc("A bad relation."), claims: [], relations: [{ other: { id: stored }, kind: "near_duplicate", similarity: 1.5 }] },
        ]);
        expect(results.map((r) => r.created ?? r.error?.message)).toEqual([true, true, false, expect.stringMatching(/similarity/)]);
        const [firstId, secondId] = [results[0]?.id ?? -1, results[1]?.id ?? -1];
        expect((await store.relatedDocuments(stored)).map((r) => [r.document.id, r.kind, r.similarity])).toEqual([
          [firstId, "near_duplicate", 0.9],
          [secondId, "syndicated", 0.55],
        ]);
        expect((await store.relatedDocuments(secondId)).map((r) => [r.document.id, r.kind, r.similarity])).toEqual([
          [firstId, "syndicated", 0.6],
          [stored, "syndicated", 0.55],
        ]);
        expect((await store.listSimhashes()).map((s) => s.id)).toEqual([stored, firstId, secondId]);
        const added = (await store.listAuditEvents({ afterSeq: seq })).map((e) => [e.action, e.objectId]);
        expect(added).toEqual([
          ["document.create", String(firstId)],
          ["relation.add", `${stored}-${firstId}-near_duplicate`],
          ["document.create", String(secondId)],
          ["relation.add", `${firstId}-${secondId}-syndicated`],
          ["relation.add", `${stored}-${secondId}-syndicated`],
        ]);
        expect((await store.verifyAudit()).ok).toBe(true);

        // Written one by one (a batch the database refuses as a whole), a SHA-256 still finds a document stored just before.
        const third = makeDoc("The wire story, third copy.");
        const fourth = makeDoc("The wire story, fourth copy.");
        const [r3, r4] = await store.putDocuments([
          { doc: third, claims: [makeClaim(), { ...makeClaim(), quote: null } as unknown as ReturnType<typeof makeClaim>] },
          { doc: fourth, claims: [], relations: [{ other: { sha256: third.sha256 }, kind: "near_duplicate", similarity: 0.8 }, { other: { sha256: first.sha256 }, kind: "near_duplicate", similarity: 0.85 }] },
        ]);
        expect(r3?.error).toBeInstanceOf(Error);
        expect((await store.relatedDocuments(r4?.id ?? -1)).map((r) => r.document.id)).toEqual([firstId]);
      });

      it("records several documents' relations and SimHashes together, all or nothing, in the audit log", async () => {
        const a = (await store.putDocument(makeDoc("The wire story.", { simhash: "00000000000000ff" }), [])).id;
        const b = (await store.putDocument(makeDoc("The wire story, reprinted."), [])).id;
        const c = (await store.putDocument(makeDoc("The wire story, quoted."), [])).id;
        const seq = (await store.auditHead()).seq;
        // One bad item (a document related to itself) and nothing of the call is kept.
        await expect(
          store.relateDocuments([
            { documentId: b, simhash: "00000000000000fe", relations: [{ other: a, kind: "near_duplicate", similarity: 0.9 }] },
            { documentId: c, simhash: "00000000000000fc", relations: [{ other: c, kind: "syndicated", similarity: 0.6 }] },
          ]),
        ).rejects.toThrow(/itself/);
        expect(await store.relatedDocuments(a)).toEqual([]);
        expect(await store.listSimhashes()).toEqual([{ id: a, simhash: "00000000000000ff" }]);
        expect((await store.auditHead()).seq).toBe(seq);

        await store.relateDocuments([
          { documentId: b, simhash: "00000000000000fe", relations: [{ other: a, kind: "near_duplicate", similarity: 0.9 }] },
          { documentId: c, simhash: "00000000000000fc", relations: [{ other: a, kind: "syndicated", similarity: 0.6 }, { other: b, kind: "syndicated", similarity: 0.55 }] },
        ]);
        expect((await store.relatedDocuments(a)).map((r) => [r.document.id, r.kind, r.similarity])).toEqual([
          [b, "near_duplicate", 0.9],
          [c, "syndicated", 0.6],
        ]);
        expect((await store.listSimhashes()).map((s) => s.id)).toEqual([a, b, c]);
        expect((await store.listSimhashes(a)).map((s) => s.id)).toEqual([b, c]);
        expect(await store.listSimhashes(c)).toEqual([]);
        const added = (await store.listAuditEvents({ afterSeq: seq })).map((e) => e.action);
        expect(added).toEqual(["relation.add", "document.simhash", "relation.add", "relation.add", "document.simhash"]);
        expect((await store.verifyAudit()).ok).toBe(true);
      });
    });
}
