// The ingest pipeline over files and folders, written once and run on every store backend.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { claimsFor, ingest, type IngestEvent, type IngestSummary } from "../../src/pipeline/ingest.js";
import type { Store } from "../../src/store/index.js";
import { APPEAL, HTML_PAGE, LONG_ARTICLE, LONG_ARTICLE_SYNDICATED, NGO_BULLETIN, WIRE_REPORT } from "./articles.js";

/** A fresh, empty store and how to dispose of it. */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Runs the pipeline and returns its summary with every event. */
export async function run(inputs: string[], store: Store, config: Config, extra: { manifestPath?: string; published?: string } = {}): Promise<{ summary: IngestSummary; events: IngestEvent[] }> {
  const events: IngestEvent[] = [];
  const summary = await ingest(inputs, store, { config, ...extra, onEvent: (e) => events.push(e) });
  return { summary, events };
}

/** Every claim of a document, clutter included. */
async function claimsOf(store: Store, documentId: number) {
  return store.queryClaims({ documentId, includeClutter: true }, { limit: 10_000, offset: 0, sort: "id" });
}

/** Registers the ingest tests against stores made by `makeStore`. */
export function runIngestSuite(backend: string, makeStore: StoreFactory): void {
  describe(`ingest pipeline (${backend})`, () => {
    const disposers: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const d of disposers.splice(0).reverse()) await d();
    });

    /** A temp folder, a store and a configuration (workers as given). */
    async function setup(workers = 1): Promise<{ dir: string; store: Store; config: Config }> {
      const dir = await mkdtemp(join(tmpdir(), "tally-pipeline-"));
      disposers.push(() => rm(dir, { recursive: true, force: true }));
      const { store, cleanup } = await makeStore();
      disposers.push(cleanup);
      const config = { ...loadConfig({ data: join(dir, "data"), collector: "pipeline-test" }, {}), workers };
      return { dir, store, config };
    }

    /** Writes the corpus folder: four documents, two described by a manifest, one in a subfolder. */
    async function writeCorpus(dir: string): Promise<string> {
      const corpus = join(dir, "corpus");
      await mkdir(join(corpus, "appeals"), { recursive: true });
      await writeFile(join(corpus, "wire.txt"), WIRE_REPORT);
      await writeFile(join(corpus, "bulletin.md"), NGO_BULLETIN);
      await writeFile(join(corpus, "raids.html"), HTML_PAGE);
      await writeFile(join(corpus, "appeals", "appeal.txt"), APPEAL);
      await writeFile(
        join(corpus, "manifest.json"),
        JSON.stringify({
          documents: [
            { file: "wire.txt", published: "2023-06-10", publisher: "Harbour Wire", url: "https://wire.example.org/2023/06/10/executions" },
            { file: "appeals/appeal.txt", published: "2024-02-15", publisher: "Willow Monitor", url: null },
          ],
        }),
      );
      return corpus;
    }

    for (const workers of [1, 0]) {
      it(`stores files and a folder with its manifest, claims with spans into the stored text (workers=${workers})`, async () => {
        const { dir, store, config } = await setup(workers);
        const corpus = await writeCorpus(dir);
        const loose = join(dir, "loose-note.txt");
        await writeFile(loose, "Guards beat 4 detainees in the women's ward, the Orchard Legal Aid group said.");

        const { summary, events } = await run([corpus, loose], store, config, { published: "2024-01-05" });
        expect(events.filter((e) => e.status === "failed")).toEqual([]);
        expect(summary).toMatchObject({ new: 5, duplicate: 0, failed: 0 });
        expect(events.map((e) => e.name).sort()).toEqual(["appeals/appeal.txt", "bulletin.md", "loose-note.txt", "raids.html", "wire.txt"]);
        expect(await store.countDocuments()).toBe(5);

        // Provenance: original bytes, hash, path, manifest metadata, collector.
        const wireBytes = await readFile(join(corpus, "wire.txt"));
        const wire = await store.getDocument(sha256(wireBytes));
        expect(wire).not.toBeNull();
        if (!wire) return;
        expect(wire).toMatchObject({
          name: "wire.txt",
          mediaType: "text/plain",
          publisher: "Harbour Wire",
          published: "2023-06-10",
          url: "https://wire.example.org/2023/06/10/executions",
          collector: "pipeline-test",
          size: wireBytes.length,
          text: WIRE_REPORT,
        });
        expect(wire.path).toContain("wire.txt");
        expect(Buffer.from((await store.getDocumentBytes(wire.id)) ?? new Uint8Array())).toEqual(wireBytes);
        expect(wire.simhash).toMatch(/^[0-9a-f]{16}$/);

        const appeal = await store.getDocument(sha256(Buffer.from(APPEAL)));
        expect(appeal).toMatchObject({ name: "appeals/appeal.txt", publisher: "Willow Monitor", published: "2024-02-15" });
        // No manifest entry and no metadata of its own: the run's --published applies.
        expect(await store.getDocument(sha256(Buffer.from(NGO_BULLETIN)))).toMatchObject({ mediaType: "text/markdown", published: "2024-01-05", title: "Quarterly bulletin of the Lantern Justice Project" });
        // The page's own metadata wins over --published.
        const page = await store.getDocument(sha256(Buffer.from(HTML_PAGE)));
        expect(page).toMatchObject({ mediaType: "text/html", published: "2022-11-20" });
        expect(page?.text).toContain("killed at least 9 people");
        expect(page?.text).not.toContain("<p>");

        // The wire report's figures, attributed and dated from the manifest's date.
        const wireClaims = await claimsOf(store, wire.id);
        expect(wireClaims.map((c) => [c.event, c.count, c.qualifier])).toEqual(
          expect.arrayContaining([
            ["execution", 14, "exact"],
            ["arrest", 200, "more_than"],
          ]),
        );
        const fourteen = wireClaims.find((c) => c.count === 14);
        expect(fourteen?.period).toEqual({ start: "2023-03-01", end: "2023-03-31" });
        expect(fourteen?.source).toBe("Harbour Rights Watch");
        expect(wire.claimCount).toBe(wireClaims.length);

        // Every claim of every document quotes exactly the span of the stored text it indexes.
        let total = 0;
        for (const summaryRow of await store.listDocuments({ limit: 100, offset: 0 })) {
          const doc = await store.getDocument(summaryRow.id);
          if (!doc) throw new Error(`document ${summaryRow.id} vanished`);
          const claims = await claimsOf(store, doc.id);
          expect(claims.length).toBe(doc.claimCount);
          for (const c of claims) {
            expect(c.span[0]).toBeGreaterThanOrEqual(0);
            expect(c.span[1]).toBeLessThanOrEqual(doc.text.length);
            expect(doc.text.slice(c.span[0], c.span[1])).toBe(c.quote);
            expect(c.documentId).toBe(doc.id);
          }
          total += claims.length;
        }
        expect(total).toBe(summary.claims);
        expect(total).toBeGreaterThanOrEqual(7);
      });
    }

    it("re-ingesting the same inputs is a no-op: every input a duplicate, no new rows", async () => {
      const { dir, store, config } = await setup();
      const corpus = await writeCorpus(dir);
      const first = await run([corpus], store, config);
      expect(first.summary.new).toBe(4);
      const docsBefore = await store.listDocuments({ limit: 100, offset: 0 });
      const claimsBefore = await store.countClaims({ includeClutter: true });

      const again = await run([corpus], store, config);
      expect(again.summary).toEqual({ new: 0, duplicate: 4, failed: 0, claims: 0, related: 0, unsupported: {} });
      expect(again.events.every((e) => e.status === "duplicate")).toBe(true);
      // A duplicate event still reports the stored claim count.
      expect(again.events.reduce((n, e) => n + e.claims, 0)).toBe(claimsBefore);
      expect(await store.countDocuments()).toBe(4);
      expect(await store.countClaims({ includeClutter: true })).toBe(claimsBefore);
      expect(await store.listDocuments({ limit: 100, offset: 0 })).toEqual(docsBefore);

      // The same bytes under another name are the same document.
      const copy = join(dir, "renamed-copy.txt");
      await writeFile(copy, WIRE_REPORT);
      const renamed = await run([copy], store, config);
      expect(renamed.summary).toMatchObject({ new: 0, duplicate: 1 });
      expect(await store.countDocuments()).toBe(4);
    });

    it("asks the store which files it holds once per chunk of files, and one by one if that lookup fails", async () => {
      const { dir, store, config } = await setup();
      const corpus = await writeCorpus(dir);
      await run([corpus], store, config);
      const extra = join(dir, "extra.txt");
      await writeFile(extra, LONG_ARTICLE);
      const calls = { many: 0, one: 0 };
      const counting = Object.create(store) as typeof store;
      counting.getDocumentsBySha256 = (shas) => {
        calls.many++;
        return store.getDocumentsBySha256(shas);
      };
      counting.getDocument = (key) => {
        calls.one++;
        return store.getDocument(key);
      };
      const again = await run([corpus, extra], counting, config);
      expect(again.summary).toMatchObject({ new: 1, duplicate: 4, failed: 0 });
      expect(calls).toEqual({ many: 1, one: 0 });

      // A store whose batched lookup fails: each document is looked up on its own, nothing is stored twice.
      const failing = Object.create(counting) as typeof store;
      failing.getDocumentsBySha256 = () => Promise.reject(new Error("lookup refused"));
      calls.one = 0;
      const third = await run([corpus, extra], failing, config);
      expect(third.summary).toEqual({ new: 0, duplicate: 5, failed: 0, claims: 0, related: 0, unsupported: {} });
      expect(calls.one).toBe(5);
      expect(await store.countDocuments()).toBe(5);
    });

    it("the same file twice in one batch is stored once", async () => {
      const { dir, store, config } = await setup();
      const a = join(dir, "a.txt");
      const b = join(dir, "b.txt");
      await writeFile(a, APPEAL);
      await writeFile(b, APPEAL);
      const { summary } = await run([a, b], store, config);
      expect(summary).toMatchObject({ new: 1, duplicate: 1, failed: 0 });
      expect(await store.countDocuments()).toBe(1);
      expect(await store.countClaims({ includeClutter: true })).toBe(summary.claims);
    });

    it("relates a near-duplicate copy (same article, other header and footer) to the original", async () => {
      const { dir, store, config } = await setup();
      const original = join(dir, "saltmarsh-daily.txt");
      const copy = join(dir, "tideway-repost.txt");
      const unrelated = join(dir, "unrelated.txt");
      await writeFile(original, LONG_ARTICLE);
      await writeFile(unrelated, WIRE_REPORT);
      await writeFile(copy, LONG_ARTICLE_SYNDICATED);
      const first = await run([original, unrelated], store, config);
      expect(first.summary).toMatchObject({ new: 2, related: 0 });
      const second = await run([copy], store, config);
      expect(second.summary).toMatchObject({ new: 1, related: 1 });

      const orig = await store.getDocument(sha256(Buffer.from(LONG_ARTICLE)));
      const synd = await store.getDocument(sha256(Buffer.from(LONG_ARTICLE_SYNDICATED)));
      const other = await store.getDocument(sha256(Buffer.from(WIRE_REPORT)));
      if (!orig || !synd || !other) throw new Error("documents not stored");
      const related = await store.relatedDocuments(synd.id);
      expect(related).toHaveLength(1);
      expect(related[0]?.document.id).toBe(orig.id);
      expect(related[0]?.kind).toBe("near_duplicate");
      expect(related[0]?.similarity).toBeGreaterThan(0.5);
      expect(related[0]?.similarity).toBeLessThan(1);
      // Symmetric, and the unrelated article is related to nothing.
      expect((await store.relatedDocuments(orig.id)).map((r) => r.document.id)).toEqual([synd.id]);
      expect(await store.relatedDocuments(other.id)).toEqual([]);
    });

    it("relates a near-duplicate stored in the same batch as its original", async () => {
      const { dir, store, config } = await setup();
      const files = [["saltmarsh-daily.txt", LONG_ARTICLE], ["unrelated.txt", WIRE_REPORT], ["tideway-repost.txt", LONG_ARTICLE_SYNDICATED]] as const;
      for (const [name, text] of files) await writeFile(join(dir, name), text);
      const { summary } = await run(files.map(([name]) => join(dir, name)), store, config);
      expect(summary).toMatchObject({ new: 3, related: 1, failed: 0 });
      const orig = await store.getDocument(sha256(Buffer.from(LONG_ARTICLE)));
      const synd = await store.getDocument(sha256(Buffer.from(LONG_ARTICLE_SYNDICATED)));
      expect((await store.relatedDocuments(synd?.id ?? -1)).map((r) => [r.document.id, r.kind])).toEqual([[orig?.id, "near_duplicate"]]);
      for (const doc of [orig, synd]) expect(doc?.simhash).toMatch(/^[0-9a-f]{16}$/);
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    it("a document the store refuses fails alone; the rest of its batch is stored and reported in order", async () => {
      const { dir, store, config } = await setup();
      const names = ["one.txt", "two.txt", "three.txt"];
      await writeFile(join(dir, "one.txt"), APPEAL);
      await writeFile(join(dir, "two.txt"), NGO_BULLETIN);
      await writeFile(join(dir, "three.txt"), WIRE_REPORT);
      // A store that refuses the bulletin's claims, as a database refusing one row would.
      const refusing = Object.create(store) as typeof store;
      refusing.putDocuments = (batch, opts) =>
        store.putDocuments(
          batch.map((w) => (w.doc.text === NGO_BULLETIN ? { ...w, claims: [...w.claims, { ...w.claims[0], quote: null } as unknown as (typeof w.claims)[number]] } : w)),
          opts,
        );
      const { summary, events } = await run(names.map((n) => join(dir, n)), refusing, config);
      expect(events.map((e) => [basename(e.name), e.status])).toEqual([["one.txt", "new"], ["two.txt", "failed"], ["three.txt", "new"]]);
      expect(summary).toMatchObject({ new: 2, failed: 1 });
      expect(await store.getDocument(sha256(Buffer.from(NGO_BULLETIN)))).toBeNull();
      expect(await store.countDocuments()).toBe(2);
      // Run again with a store that accepts it: only the refused document is new.
      const again = await run(names.map((n) => join(dir, n)), store, config);
      expect(again.summary).toMatchObject({ new: 1, duplicate: 2, failed: 0 });
      expect((await store.verifyAudit()).ok).toBe(true);
    });

    /** Stores a document the way an interrupted run leaves it: bytes and claims, SimHash as given. */
    async function putInterrupted(store: Store, path: string, text: string, simhash: string | null): Promise<number> {
      const bytes = Buffer.from(text);
      const { id } = await store.putDocument(
        { sha256: sha256(bytes), bytes, mediaType: "text/plain", name: basename(path), url: null, path, publisher: null, published: null, capturedAt: new Date().toISOString(), collector: "crashed-run", language: "en", title: null, text, textMap: null, headers: null },
        claimsFor(text, basename(path), null, null),
      );
      if (simhash !== null) await store.setSimhash(id, simhash);
      return id;
    }

    it("finishes relating a document a crashed run stored without its SimHash", async () => {
      const { dir, store, config } = await setup();
      const original = join(dir, "saltmarsh-daily.txt");
      const copy = join(dir, "tideway-repost.txt");
      await writeFile(original, LONG_ARTICLE);
      await writeFile(copy, LONG_ARTICLE_SYNDICATED);
      await run([original], store, config);
      // The crash came after the document's transaction, before relateDocument.
      const copyId = await putInterrupted(store, copy, LONG_ARTICLE_SYNDICATED, null);

      const { summary } = await run([copy], store, config);
      expect(summary).toMatchObject({ new: 0, duplicate: 1, related: 1 });
      expect((await store.getDocument(copyId))?.simhash).toMatch(/^[0-9a-f]{16}$/);
      expect((await store.relatedDocuments(copyId)).map((r) => r.kind)).toEqual(["near_duplicate"]);
    });

    // The SimHash is written after the relations, so a crash while relating leaves the document
    // without one and the next run relates it again.
    it("fails a document whose relations cannot be worked out, and stores it with them on the next run", async () => {
      const { dir, store, config } = await setup();
      const original = join(dir, "saltmarsh-daily.txt");
      const copy = join(dir, "tideway-repost.txt");
      await writeFile(original, LONG_ARTICLE);
      await writeFile(copy, LONG_ARTICLE_SYNDICATED);
      await run([original], store, config);
      // The candidate's text cannot be read, so the copy cannot be compared with it.
      const failing = Object.create(store) as typeof store;
      failing.getDocumentTexts = async () => {
        throw new Error("text unreadable");
      };
      const first = await run([copy], failing, config);
      expect(first.events.map((e) => [e.status, e.message ?? ""])).toEqual([["failed", expect.stringMatching(/text unreadable/)]]);
      expect(await store.getDocument(sha256(Buffer.from(LONG_ARTICLE_SYNDICATED)))).toBeNull();

      const second = await run([copy], store, config);
      expect(second.summary).toMatchObject({ new: 1, related: 1, failed: 0 });
      const copyId = (await store.getDocument(sha256(Buffer.from(LONG_ARTICLE_SYNDICATED))))?.id as number;
      expect((await store.relatedDocuments(copyId)).map((r) => r.kind)).toEqual(["near_duplicate"]);
      expect((await store.getDocument(copyId))?.simhash).not.toBeNull();
    });

    it("reports each bad input as one failed event naming the file, and stores the rest of the batch", async () => {
      const { dir, store, config } = await setup();
      const batch = join(dir, "batch");
      await mkdir(batch);
      await writeFile(join(batch, "good-one.txt"), APPEAL);
      await writeFile(join(batch, "good-two.md"), NGO_BULLETIN);
      // A PNG image saved with a .txt extension.
      await writeFile(join(batch, "photo.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
      // Latin-1 text: "é" as the lone byte 0xE9.
      await writeFile(join(batch, "latin1.txt"), Buffer.concat([Buffer.from("At least 5 prisoners were executed in the caf"), Buffer.from([0xe9]), Buffer.from(" district.")]));
      await writeFile(join(batch, "empty.txt"), "");
      // The folder's manifest names a file that is not there.
      await writeFile(join(batch, "manifest.json"), JSON.stringify({ documents: [{ file: "good-one.txt", published: "2024-03-01" }, { file: "ghost.txt", published: "2024-03-02" }] }));

      const broken = join(dir, "broken-manifest");
      await mkdir(broken);
      await writeFile(join(broken, "manifest.json"), '{ "documents": [ { "file": "kept.txt", ');
      await writeFile(join(broken, "kept.txt"), WIRE_REPORT);

      const { summary, events } = await run([batch, broken], store, config);
      const failed = events.filter((e) => e.status === "failed");
      const expectations: Array<[string, RegExp]> = [
        ["photo.txt", /photo\.txt: binary file \(PNG image\)/],
        ["latin1.txt", /latin1\.txt: not valid UTF-8: byte 0xE9 at offset 45/],
        ["empty.txt", /empty\.txt: empty file/],
        ["ghost.txt", /manifest\.json: manifest names missing file ghost\.txt/],
        ["broken-manifest", /broken-manifest[/\\]manifest\.json: not valid JSON/],
      ];
      for (const [file, pattern] of expectations) {
        const mine = failed.filter((e) => (e.message ?? "").includes(file));
        expect(mine, `one failed event for ${file}`).toHaveLength(1);
        expect(mine[0]?.message).toMatch(pattern);
        // One line each.
        expect(mine[0]?.message).not.toMatch(/\n/);
      }
      expect(failed).toHaveLength(expectations.length);
      expect(summary).toMatchObject({ new: 3, failed: 5, duplicate: 0 });
      expect(await store.countDocuments()).toBe(3);
      // The good documents are stored, with the manifest's metadata where it has some.
      expect(await store.getDocument(sha256(Buffer.from(APPEAL)))).toMatchObject({ published: "2024-03-01" });
      expect(await store.getDocument(sha256(Buffer.from(NGO_BULLETIN)))).not.toBeNull();
      expect((await store.getDocument(sha256(Buffer.from(WIRE_REPORT))))?.name).toBe(basename("kept.txt"));
    });

    it("reports a missing input path and goes on", async () => {
      const { dir, store, config } = await setup();
      const good = join(dir, "good.txt");
      await writeFile(good, APPEAL);
      const { summary, events } = await run([join(dir, "nope.txt"), good], store, config);
      expect(summary).toMatchObject({ new: 1, failed: 1 });
      expect(events.find((e) => e.status === "failed")?.message).toMatch(/nope\.txt: no such file or folder/);
    });

    it("refreshes the store's planner statistics after a run that added many claims, and not after a small one", async () => {
      const { dir, store, config } = await setup();
      const corpus = await writeCorpus(dir);
      let refreshed = 0;
      const counting = new Proxy(store, {
        get(target, key, receiver) {
          if (key === "refreshStatistics") return () => (refreshed++, target.refreshStatistics());
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      const first = await ingest([join(corpus, "wire.txt")], counting, { config, statisticsAfterClaims: 1000 });
      expect(first.claims).toBeGreaterThan(0);
      expect(refreshed).toBe(0);
      const second = await ingest([corpus], counting, { config, statisticsAfterClaims: 3 });
      expect(second.claims).toBeGreaterThanOrEqual(3);
      expect(refreshed).toBe(1);
      // Queries answer as before.
      expect(await store.countClaims({})).toBe(first.claims + second.claims);
    });
  });
}
