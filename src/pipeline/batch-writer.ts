// The writing end of the ingest pipeline: documents whose extraction is under way wait in input
// order and are stored in batches (one transaction for many documents with their claims), then
// related to near-duplicates and reported, still in input order. A document that cannot be
// stored fails alone (the store retries a failed batch document by document).
import { simhash64, simhashHex } from "../core/similarity/index.js";
import type { DocumentWriteResult, NewClaim, NewDocument, Store, StoredDocument } from "../store/index.js";
import { extractInline, type ExtractResult } from "./extract-pool.js";
import { findRelations, NearDuplicateIndex, relateDocument } from "./near-duplicates.js";

/** A document ready to store: what to keep and the publication date to extract with. */
export interface PreparedDocument {
  doc: Omit<NewDocument, "capturedAt" | "collector" | "language">;
  published: string | null;
}

/** An input waiting for its turn: a document (extraction under way, or already stored), or a failure to report. */
export type QueuedInput =
  | { kind: "document"; failName: string; prepared: PreparedDocument; extraction: Promise<ExtractResult> | null; existing: StoredDocument | null }
  | { kind: "failed"; name: string; error: unknown };

/** When a batch is written: this many documents, this many bytes, or the oldest waited this long. */
export interface BatchLimits {
  documents: number;
  bytes: number;
  delayMs: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { documents: 50, bytes: 2 * 1024 * 1024, delayMs: 1000 };

/** What the writer tells the pipeline. */
export interface BatchWriterEvents {
  stored(name: string, status: "new" | "duplicate", claims: number): void;
  failed(name: string, error: unknown): void;
  related(count: number): void;
}

/** One input of a batch, once its extraction is known. */
type Resolved =
  | { kind: "failed"; name: string; error: unknown }
  | { kind: "existing"; name: string; failName: string; doc: StoredDocument }
  | { kind: "sameAs"; item: QueuedDocument; target: ToWrite }
  | ToWrite;

interface ToWrite {
  kind: "write";
  item: QueuedDocument;
  doc: NewDocument;
  claims: NewClaim[];
  hash: bigint;
  result?: DocumentWriteResult;
}

type QueuedDocument = Extract<QueuedInput, { kind: "document" }>;

const sizeOf = (q: QueuedInput): number => (q.kind === "document" ? q.prepared.doc.bytes.byteLength + q.prepared.doc.text.length : 0);

/**
 * Queues inputs and writes them in batches. Up to two batches wait, so extraction of the next
 * batch runs while one is written; `finish` writes whatever is left.
 */
export class BatchWriter {
  private readonly queue: QueuedInput[] = [];
  private queuedBytes = 0;
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  /** SHA-256 → documents queued with their extraction under way. */
  private readonly extracting = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly index: NearDuplicateIndex,
    private readonly collector: string,
    private readonly events: BatchWriterEvents,
    private readonly limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  ) {}

  /** Whether a document with these bytes is queued with its extraction under way. */
  isExtracting(sha256: string): boolean {
    return this.extracting.has(sha256);
  }

  /** Queues an input; when two batches wait, writes the older one first. */
  async add(input: QueuedInput): Promise<void> {
    this.queue.push(input);
    this.queuedBytes += sizeOf(input);
    if (input.kind === "document" && input.extraction) {
      const sha = input.prepared.doc.sha256;
      this.extracting.set(sha, (this.extracting.get(sha) ?? 0) + 1);
    }
    if (this.queue.length >= 2 * this.limits.documents || this.queuedBytes >= 2 * this.limits.bytes) await this.flush(false);
    this.arm();
  }

  /** Writes everything queued and waits for all writes. */
  async finish(): Promise<void> {
    this.disarm();
    while (this.queue.length > 0) await this.flush(false);
    await this.writing;
  }

