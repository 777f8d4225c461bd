// Use case: read document files (and folders with manifests) and extract their claims, a few
// files at a time (so a batch never holds more than those in memory), in input order.
import { collectInputs, type InputFile } from "../ingest/collect.js";
import { InputError } from "../ingest/errors.js";
import { readDocumentFile, type LoadedDocument } from "../ingest/read-file.js";
import { extract, type FigureDecision } from "../core/extract/index.js";
import { detectLanguage } from "../ingest/language.js";
import type { Claim, PersonMention } from "../core/types.js";
import { ExtractPool, type PlainResult } from "../pipeline/extract-pool.js";
import { pageAt, pageStarts } from "../shared/page-map.js";

/** Options for an extraction batch. */
export interface ExtractFilesOptions {
  manifestPath?: string;
  /** Publication date for documents that have none in a manifest or page metadata. */
  published?: string | null;
  /** Publisher for documents that have none in a manifest or page metadata. */
  publisher?: string | null;
  maxBytes?: number;
  /** Also return, for every figure of each text, what became of it (extracted on this thread). */
  explain?: boolean;
  /** Extraction threads (default 0: on this thread). */
  workers?: number;
  /** Fewest files worth starting the threads for (a thread takes as long to start as extracting a few hundred files); fewer are extracted on this thread. Default 1. */
  poolFrom?: number;
}

/** The outcome of one input: a document with its claims, or a problem with the file. */
export type ExtractOutcome =
  | {
      ok: true;
      document: LoadedDocument;
      claims: Claim[];
      people: PersonMention[];
      /** The language detected (ISO 639-1), and the extractor's note when it has no rules for it. */
      language: string | null;
      unsupported?: string;
      /** With `explain`: what became of every figure of the text. */
      decisions?: FigureDecision[];
    }
  | { ok: false; error: InputError };

/** Files read and extracted at once: enough to keep the extraction threads fed while the next files are read. */
const AHEAD_FILES = 32;
/** ...unless the texts in flight already reach this many bytes (large files are then taken fewer at a time). */
const AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * Reads and extracts every input, yielding one outcome per file or problem in input order
 * (problems with the inputs themselves first). Files are read ahead, up to AHEAD_FILES (and
 * AHEAD_BYTES of text) at once, and extracted on `workers` threads of an extraction pool (0: on
 * this thread; with `explain`, always on this thread).
 */
export async function* extractFiles(inputs: string[], opts: ExtractFilesOptions = {}): AsyncGenerator<ExtractOutcome> {
  const collected = await collectInputs(inputs, opts.manifestPath ? { manifestPath: opts.manifestPath } : {});
  for (const error of collected.errors) yield { ok: false, error };
  const files = collected.files;
  if (files.length === 0) return;
  const threads = opts.explain || files.length < (opts.poolFrom ?? 1) ? 0 : Math.min(opts.workers ?? 0, files.length);
  const pool = ExtractPool.create(threads);
  const inFlight: Array<{ outcome: Promise<ExtractOutcome>; bytes: number }> = [];
  let bytes = 0;
  let next = 0;
  const start = () => {
    const entry = { bytes: 0 } as { outcome: Promise<ExtractOutcome>; bytes: number };
    entry.outcome = extractOne(files[next++] as InputFile, opts, pool, (n) => {
      entry.bytes = n;
      bytes += n;
    });
    inFlight.push(entry);
  };
  try {
    while (inFlight.length > 0 || next < files.length) {
      while (next < files.length && (inFlight.length === 0 || (inFlight.length < AHEAD_FILES && bytes < AHEAD_BYTES))) start();
      const first = inFlight.shift() as (typeof inFlight)[number];
      const outcome = await first.outcome;
      bytes -= first.bytes;
      yield outcome;
    }
  } finally {
    // A caller that stops early leaves reads under way: let them settle before the pool goes.
    await Promise.allSettled(inFlight.map((e) => e.outcome));
    await pool.close();
  }
}

/** Reads one file and extracts its claims (on the pool, or here with `explain`); never rejects. */
async function extractOne(file: InputFile, opts: ExtractFilesOptions, pool: ExtractPool, read: (bytes: number) => void): Promise<ExtractOutcome> {
  let document: LoadedDocument;
  try {
    document = await readDocumentFile(file.path, {
      ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
      ...(file.manifestEntry ? { manifestEntry: file.manifestEntry } : {}),
    });
  } catch (err) {
    return { ok: false, error: err instanceof InputError ? err : new InputError(file.path, String(err)) };
  }
  read(document.bytes.length + document.text.length * 2);
  const published = document.published ?? opts.published ?? null;
  const publisher = document.publisher ?? opts.publisher ?? null;
  const name = file.manifestEntry?.file ?? document.name;
  let result: PlainResult;
  let decisions: FigureDecision[] | undefined;
  try {
    if (opts.explain) {
      decisions = [];
      const language = detectLanguage(document.text);
      const r = extract(document.text, { document: name, published, publisher, language }, { explain: decisions });
      result = { claims: r.claims, people: r.people, language, ...(r.unsupported ? { unsupported: r.unsupported } : {}) };
    } else result = await pool.extractPlain(document.text, name, published, publisher);
  } catch (err) {
    return { ok: false, error: new InputError(file.path, `extraction failed: ${err instanceof Error ? err.message : String(err)}`) };
  }
  const { language } = result;
  const pages = pageStarts(document.textMap);
  return {
    ok: true,
    document: { ...document, name, published, publisher, language },
    claims: pages ? result.claims.map((c) => ({ ...c, page: pageAt(pages, c.span[0]) })) : result.claims,
    people: result.people,
    language,
    ...(result.unsupported ? { unsupported: result.unsupported } : {}),
    ...(decisions ? { decisions } : {}),
  };
}
