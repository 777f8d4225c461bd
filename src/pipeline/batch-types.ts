// What the batch writer takes and works with: documents ready to store, queued inputs, batch
// limits, the events it reports, and the shapes of a batch on its way to the store.
import type { DocumentMention, DocumentMetadataPatch, DocumentWriteResult, NewClaim, NewDocument, NewRelation, Store, StoredDocument } from "../store/index.js";
import type { ExtractResult } from "./extract-pool.js";
import type { LazyShingles, NearDuplicateIndex } from "./near-duplicates.js";

/** A document ready to store: what to keep and the publication date to extract with. */
export interface PreparedDocument {
  doc: Omit<NewDocument, "capturedAt" | "collector" | "language">;
  published: string | null;
  /** What a manifest says of the document: a stored copy whose metadata differs is corrected. */
  metadata?: DocumentMetadataPatch;
}

/**
 * An input waiting for its turn: a document (extraction under way, or already stored), or a
 * failure to report. `input` is the caller's number of the input it came from (a file, a URL, a
 * feed's item), handed back with its event.
 */
export type QueuedInput =
  | { kind: "document"; input: number; failName: string; prepared: PreparedDocument; extraction: Promise<ExtractResult> | null; existing: StoredDocument | null }
  | { kind: "failed"; input: number; name: string; error: unknown };

/** When a batch is written: this many documents, this many bytes, or the oldest waited this long. */
export interface BatchLimits {
  documents: number;
  bytes: number;
  delayMs: number;
}

/**
 * Documents a transaction (or 32 MB): in a large store each claim's index entries land on pages
 * all over the indexes. SQLite writes each page a transaction changed to its log once, so fewer,
 * larger transactions write far less: 2,000 documents (100,000 documents, back to back: 296
 * documents/s with 1,000, 308 with 2,000, 332 with 2,000 and a 256 MB page cache; the second
 * 50,000 at about 250 and 320; at 20,000 stored documents 300 documents/s with 500, 210 with 50).
 * PostgreSQL logs rows rather than pages and is faster with 1,000 (30,000 documents: 440–447
 * documents/s against 389 with 2,000). SQLite takes 1,000 as well since issue 26's memory work:
 * two batches are held between reading and storing, and at 2,000 they made most of the main
 * heap (12,000 documents: peak RSS 819 → 754 MB, main heap 328 → 297 MB, CPU a document the
 * same). `documents` overrides the store's number.
 */
export function batchLimits(store: Pick<Store, "traits">, documents: number | null = null): BatchLimits {
  return { documents: documents ?? store.traits.writeBatchDocuments, bytes: 32 * 1024 * 1024, delayMs: 1000 };
}

/** What the writer tells the pipeline; `input` is the queued input's number. */
export interface BatchWriterEvents {
  /**
   * `noRules`: the extractor's note when the new document's language has no extraction rules;
   * `corrected`: a stored copy whose metadata the input's manifest entry corrected.
   */
  stored(name: string, status: "new" | "duplicate", claims: number, input: number, noRules?: NoRules, corrected?: boolean): void;
  failed(name: string, error: unknown, input: number): void;
  related(count: number): void;
}

/** A new document's language and the extractor's note that it has no rules for it. */
export interface NoRules {
  language: string | null;
  message: string;
}

/** One input of a batch, once its extraction is known. */
export type Resolved =
  | { kind: "failed"; input: number; name: string; error: unknown }
  | { kind: "existing"; input: number; name: string; failName: string; doc: StoredDocument; metadata?: DocumentMetadataPatch }
  | { kind: "sameAs"; item: QueuedDocument; target: ToWrite }
  | ToWrite;

export interface ToWrite {
  kind: "write";
  item: QueuedDocument;
  doc: NewDocument;
  claims: NewClaim[];
  /** The victims the text names, stored with it. */
  mentions: DocumentMention[];
  /** Set when the document's language has no extraction rules. */
  noRules?: NoRules;
  hash: bigint;
  shingles: LazyShingles;
  /** Stored documents compared with it when it was resolved, and its relations to them. */
  compared: ReadonlySet<number>;
  found: NewRelation[];
  result?: DocumentWriteResult;
  /** How many relations were stored with it. */
  related?: number;
}

export type QueuedDocument = Extract<QueuedInput, { kind: "document" }>;

/** The bytes an input holds while it waits: its original and its working text. */
export const sizeOf = (q: QueuedInput): number => (q.kind === "document" ? q.prepared.doc.bytes.byteLength + q.prepared.doc.text.length : 0);

/** A batch whose extractions are in and whose documents are ready to store (or what went wrong). */
export type ResolvedBatch = { resolved: Resolved[]; pending: NearDuplicateIndex } | { error: unknown; pending: NearDuplicateIndex };

/**
 * Runs a batch's write: its last near-duplicate comparisons and its transaction. A caller with
 * other writers at work on the same store (queue workers) runs one at a time and brings the index
 * up to date first; by default the write simply runs.
 */
export type WriteSection = (write: () => Promise<void>) => Promise<void>;
