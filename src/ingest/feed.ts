// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds into a list of item links. The XML parser never
// expands entities; only the five XML entities and numeric references are decoded here, so an
// entity bomb stays inert text.

import { XMLParser } from "fast-xml-parser";
import { InputError } from "./errors.js";

/** One entry of a feed: where the article lives and what the feed says about it. */
export interface FeedItem {
  title: string | null;
  /** Absolute URL of the article. */
  link: string;
  /** Publication (or, failing that, update) time as an ISO 8601 string. */
  published: string | null;
  /** The publication date as the publisher wrote it, YYYY-MM-DD in its own time zone, or null. */
  date: string | null;
  /** The feed's identifier for the item (guid, Atom id, rdf:about). */
  guid: string | null;
}

/** A parsed feed. */
export interface Feed {
  title: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const FEED_MEDIA_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/xml",
  "text/xml",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (name) => name === "item" || name === "entry" || name === "link",
});

const XML_ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric character references, nothing else. */
function decodeXmlEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(XML_ENTITY, (whole, name?: string, dec?: string, hex?: string) => {
    if (name) return XML_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? "", 16);
    if (code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  });
}

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Text content of an element (string, {#text}, array: first non-empty), decoded and trimmed. */
function textOf(v: unknown): string | null {
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = textOf(x);
      if (t) return t;
    }
    return null;
  }
  let raw: string | null = null;
  if (typeof v === "string" || typeof v === "number") raw = String(v);
  else if (isNode(v)) {
    const t = v["#text"];
    if (typeof t === "string" || typeof t === "number") raw = String(t);
    else if (isNode(v["div"])) raw = textOf(v["div"]);
  }
  if (raw === null) return null;
  const s = decodeXmlEntities(raw).replace(/\s+/g, " ").trim();
  return s === "" ? null : s;
}

/** An attribute value of an element, decoded. */
function attr(v: unknown, name: string): string | null {
  if (!isNode(v)) return null;
  const a = v[`@_${name}`];
  return typeof a === "string" ? decodeXmlEntities(a).trim() : null;
}

/** Resolves a possibly relative link against a base; null when it cannot be a web URL. */
function resolve(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** Base URL for children of an element honouring xml:base. */
function baseOf(node: unknown, base: string): string {
  return resolve(attr(node, "base"), base) ?? base;
}

/** Normalises a feed date to ISO 8601, or null when it does not parse. */
const MONTH_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * The calendar date as the publisher wrote it (its own time zone), YYYY-MM-DD: "Wed, 02 Aug 2023
 * 21:30:00 -0500" is 2023-08-02, although it is already 3 August in UTC.
 */
export function localDate(s: string | null): string | null {
  if (!s) return null;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(s);
  if (iso) return iso[1] ?? null;
  const rfc = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  if (rfc) {
    const month = MONTH_ABBR.indexOf((rfc[2] as string).toLowerCase()) + 1;
    if (month > 0) return `${rfc[3]}-${String(month).padStart(2, "0")}-${String(Number(rfc[1])).padStart(2, "0")}`;
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function isoDate(s: string | null): string | null {
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** Picks the article link among <link> elements: text links (RSS) or rel=alternate hrefs (Atom). */
function pickLink(links: unknown, base: string): string | null {
  const list = asArray(links);
  let fallback: string | null = null;
  for (const l of list) {
    if (typeof l === "string") {
      const r = resolve(textOf(l), base);
      if (r) return r;
      continue;
    }
    const href = attr(l, "href");
    if (href) {
      const rel = attr(l, "rel") ?? "alternate";
      const r = resolve(href, base);
      if (rel === "alternate" && r) return r;
      fallback ??= r;
    } else {
      const r = resolve(textOf(l), base);
      if (r) return r;
    }
  }
  return fallback;
}

/** Items of an RSS 2.0 channel or RSS 1.0 document. */
function rssItems(items: unknown[], base: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (const item of items) {
    if (!isNode(item)) continue;
    const guidNode = item["guid"];
    const guid = textOf(guidNode) ?? attr(item, "about");
    const permalink = attr(guidNode, "isPermaLink") !== "false" && guid !== null && /^https?:\/\//i.test(guid);
    const link = pickLink(item["link"], base) ?? (permalink ? resolve(guid, base) : null) ?? resolve(attr(item, "about"), base);
    if (!link) continue;
    out.push({
      title: textOf(item["title"]),
      link,
      published: isoDate(textOf(item["pubDate"]) ?? textOf(item["date"]) ?? textOf(item["published"])),
      date: localDate(textOf(item["pubDate"]) ?? textOf(item["date"]) ?? textOf(item["published"])),
      guid,
    });
  }
  return out;
}

/** Entries of an Atom feed. */
function atomItems(entries: unknown[], base: string): FeedItem[] {
  const out: FeedItem[] = [];
  for (const entry of entries) {
    if (!isNode(entry)) continue;
    const entryBase = baseOf(entry, base);
    const link = pickLink(entry["link"], entryBase);
    if (!link) continue;
    out.push({
      title: textOf(entry["title"]),
      link,
      published: isoDate(textOf(entry["published"]) ?? textOf(entry["updated"]) ?? textOf(entry["issued"])),
      date: localDate(textOf(entry["published"]) ?? textOf(entry["updated"]) ?? textOf(entry["issued"])),
      guid: textOf(entry["id"]),
    });
  }
  return out;
}

/** Parses an RSS 2.0, RSS 1.0/RDF or Atom document; relative links resolve against baseUrl. */
export function parseFeed(xml: string, baseUrl: string): Feed {
  let doc: unknown;
  try {
    doc = parser.parse(xml.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new InputError(baseUrl, `not an RSS or Atom feed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isNode(doc)) throw new InputError(baseUrl, "not an RSS or Atom feed: not XML");

  const rss = doc["rss"];
  if (rss !== undefined) {
    const channel = asArray(isNode(rss) ? rss["channel"] : undefined)[0];
    if (!isNode(channel)) throw new InputError(baseUrl, "not an RSS or Atom feed: <rss> has no <channel>");
    const base = baseOf(channel, baseOf(rss, baseUrl));
    return { title: textOf(channel["title"]), items: rssItems(asArray(channel["item"]), base) };
  }
  const rdf = doc["RDF"];
  if (isNode(rdf)) {
    const channel = asArray(rdf["channel"])[0];
    const items = [...asArray(rdf["item"]), ...(isNode(channel) ? asArray(channel["item"]) : [])];
    return { title: textOf(isNode(channel) ? channel["title"] : undefined), items: rssItems(items, baseOf(rdf, baseUrl)) };
  }
  const feed = doc["feed"];
  if (feed !== undefined) {
    const base = baseOf(feed, baseUrl);
    const node = isNode(feed) ? feed : {};
    return { title: textOf(node["title"]), items: atomItems(asArray(node["entry"]), base) };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith("?") && !k.startsWith("#") && !k.startsWith("!"));
  throw new InputError(baseUrl, `not an RSS or Atom feed: ${root ? `root element is <${root}>` : "not XML"}`);
}

/** Decides whether a fetched resource is a feed, from its media type or its first bytes. */
export function looksLikeFeed(mediaType: string, bytes: Uint8Array): boolean {
  if (FEED_MEDIA_TYPES.has(mediaType.toLowerCase())) return true;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const head = Buffer.from(bytes.subarray(i, i + 16)).toString("latin1").toLowerCase();
  return head.startsWith("<?xml") || head.startsWith("<rss") || head.startsWith("<feed") || head.startsWith("<rdf:rdf");
}
