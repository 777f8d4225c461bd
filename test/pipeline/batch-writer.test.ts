// The batch writer's pipeline: one batch is stored while the next is resolved, and documents are
// still related to copies in the batch before theirs, reported in input order.
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchWriter, type QueuedInput } from "../../src/pipeline/batch-writer.js";
import { extractInline } from "../../src/pipeline/extract-pool.js";
import { simhash64 } from "../../src/core/similarity/index.js";
import { NearDuplicateIndex } from "../../src/pipeline/near-duplicates.js";
import { openStore, type Store } from "../../src/store/index.js";
import { makeDoc } from "../store/fixtures.js";
import { APPEAL, LONG_ARTICLE, LONG_ARTICLE_SYNDICATED, NGO_BULLETIN, WIRE_REPORT } from "./articles.js";

const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const d of disposers.splice(0).reverse()) await d();
});

async function tempStore(): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), "tally-writer-"));
  const store = await openStore({ dataDir: dir });
  disposers.push(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  return store;
}

/** A queued document whose extraction resolves after `delayMs` (slow extractions overlap writes). */
function queued(input: number, name: string, text: string, delayMs = 0): QueuedInput {
  const bytes = new TextEncoder().encode(text);
  const result = extractInline(text, name, "2024-05-01", null);
  return {
    kind: "document",
    input,
    failName: name,
    prepared: {
      doc: { sha256: createHash("sha256").update(bytes).digest("hex"), bytes, mediaType: "text/plain", name, url: null, path: null, publisher: null, published: "2024-05-01", title: null, text, textMap: null, headers: null },
      published: "2024-05-01",
    },
    extraction: new Promise((resolve) => setTimeout(() => resolve(result), delayMs)),
    existing: null,
  };
}

/**
 * Moves the fake clock a millisecond at a time until `work` settles, and returns its result. A
 * bound on the fake time keeps a writer that never finishes from hanging the test.
 */
async function onFakeClock<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  work.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let ms = 0; !settled; ms++) {
    if (ms > 60_000) throw new Error("the writer did not settle within a minute of fake time");
    await vi.advanceTimersByTimeAsync(1);
  }
  return work;
}

