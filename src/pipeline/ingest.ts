// The ingest pipeline: read files, folders, URLs and feeds; extract; store each document with
// its claims in one transaction; relate near-duplicates. Every step is keyed by the SHA-256 of
// the original bytes, so a re-run (after a crash, say) stores nothing twice.
import { createHash } from "node:crypto";
import type { Config } from "../config.js";
import { EXTRACTOR_VERSION, extract } from "../core/extract/index.js";
import type { Claim } from "../core/types.js";
import { collectInputs } from "../ingest/collect.js";
import { decodeText } from "../ingest/decode.js";
import { InputError } from "../ingest/errors.js";
import { looksLikeFeed, parseFeed } from "../ingest/feed.js";
import { fetchUrl, type FetchedResource } from "../ingest/fetch-url.js";
import { htmlToDocument } from "../ingest/html.js";
import { detectLanguage } from "../ingest/language.js";
import { readDocumentFile } from "../ingest/read-file.js";
import type { NewClaim, NewDocument, Store } from "../store/index.js";
import { NearDuplicateIndex, relateDocument } from "./near-duplicates.js";

/** What happened to one input. */
export interface IngestEvent {
  name: string;
  status: "new" | "duplicate" | "failed";
  claims: number;
  message?: string;
}

/** Totals of an ingest run. */
export interface IngestSummary {
  new: number;
  duplicate: number;
  failed: number;
  claims: number;
  related: number;
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
}

/** A document ready to store: what to keep and the working text to extract from. */
interface Prepared {
  doc: Omit<NewDocument, "capturedAt" | "collector" | "language">;
  published: string | null;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Claims of a text, without the document field the store implies. */
export function claimsFor(text: string, name: string, published: string | null, publisher: string | null): NewClaim[] {
  return extract(text, { document: name, published, publisher }).claims.map(({ document: _d, ...c }: Claim) => ({ ...c, extractor: EXTRACTOR_VERSION }));
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

/** Turns a fetched page or text into a document to store. */
function prepareFetched(res: FetchedResource, fallbackPublished: string | null): Prepared {
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
    const page = htmlToDocument(text, { url: res.finalUrl });
    const published = page.published ?? fallbackPublished;
    return { doc: { ...base, mediaType: "text/html", publisher: page.publisher, published, title: page.title, text: page.text }, published };
  }
  if (res.mediaType === "text/plain" || res.mediaType === "text/markdown" || res.mediaType === "") {
    return { doc: { ...base, mediaType: res.mediaType || "text/plain", publisher: null, published: fallbackPublished, title: null, text }, published: fallbackPublished };
  }
  throw new InputError(res.finalUrl, `unsupported media type ${res.mediaType}; Tally reads text, Markdown, HTML and RSS/Atom feeds`);
}

/** Runs the pipeline over inputs; problems are reported per input and never stop the batch. */
export async function ingest(inputs: string[], store: Store, opts: IngestOptions): Promise<IngestSummary> {
  const summary: IngestSummary = { new: 0, duplicate: 0, failed: 0, claims: 0, related: 0 };
  const index = await NearDuplicateIndex.load(store);
  const { config } = opts;
  const report = (e: IngestEvent) => {
    if (e.status === "new") {
      summary.new++;
      summary.claims += e.claims;
    } else if (e.status === "duplicate") summary.duplicate++;
    else summary.failed++;
    opts.onEvent?.(e);
  };
  const fail = (name: string, err: unknown) => {
    const message = err instanceof InputError ? err.message : `${name}: ${err instanceof Error ? err.message : String(err)}`;
    report({ name, status: "failed", claims: 0, message });
  };

  const store1 = async (prepared: Prepared): Promise<void> => {
    const { doc } = prepared;
    const existing = await store.getDocument(doc.sha256);
    if (existing) {
      // A crash between storing and relating leaves no SimHash: finish the job now.
      if (existing.simhash === null) summary.related += await relateDocument(store, index, existing.id, existing.text);
      report({ name: doc.name, status: "duplicate", claims: existing.claimCount });
      return;
    }
    const claims = claimsFor(doc.text, doc.name, prepared.published, doc.publisher);
    const stored = await store.putDocument(
      { ...doc, capturedAt: new Date().toISOString(), collector: config.collector, language: detectLanguage(doc.text) },
      claims,
    );
    if (!stored.created) {
      report({ name: doc.name, status: "duplicate", claims: claims.length });
      return;
    }
    summary.related += await relateDocument(store, index, stored.id, doc.text);
    report({ name: doc.name, status: "new", claims: claims.length });
  };

  const urls = inputs.filter(isUrl);
  const paths = inputs.filter((i) => !isUrl(i));

  if (paths.length > 0) {
    const collected = await collectInputs(paths, opts.manifestPath ? { manifestPath: opts.manifestPath } : {});
    opts.onTotal?.(collected.files.length);
    for (const error of collected.errors) fail(error.file, error);
    for (const file of collected.files) {
      try {
        const loaded = await readDocumentFile(file.path, { maxBytes: config.maxFileBytes, ...(file.manifestEntry ? { manifestEntry: file.manifestEntry } : {}) });
        const published = loaded.published ?? opts.published ?? null;
        await store1({
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
            textMap: null,
            headers: null,
          },
          published,
        });
      } catch (err) {
        fail(file.path, err);
      }
    }
  }

  for (const url of urls) {
    let res: FetchedResource;
    try {
      res = await fetchUrl(url, config.fetch);
    } catch (err) {
      fail(url, err);
      continue;
    }
    if (looksLikeFeed(res.mediaType, res.bytes)) {
      let items: { link: string; published: string | null }[];
      try {
        items = parseFeed(decodeFetched(res), res.finalUrl).items;
      } catch (err) {
        fail(url, err);
        continue;
      }
      for (const item of items) {
        try {
          const page = await fetchUrl(item.link, config.fetch);
          await store1(prepareFetched(page, item.published?.slice(0, 10) ?? opts.published ?? null));
        } catch (err) {
          fail(item.link, err);
        }
      }
      continue;
    }
    try {
      await store1(prepareFetched(res, opts.published ?? null));
    } catch (err) {
      fail(url, err);
    }
  }
  return summary;
}
