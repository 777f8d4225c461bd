// The behaviour every Store must show, run against each dialect by sqlite.test.ts, sqlite-threads.test.ts and postgres.test.ts.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { latestVersion } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations/index.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import type { Store, StoreConfig } from "../../src/store/store.js";
import { INVALID_UTF8, makeClaim, makeDoc } from "./fixtures.js";
import { claimContract } from "./store-contract-claims.js";
import { partsContract } from "./store-contract-parts.js";

/** A fresh, empty store and a way to throw it away. */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

/** Defines the contract suite for one Store backend. */
export function runStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });
    afterEach(async () => {
      await cleanup();
    });

    it("counts the documents of a filter by publisher, language and year of publication (facets)", async () => {
      await store.putDocument(makeDoc("Report one.", { publisher: "Cedar Desk", published: "2023-04-02", language: "en" }), []);
      await store.putDocument(makeDoc("Report two.", { publisher: "Cedar Desk", published: "2024-01-09", language: "fa" }), []);
      await store.putDocument(makeDoc("Report three.", { publisher: "Birch Post", published: "2024-06-30", language: "en" }), []);
      await store.putDocument(makeDoc("Report four.", { publisher: null, published: null, language: null }), []);
      const all = await store.documentFacets({}, ["publisher", "language", "year"]);
      expect(all.publisher?.[0]).toEqual({ value: "Cedar Desk", count: 2 });
      expect(new Map(all.publisher?.map((v) => [v.value, v.count]))).toEqual(new Map([["Cedar Desk", 2], ["Birch Post", 1], [null, 1]]));
      expect(new Map(all.year?.map((v) => [v.value, v.count]))).toEqual(new Map([["2024", 2], ["2023", 1], [null, 1]]));
      expect(all.year?.[0]).toEqual({ value: "2024", count: 2 });
      const cedar = await store.documentFacets({ publisher: "cedar desk" }, ["language", "year"]);
      expect(new Map(cedar.language?.map((v) => [v.value, v.count]))).toEqual(new Map([["en", 1], ["fa", 1]]));
      expect(new Map(cedar.year?.map((v) => [v.value, v.count]))).toEqual(new Map([["2023", 1], ["2024", 1]]));
    });

    it("reports the schema version of the applied migrations", async () => {
      expect(await store.schemaVersion()).toBe(latestVersion(MIGRATIONS));
    });

    it("stores a document once per SHA-256 of its bytes", async () => {
      const doc = makeDoc("Guards detained 12 students on Monday.", { name: "a.txt" });
      const first = await store.putDocument(doc, [makeClaim({ event: "arrest", count: 12 })]);
      const again = await store.putDocument({ ...doc, name: "renamed.txt" }, [makeClaim(), makeClaim()]);
      expect(first.created).toBe(true);
      expect(again).toEqual({ id: first.id, created: false });
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countClaims({})).toBe(1);
      expect((await store.getDocument(first.id))?.name).toBe("a.txt");
      expect(await store.getDocumentText(first.id)).toBe(doc.text);
      expect(await store.getDocumentText(first.id + 1000)).toBeNull();
    });

    it("reads many documents' working texts at once, leaving out those not stored", async () => {
      const texts = ["First working text.", "Second working text.", "Third working text."];
      const ids = [];
      for (const text of texts) ids.push((await store.putDocument(makeDoc(text), [])).id);
      const many = Array.from({ length: 1200 }, (_, i) => 100_000 + i);
      const found = await store.getDocumentTexts([ids[2] ?? -1, ...many.slice(0, 600), ids[0] ?? -1, ...many.slice(600), ids[2] ?? -1]);
      expect([...found.entries()].sort((a, b) => a[0] - b[0])).toEqual([
        [ids[0], texts[0]],
        [ids[2], texts[2]],
      ]);
      expect((await store.getDocumentTexts([])).size).toBe(0);
    });

    it("looks up many documents by their full SHA-256s at once", async () => {
      const docs = Array.from({ length: 3 }, (_, i) => makeDoc(`Looked up together, number ${i}.`, { name: `l${i}.txt` }));
      const ids = [];
      for (const doc of docs) ids.push((await store.putDocument(doc, [makeClaim()])).id);
      const unknown = makeDoc("Never stored.").sha256;
      // More SHA-256s than one statement binds (the store splits the list), the stored ones in any case.
      const filler = Array.from({ length: 1200 }, (_, i) => createHash("sha256").update(`filler ${i}`).digest("hex"));
      const found = await store.getDocumentsBySha256([...filler.slice(0, 700), docs[2]?.sha256.toUpperCase() ?? "", unknown, ...filler.slice(700), docs[0]?.sha256 ?? "", docs[0]?.sha256 ?? ""]);
      expect([...found.keys()].sort()).toEqual([docs[0]?.sha256, docs[2]?.sha256].sort());
      expect(found.get(docs[0]?.sha256 ?? "")).toMatchObject({ id: ids[0], name: "l0.txt", text: docs[0]?.text, claimCount: 1 });
      expect(found.get(docs[2]?.sha256 ?? "")).toEqual(await store.getDocument(ids[2] ?? -1));
      expect((await store.getDocumentsBySha256([])).size).toBe(0);
      await expect(store.getDocumentsBySha256([docs[1]?.sha256.slice(0, 12) ?? ""])).rejects.toThrow(/not a SHA-256/);
    });

    it("rejects a SHA-256 that does not match the bytes", async () => {
      const doc = makeDoc("Some text.");
      await expect(store.putDocument({ ...doc, sha256: "0".repeat(64) }, [])).rejects.toThrow(/does not match/);
      expect(await store.countDocuments()).toBe(0);
    });

    it("writes nothing when one claim of a document fails to insert", async () => {
      const doc = makeDoc("Two figures: 5 and 7.");
      const bad = makeClaim({ quote: null as unknown as string });
      await expect(store.putDocument(doc, [makeClaim(), bad])).rejects.toThrow();
      expect(await store.countDocuments()).toBe(0);
      expect(await store.countClaims({ includeClutter: true })).toBe(0);
      expect(await store.getDocument(doc.sha256.slice(0, 12))).toBeNull();
      const retry = await store.putDocument(doc, [makeClaim()]);
      expect(retry.created).toBe(true);
      expect(await store.countClaims({})).toBe(1);
    });

    describe("batch writes", () => {
      it("stores several documents with their claims in batch order", async () => {
        const docs = [1, 2, 3].map((i) => makeDoc(`Batch document ${i}: ${i} executed.`, { name: `b${i}.txt`, published: `202${i}` }));
        const results = await store.putDocuments(docs.map((doc, i) => ({ doc, claims: Array.from({ length: i + 1 }, (_, k) => makeClaim({ count: 10 * i + k, victims: ["women", "women", "protesters"] })) })));
        expect(results.map((r) => r.created)).toEqual([true, true, true]);
        const ids = results.map((r) => r.id ?? -1);
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
        expect(new Set(ids).size).toBe(3);
        for (const [i, doc] of docs.entries()) {
          const stored = await store.getDocument(ids[i] ?? -1);
          expect(stored).toMatchObject({ sha256: doc.sha256, name: `b${i + 1}.txt`, claimCount: i + 1 });
          const claims = await store.queryClaims({ documentId: ids[i] ?? -1 }, { limit: 10, offset: 0, sort: "id" });
          expect(claims.map((c) => c.count)).toEqual(Array.from({ length: i + 1 }, (_, k) => 10 * i + k));
          expect(claims[0]?.documentPublished).toBe(`202${i + 1}`);
        }
        expect(await store.countClaims({ victims: "women" })).toBe(6);
        expect(await store.countClaims({ victims: "protesters" })).toBe(6);
        expect(await store.putDocuments([])).toEqual([]);
      });

      it("writes a document once when its bytes are stored already or come earlier in the batch", async () => {
        const stored = makeDoc("Stored before the batch: 3 arrested.");
        const { id: storedId } = await store.putDocument(stored, [makeClaim({ count: 3 })]);
        const twice = makeDoc("Twice in one batch: 8 executed.");
        const other = makeDoc("Once in the batch.");
        const results = await store.putDocuments([
          { doc: { ...twice, name: "first.txt" }, claims: [makeClaim({ count: 8 })] },
          { doc: { ...stored, name: "again.txt" }, claims: [makeClaim(), makeClaim()] },
          { doc: other, claims: [] },
          { doc: { ...twice, name: "second.txt", sha256: twice.sha256.toUpperCase() }, claims: [makeClaim(), makeClaim()] },
        ]);
        expect(results.map((r) => r.created)).toEqual([true, false, true, false]);
        expect(results[1]?.id).toBe(storedId);
        expect(results[3]?.id).toBe(results[0]?.id);
        expect(await store.countDocuments()).toBe(3);
        expect(await store.countClaims({})).toBe(2);
        expect((await store.getDocument(twice.sha256))?.name).toBe("first.txt");
        expect((await store.getDocument(stored.sha256))?.name).toBe("doc.txt");
        const again = await store.putDocuments([{ doc: twice, claims: [] }, { doc: other, claims: [] }]);
        expect(again).toEqual([{ id: results[0]?.id, created: false }, { id: results[2]?.id, created: false }]);
      });

      it("fails only the documents that cannot be stored and keeps the others with their claims", async () => {
        const good1 = makeDoc("Good one: 4 killed.");
        const badClaim = makeDoc("Bad claim inside.");
        const badHash = makeDoc("Wrong hash.");
        const good2 = makeDoc("Good two: 6 killed.");
        const results = await store.putDocuments([
          { doc: good1, claims: [makeClaim({ count: 4 })] },
          { doc: badClaim, claims: [makeClaim(), makeClaim({ quote: null as unknown as string })] },
          { doc: { ...badHash, sha256: "0".repeat(64) }, claims: [] },
          { doc: good2, claims: [makeClaim({ count: 6 }), makeClaim({ count: 7 })] },
        ]);
        expect(results[0]).toMatchObject({ created: true });
        expect(results[1]?.error).toBeInstanceOf(Error);
        expect(results[2]?.error?.message).toMatch(/does not match/);
        expect(results[3]).toMatchObject({ created: true });
        expect(await store.countDocuments()).toBe(2);
        expect(await store.getDocument(badClaim.sha256)).toBeNull();
        expect(await store.countClaims({})).toBe(3);
        expect((await store.getDocument(good2.sha256))?.claimCount).toBe(2);
        expect((await store.verifyAudit()).ok).toBe(true);
      });
    });

    it("refreshes its planner statistics, and answers the same afterwards", async () => {
      const docs = [1, 2, 3].map((i) => makeDoc(`Statistics document ${i}: ${i} executed.`, { published: `202${i}` }));
      await store.putDocuments(docs.map((doc, i) => ({ doc, claims: [makeClaim({ count: i + 1, victims: ["women"] })] })));
      const before = [await store.countClaims({ victims: "women" }), await store.countsByYearAndEvent({}), await store.queryClaims({ from: "2022" }, { limit: 10, offset: 0, sort: "id" })];
      await store.refreshStatistics();
      expect([await store.countClaims({ victims: "women" }), await store.countsByYearAndEvent({}), await store.queryClaims({ from: "2022" }, { limit: 10, offset: 0, sort: "id" })]).toEqual(before);
    });

    it("returns the original bytes exactly, including invalid UTF-8", async () => {
      const doc = makeDoc("Hi\uFFFD", { bytes: INVALID_UTF8, mediaType: "application/octet-stream" });
      const { id } = await store.putDocument(doc, []);
      const bytes = await store.getDocumentBytes(id);
      expect(bytes).not.toBeNull();
      expect(Array.from(bytes ?? [])).toEqual(Array.from(INVALID_UTF8));
      expect(await store.getDocumentBytes(id + 1000)).toBeNull();
    });

    it("keeps every document field and finds documents by id or SHA-256 prefix", async () => {
      const doc = makeDoc("Body text of the bulletin.", {
        name: "bulletin.html",
        mediaType: "text/html",
        url: "https://example.org/b/1",
        path: null,
        publisher: "Example Monitor",
        published: "2023-05",
        capturedAt: "2024-02-03T04:05:06.000Z",
        collector: "url",
        language: "en",
        title: "Bulletin one",
        textMap: "[[0,12]]",
        headers: '{"content-type":"text/html"}',
        simhash: "00ff00ff00ff00ff",
      });
      const { id } = await store.putDocument(doc, [makeClaim()]);
      const stored = await store.getDocument(doc.sha256.slice(0, 8).toUpperCase());
      expect(stored).toMatchObject({
        id,
        sha256: doc.sha256,
        name: "bulletin.html",
        mediaType: "text/html",
        url: "https://example.org/b/1",
        path: null,
        publisher: "Example Monitor",
        published: "2023-05",
        capturedAt: "2024-02-03T04:05:06.000Z",
        collector: "url",
        language: "en",
        title: "Bulletin one",
        text: "Body text of the bulletin.",
        textMap: "[[0,12]]",
        headers: '{"content-type":"text/html"}',
        simhash: "00ff00ff00ff00ff",
        size: doc.bytes.byteLength,
        claimCount: 1,
      });
      expect(await store.getDocument(id)).toMatchObject({ sha256: doc.sha256 });
      expect(await store.getDocument("ffffffffffffffff")).toBeNull();
      await expect(store.getDocument("zz")).rejects.toThrow(/SHA-256/);
    });

    it("refuses an ambiguous SHA-256 prefix", async () => {
      const seen = new Map<string, string>();
      let pair: [string, string] | undefined;
      for (let i = 0; !pair; i++) {
        const text = `Prefix probe number ${i}.`;
        const prefix = createHash("sha256").update(text).digest("hex").slice(0, 4);
        const other = seen.get(prefix);
        if (other !== undefined) pair = [other, text];
        else seen.set(prefix, text);
      }
      const a = makeDoc(pair[0]);
      await store.putDocument(a, []);
      await store.putDocument(makeDoc(pair[1]), []);
      await expect(store.getDocument(a.sha256.slice(0, 4))).rejects.toThrow(/several/);
      expect((await store.getDocument(a.sha256.slice(0, 20)))?.sha256).toBe(a.sha256);
    });

    it("lists documents newest first, by publisher, page by page", async () => {
      for (let i = 1; i <= 5; i++) {
        await store.putDocument(
          makeDoc(`Document number ${i}.`, {
            name: `d${i}.txt`,
            publisher: i % 2 === 0 ? "Even Press" : "Odd Herald",
            capturedAt: `2024-03-0${i}T10:00:00.000Z`,
          }),
          [],
        );
      }
      expect(await store.countDocuments()).toBe(5);
      const page1 = await store.listDocuments({ limit: 2, offset: 0 });
      const page2 = await store.listDocuments({ limit: 2, offset: 2 });
      expect(page1.map((d) => d.name)).toEqual(["d5.txt", "d4.txt"]);
      expect(page2.map((d) => d.name)).toEqual(["d3.txt", "d2.txt"]);
      const even = await store.listDocuments({ limit: 10, offset: 0, publisher: "Even Press" });
      expect(even.map((d) => d.name)).toEqual(["d4.txt", "d2.txt"]);
    });

    claimContract(() => store);
    partsContract(() => store);
  });
}

/** A factory of embedded stores, each in a temporary data directory removed by its cleanup. */
export function sqliteStoreFactory(config: Omit<StoreConfig, "dataDir" | "url"> = {}): StoreFactory {
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), "tally-store-"));
    const store = await openStore({ ...config, dataDir: dir });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}