  /** Takes the next batch (or everything) off the queue and writes it after the writes before it. */
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
    const write = this.writing.then(() => this.write(batch));
    this.writing = write;
    return write;
  }

  /** Writes whatever waits once the oldest input has waited `delayMs` (slow inputs such as URLs). */
  private arm(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush(true);
    }, this.limits.delayMs);
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stores one batch and reports each of its inputs, in order; never rejects. */
  private async write(batch: QueuedInput[]): Promise<void> {
    const resolved: Resolved[] = [];
    // SimHashes of the batch's documents that join the index only after the batch is stored.
    const pending = new NearDuplicateIndex();
    try {
      for (const input of batch) {
        const r = await this.resolve(input, resolved, pending);
        if (r.kind === "write") pending.add(resolved.length, r.hash);
        else if (r.kind === "existing" && r.doc.simhash === null) pending.add(resolved.length, simhash64(r.doc.text));
        resolved.push(r);
      }
      const writes = resolved.filter((r): r is ToWrite => r.kind === "write");
      if (writes.length > 0) {
        const capturedAt = new Date().toISOString();
        const results = await this.store.putDocuments(writes.map((w) => ({ doc: { ...w.doc, capturedAt }, claims: w.claims })));
        for (const [i, w] of writes.entries()) w.result = results[i] ?? { error: new Error("no result from the store") };
      }
    } catch (error) {
      // Not expected (the store reports failures per document): fail what was not reported.
      for (const input of batch) this.events.failed(input.kind === "document" ? input.failName : input.name, error);
      this.settle(batch);
      return;
    }
    for (const r of resolved) {
      try {
        await this.finishOne(r);
      } catch (error) {
        this.events.failed(r.kind === "failed" ? r.name : r.kind === "existing" ? r.failName : r.item.failName, error);
      }
    }
    this.settle(batch);
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
  private async resolve(input: QueuedInput, earlier: readonly Resolved[], pending: NearDuplicateIndex): Promise<Resolved> {
    if (input.kind === "failed") return input;
    const { prepared, failName } = input;
    const { doc } = prepared;
    if (input.existing) return { kind: "existing", name: doc.name, failName, doc: input.existing };
    try {
      let extracted: ExtractResult;
      if (input.extraction) extracted = await input.extraction;
      else {
        // Queued while the same bytes were being extracted: a duplicate, unless that one failed.
        const target = earlier.find((r): r is ToWrite => r.kind === "write" && r.doc.sha256 === doc.sha256);
        if (target) return { kind: "sameAs", item: input, target };
        const stored = await this.store.getDocument(doc.sha256);
        if (stored) return { kind: "existing", name: doc.name, failName, doc: stored };
        extracted = extractInline(doc.text, doc.name, prepared.published, doc.publisher);
      }
      const hash = simhash64(doc.text);
      // Related to no stored document and no candidate in the batch: stored with its SimHash,
      // which marks it related. Otherwise it is related once the batch is stored (relateDocument
      // writes the SimHash last, so a crash before that leaves it to be related by the next run).
      const alone = !pending.hasCandidates(hash) && (await findRelations(this.store, this.index, doc.text, hash, -1)).length === 0;
      return {
        kind: "write",
        item: input,
        doc: { ...doc, capturedAt: "", collector: this.collector, language: extracted.language, simhash: alone ? simhashHex(hash) : null },
        claims: extracted.claims,
        hash,
      };
    } catch (error) {
      return { kind: "failed", name: failName, error };
    }
  }

  /** Relates, indexes and reports one input after its batch was stored. */
  private async finishOne(r: Resolved): Promise<void> {
    switch (r.kind) {
      case "failed":
        this.events.failed(r.name, r.error);
        return;
      case "existing":
        // A crash between storing and relating leaves no SimHash: finish the job now.
        if (r.doc.simhash === null) this.events.related(await relateDocument(this.store, this.index, r.doc.id, r.doc.text));
        this.events.stored(r.name, "duplicate", r.doc.claimCount);
        return;
      case "sameAs": {
        const target = r.target.result;
        if (target && !target.error) {
          this.events.stored(r.item.prepared.doc.name, "duplicate", r.target.claims.length);
          return;
        }
        // The first copy could not be stored: this one is tried on its own.
        const alone = await this.resolve({ ...r.item, extraction: Promise.resolve().then(() => extractOf(r.item)) }, [], new NearDuplicateIndex());
        if (alone.kind === "write") {
          const [result] = await this.store.putDocuments([{ doc: { ...alone.doc, capturedAt: new Date().toISOString() }, claims: alone.claims }]);
          alone.result = result ?? { error: new Error("no result from the store") };
        }
        await this.finishOne(alone);
        return;
      }
      case "write": {
        const { result, doc, item } = r;
        if (!result || result.error) {
          this.events.failed(item.failName, result?.error ?? new Error("not stored"));
          return;
        }
        if (!result.created) {
          this.events.stored(doc.name, "duplicate", r.claims.length);
          return;
        }
        if (doc.simhash) this.index.add(result.id, r.hash);
        else this.events.related(await relateDocument(this.store, this.index, result.id, doc.text));
        this.events.stored(doc.name, "new", r.claims.length);
        return;
      }
    }
  }
}

function extractOf(item: QueuedDocument): ExtractResult {
  const { doc, published } = item.prepared;
  return extractInline(doc.text, doc.name, published, doc.publisher);
}
