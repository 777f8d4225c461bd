// Extraction off the main thread: a small pool of worker threads running the same claim
// extraction and language detection as the main thread would. The main thread stays the only
// writer to the store. Size 0 (or no usable worker script) means inline extraction; results are
// identical either way, and a worker that dies hands its pending documents back to inline
// extraction instead of failing them.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { EXTRACTOR_VERSION, extract } from "../core/extract/index.js";
import { simhash64 } from "../core/similarity/index.js";
import type { Claim, PersonMention } from "../core/types.js";
import { detectLanguage } from "../ingest/language.js";
import type { DocumentMention, NewClaim } from "../store/index.js";
import { searchVector } from "../store/search-vector.js";
import { documentMentions } from "./victim-mentions.js";

/** A document's claims (without the document field the store implies), the victims it names, and why there are no claims when its language has no rules. */
export interface DocumentClaims {
  claims: NewClaim[];
  /** The victims the text names, stored with it (`claim`: index into `claims`). */
  mentions: DocumentMention[];
  /** "no claims extracted: language Turkish has no extraction rules", when the language has no pack. */
  unsupported?: string;
}

/**
 * Claims of a text in a language (ISO 639-1, as `detectLanguage` gives it; detected here when
 * undefined, the English rules when null), with the extractor's note when the language has no rules.
 */
export function extractClaims(text: string, name: string, published: string | null, publisher: string | null, language?: string | null): DocumentClaims & { language: string | null } {
  const lang = language === undefined ? detectLanguage(text) : language;
  const result = extract(text, { document: name, published, publisher, language: lang });
  const claims = result.claims.map(({ document: _d, ...c }: Claim) => ({ ...c, extractor: EXTRACTOR_VERSION }));
  const mentions = documentMentions(text, lang, claims, { publisher, name });
  return { claims, mentions, language: lang, ...(result.unsupported ? { unsupported: result.unsupported } : {}) };
}

/** Claims of a text, without the document field the store implies (its language detected when not given). */
export function claimsFor(text: string, name: string, published: string | null, publisher: string | null, language?: string | null): NewClaim[] {
  return extractClaims(text, name, published, publisher, language).claims;
}

/**
 * What the pool computes for one document: its claims, language and SimHash (near-duplicate
 * fingerprint), and its full-text vector when asked for one.
 */
export interface ExtractResult extends DocumentClaims {
  language: string | null;
  simhash: bigint;
  /** `searchVector(title, text)` (PostgreSQL's full-text vector), when the request gave a title to build it with. */
  searchVector?: Uint8Array;
}

/** Asks for the document's PostgreSQL full-text vector too, built from this title and the text. */
export interface VectorRequest {
  title: string | null;
}

/**
 * What `tally extract` prints for one document: `extract()`'s claims and people as they are (with
 * their document field, no extractor version), the language detected, and the note when it has no rules.
 */
export interface PlainResult {
  claims: Claim[];
  people: PersonMention[];
  language: string | null;
  unsupported?: string;
}

/** Message to a worker: a document to store (claims, SimHash, vector), or with `plain` one to print (`PlainResult`). */
export interface ExtractRequest {
  id: number;
  text: string;
  name: string;
  published: string | null;
  publisher: string | null;
  vector: VectorRequest | null;
  plain?: boolean;
}

/** Message back from a worker. */
export type ExtractResponse = ({ id: number } & (ExtractResult | PlainResult)) | { id: number; error: string };

