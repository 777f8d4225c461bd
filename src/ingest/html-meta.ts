// Reads document metadata (date, publisher, title, language, canonical URL) from HTML markup.
import { normaliseDate } from "./dates.js";
import { all, type DomDocument, type DomElement } from "./dom.js";
import { squash } from "./html-text.js";

/** Metadata found in a page's markup; null where the page says nothing. */
export interface HtmlMetadata {
  published: string | null;
  publisher: string | null;
  title: string | null;
  language: string | null;
  canonicalUrl: string | null;
}

const DATE_META_NAMES = ["date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "citation_publication_date"];
const DATE_META_PROPERTIES = ["article:published_time", "og:published_time"];

/** Content of the first `<meta>` whose name/property/itemprop is one of `keys` (case-insensitive). */
function metaContent(doc: DomDocument, keys: readonly string[]): string | null {
  const wanted = new Set(keys);
  for (const el of all(doc.querySelectorAll("meta"))) {
    const key = (el.getAttribute("property") ?? el.getAttribute("name") ?? el.getAttribute("itemprop") ?? el.getAttribute("http-equiv") ?? "").trim().toLowerCase();
    if (!wanted.has(key)) continue;
    const content = squash(el.getAttribute("content") ?? "");
    if (content) return content;
  }
  return null;
}

/** Parsed JSON-LD blocks of the page; malformed blocks are skipped. */
function jsonLdNodes(doc: DomDocument): Record<string, unknown>[] {
  const nodes: Record<string, unknown>[] = [];
  for (const script of all(doc.querySelectorAll("script"))) {
    if ((script.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const queue: { value: unknown; depth: number }[] = [{ value: data, depth: 0 }];
    while (queue.length > 0 && nodes.length < 500) {
      const { value, depth } = queue.shift() as { value: unknown; depth: number };
      if (depth > 4 || value === null || typeof value !== "object") continue;
      if (Array.isArray(value)) {
        for (const item of value) queue.push({ value: item, depth: depth + 1 });
        continue;
      }
      const node = value as Record<string, unknown>;
      nodes.push(node);
      if (node["@graph"] !== undefined) queue.push({ value: node["@graph"], depth: depth + 1 });
    }
  }
  return nodes;
}

const asText = (v: unknown): string | null => (typeof v === "string" && squash(v) ? squash(v) : null);

/** Name of a JSON-LD publisher: an object with a name, a string, or an @id reference into the graph. */
function publisherName(value: unknown, nodes: Record<string, unknown>[]): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === "string") return asText(first);
  if (!first || typeof first !== "object") return null;
  const obj = first as Record<string, unknown>;
  const name = asText(obj["name"]);
  if (name) return name;
  const id = obj["@id"];
  if (typeof id !== "string") return null;
  const target = nodes.find((n) => n["@id"] === id && n !== obj);
  return target ? asText(target["name"]) : null;
}

/** First `<time datetime>` in the article (or the page, outside page chrome). */
function firstTime(doc: DomDocument): string | null {
  const candidates = [
    ...all(doc.querySelectorAll("article time[datetime]")),
    ...all(doc.querySelectorAll("main time[datetime]")),
    ...all(doc.querySelectorAll("time[datetime]")).filter((t: DomElement) => !t.closest("nav, aside, footer")),
  ];
  for (const t of candidates) {
    const date = normaliseDate(t.getAttribute("datetime"));
    if (date) return date;
  }
  return null;
}

/** An http(s) URL resolved against `base`, or null (other schemes are refused). */
function httpUrl(raw: string | null, base: string | undefined): string | null {
  if (!raw || !raw.trim()) return null;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads the page's metadata; call before clutter removal (JSON-LD sits in scripts). */
export function readMetadata(doc: DomDocument, opts: { url?: string } = {}): HtmlMetadata {
  const ld = jsonLdNodes(doc);
  const ldDate = ld.map((n) => normaliseDate(asText(n["datePublished"]))).find((d) => d !== null) ?? null;
  const published =
    normaliseDate(metaContent(doc, DATE_META_PROPERTIES)) ??
    normaliseDate(metaContent(doc, DATE_META_NAMES)) ??
    ldDate ??
    firstTime(doc);
  const publisher =
    metaContent(doc, ["og:site_name"]) ??
    ld.map((n) => publisherName(n["publisher"], ld)).find((p) => p !== null) ??
    null;
  const textOf = (el: DomElement | null): string | null => (el ? squash(el.textContent ?? "") || null : null);
  const title =
    textOf(doc.querySelector("article h1")) ??
    metaContent(doc, ["og:title", "twitter:title"]) ??
    textOf(doc.querySelector("h1")) ??
    textOf(doc.querySelector("title"));
  const lang = squash(doc.documentElement?.getAttribute("lang") ?? "") || metaContent(doc, ["content-language"]);
  const canonical = all(doc.querySelectorAll("link[rel]")).find((l) =>
    (l.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"),
  );
  const canonicalUrl =
    httpUrl(canonical?.getAttribute("href") ?? null, opts.url) ?? httpUrl(metaContent(doc, ["og:url"]), opts.url);
  return { published, publisher, title, language: lang && lang.length <= 35 ? lang : null, canonicalUrl };
}
