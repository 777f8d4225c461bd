// The ingest pipeline: read files, folders, URLs and feeds; extract; store documents with their
// claims in batched transactions (never a document without its claims); relate near-duplicates. Every step is keyed by the SHA-256 of
// the original bytes, so a re-run (after a crash, say) stores nothing twice.
import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import { collectInputs, type InputFile } from "../ingest/collect.js";
import { decodeText } from "../ingest/decode.js";
import { InputError } from "../ingest/errors.js";
import { fetchUrl, type FetchedResource } from "../ingest/fetch-url.js";
import { readDocumentFile } from "../ingest/read-file.js";
import type { ManifestEntry } from "../ingest/manifest.js";
import type { DocumentMetadataPatch, Store, StoredDocument } from "../store/index.js";
import { BatchWriter, batchLimits, type PreparedDocument, type WriteSection } from "./batch-writer.js";
import { ExtractPool, type ExtractResult } from "./extract-pool.js";
import { NearDuplicateIndex } from "./near-duplicates.js";
import { loadAhead } from "./read-ahead.js";
import { pageMapJson } from "../shared/page-map.js";

/** Claims of a text, without the document field the store implies. */
export { claimsFor } from "./extract-pool.js";

/** What happened to one input. */
export interface IngestEvent {
  name: string;
  status: "new" | "duplicate" | "failed";
  claims: number;
  message?: string;
  /** A stored document whose publication date, publisher or URL its manifest entry corrected. */
  corrected?: boolean;
  /** Something to tell about the document besides its claims: "no text layer (a scanned PDF?): …". */
  notice?: string;
  /**
   * Set on a new document whose language has no extraction rules: its language and
   * "no claims extracted: language Turkish has no extraction rules".
   */
  unsupported?: string;
  language?: string | null;
  /**
   * Which input it came from: the index of a file in `files`, or `files.length` + the index of a
   * URL in `urls` (all items of a feed share its URL's number); -1 for a problem found while
   * collecting folders.
   */
  input: number;
}

/** Totals of an ingest run. */
export interface IngestSummary {
  new: number;
  duplicate: number;
  failed: number;
  claims: number;
  related: number;
  /** New documents stored without claims because their language has no extraction rules, by language (ISO 639-1). */
  unsupported: Record<string, number>;
}

/** Totals of nothing yet. */
export function emptySummary(): IngestSummary {
  return { new: 0, duplicate: 0, failed: 0, claims: 0, related: 0, unsupported: {} };
}

/** Counts one input's outcome into a run's totals. */
export function countEvent(summary: IngestSummary, e: IngestEvent): void {
  if (e.status === "new") {
    summary.new++;
    summary.claims += e.claims;
    if (e.unsupported) {
      const language = e.language ?? "unknown";
      summary.unsupported[language] = (summary.unsupported[language] ?? 0) + 1;
    }
  } else if (e.status === "duplicate") summary.duplicate++;
  else summary.failed++;
}

/** Options of an ingest run. */
export interface IngestOptions {
  config: Config;
  manifestPath?: string;
  /** Publication date and publisher for documents that have none of their own. */
  published?: string | null;
  publisher?: string | null;
  /** Called after each input, for progress. */
  onEvent?: (e: IngestEvent) => void;
  /** Called when the number of local files is known. */
  onTotal?: (n: number) => void;
  /** Refresh the store's planner statistics after a run that added at least this many claims (default 20,000). */
  statisticsAfterClaims?: number;
}

/** Claims added by one run after which the store's planner statistics are refreshed. */
export const STATISTICS_AFTER_CLAIMS = 20_000;

/**
 * Threads an embedded store should run its statements on while ingesting (`openStore`'s
 * `threads`). better-sqlite3 is synchronous: on the pipeline's own thread every insert, index
 * update and commit holds up reading, near-duplicate checks and handing texts to the extraction
 * workers. In a thread of its own, SQLite's work overlaps all of that (30,000 generated documents:
 * 340 → 419 documents/s). One thread: the store has one writer anyway.
 */
export const INGEST_SQLITE_THREADS = 1;

type Prepared = PreparedDocument;

