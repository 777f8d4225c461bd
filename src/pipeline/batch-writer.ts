// The writing end of the ingest pipeline: documents whose extraction is under way wait in input
// order and are stored in batches (one transaction for many documents, each with its claims, its
// SimHash and its relations to near-duplicates), then reported, still in input order. A document
// that cannot be stored fails alone (the store retries a failed batch document by document).
import { simhash64, simhashHex, TextShingles } from "../core/similarity/index.js";
import { EXTRACTOR_VERSION } from "../core/extract/index.js";
import type { NewRelation, Store } from "../store/index.js";
import { extractClaims, extractInline, type ExtractResult } from "./extract-pool.js";
import { VICTIM_LIST_MEDIA_TYPE } from "./victim-mentions.js";
import { LazyShingles, NearDuplicateIndex, relateDocument, relationOf, relationsAmong, type FoundRelation } from "./near-duplicates.js";
import { batchLimits, sizeOf, type BatchLimits, type BatchWriterEvents, type QueuedDocument, type QueuedInput, type Resolved, type ResolvedBatch, type ToWrite, type WriteSection } from "./batch-types.js";

export { batchLimits } from "./batch-types.js";
export type { BatchLimits, BatchWriterEvents, NoRules, PreparedDocument, QueuedInput, WriteSection } from "./batch-types.js";

/**
 * Queues inputs and writes them in batches, in a pipeline: while one batch is stored (a
 * transaction, which on PostgreSQL runs in the server), the next one is resolved (its extractions
 * awaited, its near-duplicate candidates looked up) and the worker threads extract the one after.
 * `finish` writes whatever is left.
 */