describe("BatchWriter", () => {
  it("relates a copy to its original stored one batch earlier, while batches overlap", async () => {
    const store = await tempStore();
    const events: Array<[number, string, string]> = [];
    let related = 0;
    const writer = new BatchWriter(
      store,
      new NearDuplicateIndex(),
      "writer-test",
      {
        stored: (name, status, _claims, input) => events.push([input, name, status]),
        failed: (name, error, input) => events.push([input, name, `failed: ${String(error)}`]),
        related: (n) => {
          related += n;
        },
      },
      // One document per batch: the original and its copy are in consecutive batches.
      { documents: 1, bytes: 1 << 20, delayMs: 10_000 },
    );
    const inputs = [
      queued(0, "original.txt", LONG_ARTICLE, 30),
      queued(1, "copy.txt", LONG_ARTICLE_SYNDICATED, 0),
      queued(2, "wire.txt", WIRE_REPORT, 20),
      queued(3, "bulletin.txt", NGO_BULLETIN, 0),
      queued(4, "appeal.txt", APPEAL, 5),
      queued(5, "copy-again.txt", LONG_ARTICLE_SYNDICATED, 0),
    ];
    for (const input of inputs) await writer.add(input);
    await writer.finish();

    expect(events).toEqual([
      [0, "original.txt", "new"],
      [1, "copy.txt", "new"],
      [2, "wire.txt", "new"],
      [3, "bulletin.txt", "new"],
      [4, "appeal.txt", "new"],
      [5, "copy-again.txt", "duplicate"],
    ]);
    expect(await store.countDocuments()).toBe(5);
    const byName = new Map((await store.listDocuments({ limit: 10, offset: 0 })).map((d) => [d.name, d.id]));
    const copyId = byName.get("copy.txt") ?? -1;
    expect((await store.relatedDocuments(copyId)).map((r) => [r.document.name, r.kind])).toEqual([["original.txt", "near_duplicate"]]);
    expect(related).toBe(1);
    // Every document has its SimHash: all were related (or had nothing to relate to).
    expect((await store.listSimhashes()).length).toBe(5);
    // Each was stored with its SimHash and relations in one transaction: no later update of either.
    const actions = (await store.listAuditEvents({ afterSeq: 0 })).map((e) => e.action);
    expect(actions.filter((a) => a === "document.simhash")).toEqual([]);
    expect(actions.indexOf("relation.add")).toBe(actions.lastIndexOf("document.create", actions.indexOf("relation.add")) + 2);
  });

  /**
   * A document stored by someone else enters the index after the copy was resolved and before its
   * batch is written (as the batch before it is being stored): the copy is compared with it just
   * before the write, reading its text from the store.
   */
  async function copyAfterLateOriginal(textReadable: boolean) {
    const store = await tempStore();
    // The copy's batch is resolved while the wire's batch is being stored: the index tells when
    // the copy was compared with it (the first comparison once the wire's write is under way), and
    // only then does the original enter it. No timer: the order is the writer's own.
    let wireWriting = false;
    let copyCompared = (): void => undefined;
    const copyWasCompared = new Promise<void>((resolve) => (copyCompared = resolve));
    class WatchedIndex extends NearDuplicateIndex {
      override candidates(hash: bigint, exclude: number): number[] {
        const found = super.candidates(hash, exclude);
        if (wireWriting) copyCompared();
        return found;
      }
    }
    const index = new WatchedIndex();
    const original = await store.putDocument(makeDoc(LONG_ARTICLE, { name: "original.txt", simhash: null }), []);
    const wrapped = Object.create(store) as Store;
    wrapped.putDocuments = async (batch, opts) => {
      const results = await store.putDocuments(batch, opts);
      if (batch.some((w) => w.doc.name === "wire.txt")) {
        wireWriting = true;
        await copyWasCompared;
        index.add(original.id, simhash64(LONG_ARTICLE));
      }
      return results;
    };
    if (!textReadable) {
      wrapped.getDocumentTexts = async () => {
        throw new Error("text unreadable");
      };
    }
    const events: Array<[string, string]> = [];
    let related = 0;
    const writer = new BatchWriter(
      wrapped,
      index,
      "writer-test",
      {
        stored: (name, status) => events.push([name, status]),
        failed: (name, error) => events.push([name, `failed: ${String(error)}`]),
        related: (n) => {
          related += n;
        },
      },
      { documents: 1, bytes: 1 << 20, delayMs: 10_000 },
    );
    await writer.add(queued(0, "wire.txt", WIRE_REPORT));
    await writer.add(queued(1, "copy.txt", LONG_ARTICLE_SYNDICATED));
    await writer.finish();
    const copy = (await store.listDocuments({ limit: 10, offset: 0 })).find((d) => d.name === "copy.txt");
    return { store, events, related, original, copy };
  }

  it("compares a document, just before its batch is written, with documents stored after it was resolved", async () => {
    const { store, events, related, original, copy } = await copyAfterLateOriginal(true);
    expect(events).toEqual([
      ["wire.txt", "new"],
      ["copy.txt", "new"],
    ]);
    expect(related).toBe(1);
    expect((await store.relatedDocuments(original.id)).map((r) => [r.document.name, r.kind])).toEqual([["copy.txt", "near_duplicate"]]);
    expect(copy?.simhash).not.toBeNull();
  });

  it("fails a document whose comparison just before the write cannot be made, and stores nothing of it", async () => {
    const { store, events, related, copy } = await copyAfterLateOriginal(false);
    expect(events).toEqual([
      ["wire.txt", "new"],
      ["copy.txt", "failed: Error: text unreadable"],
    ]);
    expect(related).toBe(0);
    expect(copy).toBeUndefined();
    expect(await store.countDocuments()).toBe(2);
  });

  it("keeps the timer from flushing batches while one is being stored, so a slow store holds back the reading", async () => {
    const store = await tempStore();
    // Time is the test's: the writer's timer, the store's delay and the reader's pace run on a
    // fake clock that only moves when the test moves it, so the order of events never depends on
    // how busy the machine is.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const batches: number[] = [];
      // A store that takes 40 ms a batch, far longer than the writer's 2 ms timer.
      const slow = new Proxy(store, {
        get(target, prop, receiver) {
          if (prop === "putDocuments") {
            return async (...args: Parameters<Store["putDocuments"]>) => {
              batches.push(args[0].length);
              await new Promise((r) => setTimeout(r, 40));
              return target.putDocuments(...args);
            };
          }
          const value: unknown = Reflect.get(target, prop, receiver);
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      let added = 0;
      let reported = 0;
      let mostWaiting = 0;
      const writer = new BatchWriter(
        slow,
        new NearDuplicateIndex(),
        "writer-test",
        {
          stored: () => void reported++,
          failed: (name, error) => {
            throw new Error(`${name} failed: ${String(error)}`);
          },
          related: () => undefined,
        },
        { documents: 4, bytes: 1 << 20, delayMs: 2 },
      );
      const texts = [WIRE_REPORT, NGO_BULLETIN, APPEAL];
      const inputs = Array.from({ length: 36 }, (_, i) => queued(i, `doc-${i}.txt`, `Item ${i}.\n\n${texts[i % texts.length] ?? ""}`));
      for (const input of inputs) {
        await onFakeClock(writer.add(input));
        added++;
        mostWaiting = Math.max(mostWaiting, added - reported);
        // Reading is slower than the timer and faster than the store: without a limit every tick
        // would hand the pipeline a batch of its own.
        await vi.advanceTimersByTimeAsync(3);
      }
      await onFakeClock(writer.finish());
      expect(reported).toBe(36);
      expect(await store.countDocuments()).toBe(36);
      // At most two batches held (one being stored, one being read and extracted), and no batch over the limit.
      expect(mostWaiting, String(batches)).toBeLessThanOrEqual(2 * 4);
      expect(Math.max(...batches), String(batches)).toBeLessThanOrEqual(4);
      // Filled while the one before was stored, not cut by the timer (the first waited on an idle pipeline).
      expect(batches.slice(1, -1), String(batches)).toEqual(batches.slice(1, -1).map(() => 4));
      expect(batches.length, String(batches)).toBeGreaterThanOrEqual(9);
    } finally {
      vi.useRealTimers();
    }
  });
});