/** What a manifest entry says of its document (null fields say nothing). */
function manifestMetadata(entry: ManifestEntry): DocumentMetadataPatch {
  return {
    ...(entry.published !== null ? { published: entry.published } : {}),
    ...(entry.publisher !== null ? { publisher: entry.publisher } : {}),
    ...(entry.url !== null ? { url: entry.url } : {}),
  };
}

/** Local files read a chunk ahead; a chunk of this many bytes or more is not read ahead of (memory holds one). */
const READ_AHEAD = { files: 32, bytes: 8 * 1024 * 1024 };

/** A chunk of local files read: each file's document or error, what the store holds of them already (null: the lookup failed), their bytes. */
interface ReadChunk {
  read: Array<{ prepared: Prepared } | { error: unknown }>;
  stored: Map<string, StoredDocument> | null;
  bytes: number;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function nameFromUrl(url: string): string {
  try {
    const u = new URL(url);
    const last = u.pathname.split("/").filter(Boolean).pop();
    return decodeURIComponent(last ? `${u.hostname}/${last}` : u.hostname).slice(0, 200);
  } catch {
    return url.slice(0, 200);
  }
}

/** Decodes a fetched body with its declared charset, else by BOM/UTF-8 rules. */
function decodeFetched(res: FetchedResource): string {
  if (res.charset && !/^utf-?8$/i.test(res.charset)) {
    try {
      return new TextDecoder(res.charset, { fatal: true }).decode(res.bytes);
    } catch {
      // fall through to the strict rules, which name the problem
    }
  }
  return decodeText(res.bytes, res.finalUrl).text;
}

/** Turns a fetched page, text or PDF into a document to store (and its notice, for a PDF without a text layer). */
async function prepareFetched(res: FetchedResource, fallbackPublished: string | null, notices?: Map<number, string>, input?: number): Promise<Prepared> {
  if (res.mediaType === "application/pdf") {
    const { readPdf, NO_TEXT_LAYER } = await import("../ingest/pdf.js"); // PDF.js, loaded for PDFs only
    const pdf = await readPdf(res.bytes, res.finalUrl);
    if (pdf.noTextLayer && notices && input !== undefined) notices.set(input, NO_TEXT_LAYER);
    const name = nameFromUrl(res.finalUrl);
    const doc = {
      sha256: sha256(res.bytes), bytes: res.bytes, name, url: res.finalUrl, path: null, textMap: pageMapJson(pdf.pageStarts),
      headers: JSON.stringify({ status: res.status, requestedUrl: res.requestedUrl, redirects: res.redirects, fetchedAt: res.fetchedAt, headers: res.headers }),
      mediaType: "application/pdf", publisher: null, published: fallbackPublished, title: pdf.title ?? name, text: pdf.text,
    };
    return { doc, published: fallbackPublished };
  }
  const text = decodeFetched(res);
  const base = {
    sha256: sha256(res.bytes),
    bytes: res.bytes,
    name: nameFromUrl(res.finalUrl),
    url: res.finalUrl,
    path: null,
    textMap: null,
    headers: JSON.stringify({ status: res.status, requestedUrl: res.requestedUrl, redirects: res.redirects, fetchedAt: res.fetchedAt, headers: res.headers }),
  };
  if (res.mediaType === "text/html" || res.mediaType === "application/xhtml+xml") {
    const { htmlToDocument } = await import("../ingest/html.js"); // the HTML parser, loaded for pages only
    const page = htmlToDocument(text, { url: res.finalUrl });
    const published = page.published ?? fallbackPublished;
    return { doc: { ...base, mediaType: "text/html", publisher: page.publisher, published, title: page.title, text: page.text }, published };
  }
  if (res.mediaType === "text/plain" || res.mediaType === "text/markdown" || res.mediaType === "") {
    return { doc: { ...base, mediaType: res.mediaType || "text/plain", publisher: null, published: fallbackPublished, title: null, text }, published: fallbackPublished };
  }
  throw new InputError(res.finalUrl, `unsupported media type ${res.mediaType}; Tally reads text, Markdown, HTML, PDF and RSS/Atom feeds`);
}

/** Runs the pipeline over inputs; problems are reported per input and never stop the batch. */
export async function ingest(inputs: string[], store: Store, opts: IngestOptions): Promise<IngestSummary> {
  const urls = inputs.filter(isUrl);
  const paths = inputs.filter((i) => !isUrl(i));
  const index = await NearDuplicateIndex.load(store);
  let files: InputFile[] = [];
  let errors: InputError[] = [];
  if (paths.length > 0) {
    ({ files, errors } = await collectInputs(paths, opts.manifestPath ? { manifestPath: opts.manifestPath } : {}));
    opts.onTotal?.(files.length);
  }
  const pool = ExtractPool.create(opts.config.workers);
  try {
    return await ingestCollected({ files, errors, urls }, store, opts, { index, pool });
  } finally {
    await pool.close();
  }
}

/** Inputs already expanded: files (with their manifest entries), collection problems, URLs. */
export interface CollectedIngestInputs {
  files: InputFile[];
  errors?: InputError[];
  urls?: string[];
}

/** What a long-running caller (a queue worker) shares between runs: the SimHash index and the extraction pool. */
export interface IngestShared {
  index: NearDuplicateIndex;
  pool: ExtractPool;
  /** Runs each batch's last comparisons and its write (queue workers: one batch at a time across every worker; see BatchWriter). */
  writeSection?: WriteSection;
}

/**
 * The pipeline over expanded inputs. Documents are read and handed to the extraction pool ahead
 * of the store writes (at most two batches held: one stored, one read and extracted); they are written in
 * batches, several documents with their claims per transaction, and reported in input order.
 */
export async function ingestCollected(inputs: CollectedIngestInputs, store: Store, opts: IngestOptions, shared: IngestShared): Promise<IngestSummary> {
  const summary = emptySummary();
  const { index, pool } = shared;
  const { config } = opts;
  /** Notices of documents read (a PDF without a text layer), by input, told with their outcome. */
  const notices = new Map<number, string>();
  const report = (e: IngestEvent) => {
    const notice = e.status === "failed" ? undefined : notices.get(e.input);
    if (notice) e = { ...e, notice };
    countEvent(summary, e);
    opts.onEvent?.(e);
  };
  const fail = (name: string, err: unknown, input: number) => {
    const message = err instanceof InputError ? err.message : `${name}: ${err instanceof Error ? err.message : String(err)}`;
    report({ name, status: "failed", claims: 0, message, input });
  };

  const writer = new BatchWriter(store, index, config.collector, {
    stored: (name, status, claims, input, noRules, corrected) =>
      report({ name, status, claims, input, ...(noRules ? { unsupported: noRules.message, language: noRules.language } : {}), ...(corrected ? { corrected } : {}) }),
    failed: fail,
    related: (n) => {
      summary.related += n;
    },
  }, batchLimits(store, config.writeBatch), shared.writeSection);

  /**
   * Starts extracting (unless these bytes are stored or being extracted already) and queues the
   * document for writing. `known`: what a lookup made just before found stored with these bytes.
   */
  const submit = async (input: number, failName: string, prepared: Prepared, known?: StoredDocument | null): Promise<void> => {
    const { doc } = prepared;
    const queued = writer.isExtracting(doc.sha256);
    const existing = queued ? null : known !== undefined ? known : await store.getDocument(doc.sha256);
    let extraction: Promise<ExtractResult> | null = null;
    if (!queued && !existing) {
      // PostgreSQL's full-text vector is built on the extraction thread, off the writer's path.
      extraction = pool.extract(doc.text, doc.name, prepared.published, doc.publisher, store.traits.takesSearchVector ? { title: doc.title } : null);
      extraction.catch(() => undefined); // awaited (and reported) when its batch is written
    }
    await writer.add({ kind: "document", input, failName, prepared, extraction, existing });
  };
  const failLater = (input: number, name: string, error: unknown) => writer.add({ kind: "failed", input, name, error });

  for (const error of inputs.errors ?? []) fail(error.file, error, -1);

  const readFileInput = async (file: InputFile, input: number): Promise<Prepared> => {
    const loaded = await readDocumentFile(file.path, { maxBytes: config.maxFileBytes, ...(file.manifestEntry ? { manifestEntry: file.manifestEntry } : {}) });
    if (loaded.notice) notices.set(input, loaded.notice);
    const published = loaded.published ?? opts.published ?? null;
    return {
      doc: {
        sha256: loaded.sha256,
        bytes: loaded.bytes,
        mediaType: loaded.mediaType,
        name: file.manifestEntry?.file ?? loaded.name,
        url: loaded.url,
        path: loaded.path,
        publisher: loaded.publisher ?? opts.publisher ?? null,
        published,
        title: loaded.title,
        text: loaded.text,
        textMap: loaded.textMap,
        headers: null,
      },
      published,
      ...(file.manifestEntry ? { metadata: manifestMetadata(file.manifestEntry) } : {}),
    };
  };
  /** Reads a chunk of files concurrently, then asks the store once which of them it holds already. */
  const readChunk = async (chunk: readonly InputFile[], start: number): Promise<ReadChunk> => {
    const read = await Promise.all(chunk.map((file, k) => readFileInput(file, start + k).then((prepared) => ({ prepared }), (error: unknown) => ({ error }))));
    const shas = read.flatMap((r) => ("prepared" in r ? [r.prepared.doc.sha256] : []));
    // If the lookup fails, each document is looked up on its own when submitted (and fails alone).
    const stored = shas.length > 0 ? await store.getDocumentsBySha256(shas).catch(() => null) : new Map<string, StoredDocument>();
    return { read, stored, bytes: read.reduce((n, r) => n + ("prepared" in r ? r.prepared.doc.bytes.byteLength : 0), 0) };
  };
  for await (const { start, chunk } of loadAhead(inputs.files, READ_AHEAD.files, readChunk, (c) => c.bytes < READ_AHEAD.bytes)) {
    for (const [k, r] of chunk.read.entries()) {
      const input = start + k;
      const path = inputs.files[input]?.path ?? "";
      if ("error" in r) {
        await failLater(input, path, r.error);
        continue;
      }
      const known = chunk.stored ? (chunk.stored.get(r.prepared.doc.sha256.toLowerCase()) ?? null) : undefined;
      try {
        await submit(input, path, r.prepared, known);
      } catch (err) {
        await failLater(input, path, err);
      }
    }
  }

  for (const [k, url] of (inputs.urls ?? []).entries()) {
    const input = inputs.files.length + k;
    let res: FetchedResource;
    try {
      res = await fetchUrl(url, config.fetch);
    } catch (err) {
      await failLater(input, url, err);
      continue;
    }
    // The feed parser is loaded only when URLs are ingested.
    const { looksLikeFeed, parseFeed } = await import("../ingest/feed.js");
    if (looksLikeFeed(res.mediaType, res.bytes)) {
      let items: { link: string; published: string | null; date: string | null }[];
      try {
        items = parseFeed(decodeFetched(res), res.finalUrl).items;
      } catch (err) {
        await failLater(input, url, err);
        continue;
      }
      for (const item of items) {
        let prepared: Prepared;
        try {
          const page = await fetchUrl(item.link, config.fetch);
          prepared = await prepareFetched(page, item.date ?? opts.published ?? null, notices, input);
        } catch (err) {
          await failLater(input, item.link, err);
          continue;
        }
        await submit(input, item.link, prepared).catch((err: unknown) => failLater(input, item.link, err));
      }
      continue;
    }
    let prepared: Prepared;
    try {
      prepared = await prepareFetched(res, opts.published ?? null, notices, input);
    } catch (err) {
      await failLater(input, url, err);
      continue;
    }
    await submit(input, url, prepared).catch((err: unknown) => failLater(input, url, err));
  }
  await writer.finish();
  if (summary.claims >= (opts.statisticsAfterClaims ?? STATISTICS_AFTER_CLAIMS)) {
    // Only a help to the planner (autovacuum gets there later): a failure here fails no document.
    await store.refreshStatistics().catch(() => undefined);
  }
  return summary;
}
