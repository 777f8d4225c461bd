// Turns an HTML page into plain working text plus its metadata, safely and without clutter.
import { Readability } from "@mozilla/readability";
import { parseDocument, type DomDocument, type DomElement } from "./dom.js";
import { removeClutter } from "./html-clutter.js";
import { readMetadata, type HtmlMetadata } from "./html-meta.js";
import { nestsDeeperThan, stripTagsToBlocks } from "./html-strip.js";
import { squash, textBlocks } from "./html-text.js";

/** A page read for extraction: plain text (headline first, blank lines between blocks) and metadata. */
export interface HtmlDocument {
  text: string;
  title: string | null;
  published: string | null;
  publisher: string | null;
  canonicalUrl: string | null;
  language: string | null;
}

/** Nesting beyond this depth skips the DOM and Readability (both are slow or recursive on deep trees). */
export const MAX_DOM_DEPTH = 200;

/** Pages longer than this skip Readability (its cost grows with size times depth); clutter removal still runs. */
export const READABILITY_MAX_CHARS = 1_000_000;

/** Readability content shorter than this (in characters) is not trusted as the article. */
const MIN_ARTICLE_CHARS = 140;

/** Reads an HTML string into plain text and metadata; never throws on broken markup. */
export function htmlToDocument(html: string, opts: { url?: string } = {}): HtmlDocument {
  if (nestsDeeperThan(html, MAX_DOM_DEPTH)) return fromStrippedTags(html, opts);
  const doc = parseDocument(html);
  const meta = readMetadata(doc, opts);
  removeClutter(doc);
  const article = html.length <= READABILITY_MAX_CHARS ? findArticle(doc) : null;
  const blocks = article ? textBlocks(article) : doc.body ? textBlocks(doc.body) : [];
  return assemble(blocks, meta);
}

/** The article element Readability finds in a clone of `doc`, or null when it finds nothing worth reading. */
function findArticle(doc: DomDocument): DomElement | null {
  try {
    const clone = doc.cloneNode(true);
    const reader = new Readability<DomElement>(clone as never, { serializer: (node) => node as unknown as DomElement });
    const content = reader.parse()?.content ?? null;
    if (!content || squash(content.textContent ?? "").length < MIN_ARTICLE_CHARS) return null;
    return content;
  } catch {
    return null;
  }
}

/** Puts the headline first (once) and joins blocks with blank lines. */
function assemble(blocks: string[], meta: HtmlMetadata): HtmlDocument {
  const title = meta.title ? squash(meta.title) : null;
  const body = title ? blocks.filter((b) => b !== title) : blocks;
  const text = (title ? [title, ...body] : body).join("\n\n");
  return {
    text,
    title,
    published: meta.published,
    publisher: meta.publisher,
    canonicalUrl: meta.canonicalUrl,
    language: meta.language,
  };
}

/** The DOM-free path: metadata from a shallow head, text from a tag stripper. */
function fromStrippedTags(html: string, opts: { url?: string }): HtmlDocument {
  const bodyAt = html.search(/<body[\s>]/i);
  const head = bodyAt === -1 ? "" : html.slice(0, bodyAt);
  const empty: HtmlMetadata = { published: null, publisher: null, title: null, language: null, canonicalUrl: null };
  const meta = head && !nestsDeeperThan(head, MAX_DOM_DEPTH) ? readMetadata(parseDocument(head), opts) : empty;
  const h1 = /<h1\b[^<>]*>([^<]{1,300})</i.exec(html)?.[1];
  const title = meta.title ?? (h1 ? stripTagsToBlocks(h1)[0] ?? null : null);
  return assemble(stripTagsToBlocks(html), { ...meta, title });
}