export class BatchWriter {
  private readonly queue: QueuedInput[] = [];
  private queuedBytes = 0;
  /** The last batch resolved, and the last one stored: each stage runs one batch at a time, in order. */
  private resolving: Promise<unknown> = Promise.resolve();
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** Batches taken off the queue and not yet stored. */
  private inFlight = 0;
  /** SHA-256 → documents queued with their extraction under way. */
  private readonly extracting = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly index: NearDuplicateIndex,
    private readonly collector: string,
    private readonly events: BatchWriterEvents,
    private readonly limits: BatchLimits = batchLimits(store),
    private readonly section: WriteSection = (write) => write(),
  ) {}

  /** Whether a document with these bytes is queued with its extraction under way. */
  isExtracting(sha256: string): boolean {
    return this.extracting.has(sha256);
  }

  /**
   * Queues an input; when a whole batch waits, hands it to the pipeline and waits until it is
   * resolved and the batch before it is stored. So the caller (the reader) stops while two batches
   * are held: the one being stored and the one being extracted. Waiting for a second batch to
   * queue up behind them (as before) kept up to four batches in memory (at 20,000 documents on
   * SQLite, 8,000 documents and a main-thread heap of up to 580 MB) and made no run faster: the
   * extraction thread is as busy either way, since the next batch's texts go to it as they are read.
   */
  async add(input: QueuedInput): Promise<void> {
    this.queue.push(input);
    this.queuedBytes += sizeOf(input);
    if (input.kind === "document" && input.extraction) {
      const sha = input.prepared.doc.sha256;
      this.extracting.set(sha, (this.extracting.get(sha) ?? 0) + 1);
    }
    if (this.queue.length >= this.limits.documents || this.queuedBytes >= this.limits.bytes) await this.flush(false);
    this.arm();
  }

  /** Writes everything queued and waits for all writes. */
  async finish(): Promise<void> {
    this.disarm();
    while (this.queue.length > 0) await this.flush(false);
    await this.writing;
  }

  /**
   * Takes the next batch (or everything) off the queue: it is resolved after the batch before it
   * was resolved, and stored after that one was stored. Returns once it is resolved and the batch
   * before it is stored, so at most two batches are in the pipeline.
   */
  private flush(all: boolean): Promise<void> {
    const batch: QueuedInput[] = [];
    let bytes = 0;
    while (this.queue.length > 0 && (all || (batch.length < this.limits.documents && (batch.length === 0 || bytes < this.limits.bytes)))) {
      const next = this.queue.shift() as QueuedInput;
      bytes += sizeOf(next);
      batch.push(next);
    }
    this.queuedBytes -= bytes;
    if (this.queue.length === 0) this.disarm();
    this.inFlight++;
    const previous = this.writing;
    const resolved = this.resolving.then(() => this.resolveBatch(batch));
    this.resolving = resolved;
    const ready = Promise.all([resolved, previous]);
    const write = ready.then(([r]) => this.write(batch, r));
    this.writing = write;
    return ready.then(() => undefined);
  }

  /**
   * Writes whatever waits once the oldest input has waited `delayMs` and nothing is being stored
   * (slow inputs such as URLs). While a batch is in the pipeline the queue fills on: flushing it on
   * the timer then would hand the pipeline batches that nothing waits for, without limit, whenever
   * storing is slower than reading (at 100,000 documents into PostgreSQL, 40 MB more memory every
   * 1,000 documents, in batches of a few hundred).
   */
  private arm(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.inFlight === 0) void this.flush(false);
      this.arm();
    }, this.limits.delayMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for a batch's extractions and decides how each input is stored; never rejects. */
  private async resolveBatch(batch: QueuedInput[]): Promise<ResolvedBatch> {
    const resolved: Resolved[] = [];
    // SimHashes of the batch's documents (by position) that join the index only after the batch is stored.
    const pending = new NearDuplicateIndex();
    try {
      for (const input of batch) {
        const r = await this.resolve(input, resolved);
        if (r.kind === "write") pending.add(resolved.length, r.hash);
        else if (r.kind === "existing" && r.doc.simhash === null) pending.add(resolved.length, simhash64(r.doc.text));
        resolved.push(r);
      }
      return { resolved, pending };
    } catch (error) {
      return { error, pending };
    }
  }

  /** Stores one resolved batch, relates its documents and reports each of its inputs, in order; never rejects. */
  private async write(batch: QueuedInput[], ready: ResolvedBatch): Promise<void> {
    try {
      await this.storeResolved(batch, ready);
    } finally {
      this.settle(batch);
      this.inFlight--;
    }
  }

  private async storeResolved(batch: QueuedInput[], ready: ResolvedBatch): Promise<void> {
    if ("error" in ready) {
      for (const input of batch) this.events.failed(input.kind === "document" ? input.failName : input.name, ready.error, input.input);
      return;
    }
    const { resolved, pending } = ready;
    try {
      await this.putWrites(resolved, pending);
    } catch (error) {
      // Not expected (the store reports failures per document): fail what was not reported.
      for (const input of batch) this.events.failed(input.kind === "document" ? input.failName : input.name, error, input.input);
      return;
    }
    for (const r of resolved) {
      try {
        await this.finishOne(r);
      } catch (error) {
        this.events.failed(r.kind === "failed" ? r.name : r.kind === "existing" ? r.failName : r.item.failName, error, r.kind === "failed" || r.kind === "existing" ? r.input : r.item.input);
      }
    }
  }

  private settle(batch: QueuedInput[]): void {
    for (const input of batch) {
      if (input.kind !== "document" || !input.extraction) continue;
      const sha = input.prepared.doc.sha256;
      const left = (this.extracting.get(sha) ?? 1) - 1;
      if (left > 0) this.extracting.set(sha, left);
      else this.extracting.delete(sha);
    }
  }

  /** Waits for an input's extraction and decides how it is stored. */
  private async resolve(input: QueuedInput, earlier: readonly Resolved[]): Promise<Resolved> {
    if (input.kind === "failed") return input;
    const { prepared, failName } = input;
    const { doc } = prepared;
    const metadata = prepared.metadata ? { metadata: prepared.metadata } : {};
    if (input.existing) return { kind: "existing", input: input.input, name: doc.name, failName, doc: input.existing, ...metadata };
    try {
      let extracted: ExtractResult;
      if (input.extraction) extracted = await input.extraction;
      else {
        // Queued while the same bytes were being extracted: a duplicate, unless that one failed.
        const target = earlier.find((r): r is ToWrite => r.kind === "write" && r.doc.sha256 === doc.sha256);
        if (target) return { kind: "sameAs", item: input, target };
        const stored = await this.store.getDocument(doc.sha256);
        if (stored) return { kind: "existing", input: input.input, name: doc.name, failName, doc: stored, ...metadata };
        extracted = extractInline(doc.text, doc.name, prepared.published, doc.publisher);
      }
      const hash = extracted.simhash;
      // Compared now with the documents stored so far; those stored later (the batch before this
      // one, say) and this batch's own are compared when it is written.
      const shingles = new LazyShingles(doc.text);
      const compared = this.index.candidates(hash, -1);
      const found = (await relationsAmong(this.store, this.index, shingles, compared)).map(toStored);
      return {
        kind: "write",
        item: input,
        doc: {
          ...doc,
          capturedAt: "",
          collector: this.collector,
          language: extracted.language,
          simhash: simhashHex(hash),
          ...(extracted.searchVector ? { searchVector: extracted.searchVector } : {}),
        },
        claims: extracted.claims,
        mentions: extracted.mentions,
        ...(extracted.unsupported ? { noRules: { language: extracted.language, message: extracted.unsupported } } : {}),
        hash,
        shingles,
        compared: new Set(compared),
        found,
      };
    } catch (error) {
      return { kind: "failed", input: input.input, name: failName, error };
    }
  }

  /**
   * Stores the batch's new documents, each with its SimHash and its relations (to stored documents
   * and to those before it in the batch) in the same transaction, then indexes them in input order.
   */
  private async putWrites(resolved: readonly Resolved[], pending: NearDuplicateIndex): Promise<void> {
    // The last comparisons and the write go together: several writers (queue workers) run this
    // section one at a time, each with the documents of the others in its index beforehand, so
    // that every document is compared with every one stored before it, whoever stored it.
    await this.section(() => this.compareAndPut(resolved, pending));
  }

  private async compareAndPut(resolved: readonly Resolved[], pending: NearDuplicateIndex): Promise<void> {
    const ready: Array<{ w: ToWrite; relations: NewRelation[] }> = [];
    for (const [position, r] of resolved.entries()) {
      if (r.kind !== "write") continue;
      try {
        ready.push({ w: r, relations: await this.relationsOf(r, position, resolved, pending) });
      } catch (error) {
        // Not stored (a run later stores it with its relations), like a document whose relations failed when it was resolved.
        r.result = { error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    if (ready.length === 0) return;
    const capturedAt = new Date().toISOString();
    const results = await this.store.putDocuments(ready.map(({ w, relations }) => ({ doc: { ...w.doc, capturedAt }, claims: w.claims, mentions: w.mentions, relations })));
    for (const [i, { w, relations }] of ready.entries()) {
      const result = results[i] ?? { error: new Error("no result from the store") };
      w.result = result;
      if (result.error || !result.created) continue;
      this.index.addStored(result.id, w.hash, w.doc.text);
      w.related = relations.length;
    }
  }

  /**
   * A document's relations when its batch is written: those found when it was resolved, those to
   * documents stored since (compared now), and those to the documents before it in its batch.
   */
  private async relationsOf(w: ToWrite, position: number, resolved: readonly Resolved[], pending: NearDuplicateIndex): Promise<NewRelation[]> {
    // The candidates are those nearest among every document stored before it, as if it had been
    // compared only now: documents stored since it was resolved may displace earlier candidates,
    // so that its relations do not depend on the timing of the batches.
    const final = this.index.candidates(w.hash, -1);
    const chosen = new Set(final);
    const later = final.filter((id) => !w.compared.has(id));
    const earlier = w.found.filter((r) => "id" in r.other && chosen.has(r.other.id));
    const relations = [...earlier, ...(await relationsAmong(this.store, this.index, w.shingles, later)).map(toStored)];
    for (const p of pending.candidates(w.hash, position)) {
      const r = resolved[p];
      if (p > position || !r) continue;
      if (r.kind === "write") {
        const rel = relationOf(w.shingles.get(), r.shingles.get());
        if (rel) relations.push({ other: { sha256: r.doc.sha256 }, ...rel });
      } else if (r.kind === "existing") {
        const rel = relationOf(w.shingles.get(), new TextShingles(r.doc.text));
        if (rel) relations.push({ other: { id: r.doc.id }, ...rel });
      }
    }
    return relations;
  }

  /**
   * An input whose bytes were stored from another input of this run (or by another process while
   * it was extracted): its manifest entry corrects that copy, as it would in a later run, so the
   * later entry wins however the inputs fall into batches. False when it has no entry.
   */
  private async correctCopy(item: QueuedDocument): Promise<boolean> {
    const { prepared } = item;
    if (!prepared.metadata) return false;
    const stored = await this.store.getDocument(prepared.doc.sha256);
    if (!stored) return false;
    await this.finishOne({ kind: "existing", input: item.input, name: prepared.doc.name, failName: item.failName, doc: stored, metadata: prepared.metadata });
    return true;
  }

  /** Relates (when left from a crashed run), indexes and reports one input after its batch was stored. */
  private async finishOne(r: Resolved): Promise<void> {
    switch (r.kind) {
      case "failed":
        this.events.failed(r.name, r.error, r.input);
        return;
      case "existing":
        // A crash between storing and relating leaves no SimHash: finish the job now.
        if (r.doc.simhash === null) this.events.related(await relateDocument(this.store, this.index, r.doc.id, r.doc.text));
        if (r.metadata) {
          // The same bytes with a corrected manifest entry: the metadata is corrected, and the
          // claims re-extracted against it when the date or publisher changed (decisions kept).
          const { doc } = r;
          const corrected = await this.store.correctDocumentMetadata(
            doc.id,
            r.metadata,
            // The victim mentions are read again too: a mention's date and link to a claim follow the claims.
            (now) => {
              if (now.published === doc.published && now.publisher === doc.publisher) return null;
              const fresh = extractClaims(doc.text, doc.name, now.published, now.publisher, doc.language ?? undefined);
              return { claims: fresh.claims, mentions: doc.mediaType === VICTIM_LIST_MEDIA_TYPE ? [] : fresh.mentions };
            },
            EXTRACTOR_VERSION,
          );
          if (corrected) {
            const claims = (await this.store.getDocument(doc.id))?.claimCount ?? doc.claimCount;
            this.events.stored(r.name, "duplicate", claims, r.input, undefined, true);
            return;
          }
        }
        this.events.stored(r.name, "duplicate", r.doc.claimCount, r.input);
        return;
      case "sameAs": {
        const target = r.target.result;
        if (target && !target.error) {
          // Its own manifest entry corrects the copy just stored, as it would in a later batch or
          // run: the later entry wins however the inputs fall into batches.
          if (await this.correctCopy(r.item)) return;
          this.events.stored(r.item.prepared.doc.name, "duplicate", r.target.claims.length, r.item.input);
          return;
        }
        // The first copy could not be stored: this one is tried on its own.
        const alone = await this.resolve({ ...r.item, extraction: Promise.resolve().then(() => extractOf(r.item)) }, []);
        if (alone.kind === "write") await this.putWrites([alone], new NearDuplicateIndex());
        await this.finishOne(alone);
        return;
      }
      case "write": {
        const { result, doc, item, related } = r;
        if (!result || result.error) {
          this.events.failed(item.failName, result?.error ?? new Error("not stored"), item.input);
          return;
        }
        if (!result.created) {
          // Stored meanwhile by another batch or process: its entry corrects that copy.
          if (await this.correctCopy(item)) return;
          this.events.stored(doc.name, "duplicate", r.claims.length, item.input);
          return;
        }
        if (related) this.events.related(related);
        this.events.stored(doc.name, "new", r.claims.length, item.input, r.noRules);
        return;
      }
    }
  }
}

/** A relation found to a stored document, as the store takes it. */
function toStored({ other, kind, similarity }: FoundRelation): NewRelation {
  return { other: { id: other }, kind, similarity };
}

function extractOf(item: QueuedDocument): ExtractResult {
  const { doc, published } = item.prepared;
  return extractInline(doc.text, doc.name, published, doc.publisher);
}
