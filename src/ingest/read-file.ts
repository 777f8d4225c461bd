// Reads one document file from disk into the working text the extractor reads, with provenance.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { decodeText } from "./decode.js";
import { fsReason, InputError } from "./errors.js";
import type { ManifestEntry } from "./manifest.js";
import { mediaTypeOf, type DocumentMediaType } from "./media-type.js";
import { pageMapJson } from "../shared/page-map.js";

/** Largest file read by default: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A document read from disk: raw bytes, hash, working text and metadata. */
export interface LoadedDocument {
  /** The file's base name (the document's name in outputs). */
  name: string;
  path: string;
  bytes: Buffer;
  /** SHA-256 of the raw bytes, hex. */
  sha256: string;
  mediaType: DocumentMediaType;
  /** The working text: claim spans index this string. */
  text: string;
  published: string | null;
  publisher: string | null;
  url: string | null;
  title: string | null;
  language: string | null;
  /** Where each page starts in `text` (`pageMapJson`) for documents read from pages (PDF); else null. */
  textMap: string | null;
  /** Something to tell about the document besides its claims: a PDF without a text layer. */
  notice: string | null;
}

/** Options of readDocumentFile. */
export interface ReadOptions {
  maxBytes?: number;
  manifestEntry?: ManifestEntry;
}

/** A byte count for messages: "200.0 MB", "2.0 KB", "12 bytes"; `whole` drops ".0" from round limits. */
function sizeText(n: number, whole = false): string {
  const [value, unit] = n >= 1024 * 1024 ? [n / (1024 * 1024), "MB"] : n >= 1024 ? [n / 1024, "KB"] : [n, "bytes"];
  const digits = unit === "bytes" || (whole && Number.isInteger(value)) ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Title of a Markdown file: its first ATX heading ("# Title"), or null. */
function markdownTitle(text: string): string | null {
  const m = /^\s{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text.slice(0, 10_000));
  return m?.[1]?.trim() || null;
}

/** Title of a plain-text file: its first line when it reads as one (short, not a sentence of the body), else the file name. */
export function plainTextTitle(text: string, name: string): string {
  // The first line that is not blank and not a bar of site links ("HOME | NEWS | ABOUT").
  const first = text.slice(0, 2_000).split(/\r?\n/).find((line) => line.trim() !== "" && (line.match(/\s[|•·]\s/g) ?? []).length < 2)?.trim() ?? "";
  if (first && first.length <= 160) return first;
  return name.replace(/\.[^.]+$/, "") || name;
}

/** Reads, checks and decodes a document file; throws InputError with a one-line reason. */
export async function readDocumentFile(path: string, opts: ReadOptions = {}): Promise<LoadedDocument> {
  const mediaType = mediaTypeOf(path);
  if (!mediaType) {
    const ext = extname(path).toLowerCase();
    throw new InputError(path, `unsupported file type ${ext || "(no extension)"}; Tally reads .txt, .md, .html and .pdf`);
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(path, "is a folder, not a file");
    if (!info.isFile()) throw new InputError(path, "not a regular file");
    size = info.size;
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(path, fsReason(err));
  }
  if (size > maxBytes) {
    throw new InputError(path, `file is ${sizeText(size)}, over the ${sizeText(maxBytes, true)} limit`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw new InputError(path, fsReason(err));
  }
  const entry = opts.manifestEntry;
  const base = {
    name: basename(path),
    path,
    bytes,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    mediaType,
    textMap: null,
    notice: null,
  };
  if (mediaType === "application/pdf") {
    // PDF.js is loaded only when a PDF is read.
    const { readPdf, NO_TEXT_LAYER } = await import("./pdf.js");
    const pdf = await readPdf(bytes, path);
    return {
      ...base,
      text: pdf.text,
      textMap: pageMapJson(pdf.pageStarts),
      notice: pdf.noTextLayer ? NO_TEXT_LAYER : null,
      published: entry?.published ?? null,
      publisher: entry?.publisher ?? null,
      url: entry?.url ?? null,
      title: pdf.title ?? (pdf.noTextLayer ? base.name.replace(/\.[^.]+$/, "") : plainTextTitle(pdf.text, base.name)),
      language: null,
    };
  }
  const { text: decoded } = decodeText(bytes, path);
  if (mediaType !== "text/html") {
    return {
      ...base,
      text: decoded,
      published: entry?.published ?? null,
      publisher: entry?.publisher ?? null,
      url: entry?.url ?? null,
      title: mediaType === "text/markdown" ? (markdownTitle(decoded) ?? plainTextTitle(decoded, base.name)) : plainTextTitle(decoded, base.name),
      language: null,
    };
  }
  // The HTML parser (linkedom, Readability) is loaded only when an HTML file is read.
  const { htmlToDocument } = await import("./html.js");
  const html = htmlToDocument(decoded, entry?.url ? { url: entry.url } : {});
  return {
    ...base,
    text: html.text,
    published: entry?.published ?? html.published,
    publisher: entry?.publisher ?? html.publisher,
    url: entry?.url ?? html.canonicalUrl,
    title: html.title,
    language: html.language,
  };
}