interface Pending {
  req: ExtractRequest;
  resolve: (r: ExtractResult | PlainResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  alive: boolean;
}

/** Extraction on the calling thread. */
export function extractInline(text: string, name: string, published: string | null, publisher: string | null, vector: VectorRequest | null = null): ExtractResult {
  const result: ExtractResult = { ...extractClaims(text, name, published, publisher), simhash: simhash64(text) };
  if (vector) result.searchVector = searchVector(vector.title, text);
  return result;
}

/** `tally extract`'s reading of one document on the calling thread: its language detected, then `extract()`. */
export function extractPlainInline(text: string, name: string, published: string | null, publisher: string | null): PlainResult {
  const language = detectLanguage(text);
  const result = extract(text, { document: name, published, publisher, language });
  return { claims: result.claims, people: result.people, language, ...(result.unsupported ? { unsupported: result.unsupported } : {}) };
}

/** A request's answer computed on the calling thread. */
export function runInline(req: ExtractRequest): ExtractResult | PlainResult {
  return req.plain ? extractPlainInline(req.text, req.name, req.published, req.publisher) : extractInline(req.text, req.name, req.published, req.publisher, req.vector);
}

/**
 * The worker script next to this module: extract-worker.js in dist/. Running from the
 * TypeScript sources (tests), the .ts worker is loaded through tsx when tsx is installed.
 */
function workerScript(): URL | null {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith(".js")) {
    const url = new URL("./extract-worker.js", import.meta.url);
    return existsSync(fileURLToPath(url)) ? url : null;
  }
  const target = new URL("./extract-worker.ts", import.meta.url);
  if (!existsSync(fileURLToPath(target))) return null;
  let api: string;
  try {
    api = import.meta.resolve("tsx/esm/api");
  } catch {
    return null;
  }
  const code = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(target.href)}, ${JSON.stringify(target.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** A pool of extraction worker threads (or none: inline extraction). */
export class ExtractPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  private constructor(size: number) {
    const script = size > 0 ? workerScript() : null;
    if (!script) return;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn(script));
  }

  /** A pool of `size` worker threads; 0, or no worker script to run, means inline extraction. */
  static create(size: number): ExtractPool {
    return new ExtractPool(Math.max(0, Math.floor(size)));
  }

  /** Number of live worker threads (0 when extracting inline). */
  get size(): number {
    return this.slots.filter((s) => s.alive).length;
  }

  /** Claims and language of one document (and its search vector when `vector` is given), computed by the least busy worker. */
  extract(text: string, name: string, published: string | null, publisher: string | null, vector: VectorRequest | null = null): Promise<ExtractResult> {
    return this.submit({ id: this.nextId++, text, name, published, publisher, vector }) as Promise<ExtractResult>;
  }

  /** What `tally extract` prints of one document (`extractPlainInline`), computed by the least busy worker. */
  extractPlain(text: string, name: string, published: string | null, publisher: string | null): Promise<PlainResult> {
    return this.submit({ id: this.nextId++, text, name, published, publisher, vector: null, plain: true }) as Promise<PlainResult>;
  }

  private submit(req: ExtractRequest): Promise<ExtractResult | PlainResult> {
    const live = this.slots.filter((s) => s.alive);
    if (this.closed || live.length === 0) {
      try {
        return Promise.resolve(runInline(req));
      } catch (err) {
        return Promise.reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
    let slot = live[0] as Slot;
    for (const s of live) if (s.pending.size < slot.pending.size) slot = s;
    return new Promise<ExtractResult | PlainResult>((resolve, reject) => {
      slot.pending.set(req.id, { req, resolve, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      slot.worker.postMessage(req);
    });
  }

  /** Stops the workers; documents still pending are extracted inline. */
  async close(): Promise<void> {
    this.closed = true;
    const slots = this.slots.splice(0);
    for (const slot of slots) this.retire(slot);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(script: URL): Slot {
    const worker = new Worker(script);
    const slot: Slot = { worker, pending: new Map(), alive: true };
    worker.unref();
    worker.on("message", (res: ExtractResponse) => {
      const p = slot.pending.get(res.id);
      if (!p) return;
      slot.pending.delete(res.id);
      if (slot.pending.size === 0) worker.unref();
      if ("error" in res) p.reject(new Error(res.error));
      else {
        const { id: _id, ...result } = res;
        p.resolve(result);
      }
    });
    // A worker that cannot start or dies: its documents are extracted inline, none is lost.
    worker.on("error", () => this.retire(slot));
    worker.on("exit", () => this.retire(slot));
    return slot;
  }

  private retire(slot: Slot): void {
    slot.alive = false;
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    for (const { req, resolve, reject } of pending) {
      try {
        resolve(runInline(req));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }
  }
}
