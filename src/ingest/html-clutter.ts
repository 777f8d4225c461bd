// Removes page clutter (menus, share bars, teaser boxes, banners) from a parsed HTML document.
import {
  CLUTTER_ATTRIBUTE_WORDS,
  CLUTTER_HEADINGS,
  CLUTTER_LINE_MAX,
  CLUTTER_LINES,
  CLUTTER_ROLES,
  CLUTTER_TAGS,
} from "./clutter-patterns.js";
import { all, type DomDocument, type DomElement } from "./dom.js";
import { textLengths } from "./text-lengths.js";

const PROTECTED = new Set(["html", "head", "body", "main", "article"]);
const LINE_TAGS = "p, li, div, span, small, section, footer, header, dd, h2, h3, h4, h5, h6, strong, b, em, ul, ol";
const HEADING_TAGS = "h2, h3, h4, h5, h6, p, strong, b, span, div, header, summary, caption";
const BLOCK_CHILDREN = new Set(["p", "div", "li", "section", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "table", "article", "main", "pre", "dl"]);
/** Raw text length above which an element cannot be a clutter heading or line (whitespace included). */
const SHORT_RAW_MAX = 4 * CLUTTER_LINE_MAX;
const LIST_LIKE = new Set(["ul", "ol", "div", "section", "nav", "dl", "table"]);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const ATTRIBUTE_PATTERN = new RegExp(
  `(?:^|[^a-z0-9])(?:${CLUTTER_ATTRIBUTE_WORDS.map((w) => w.split(" ").map(escape).join("[-_]*")).join("|")})(?:$|[^a-z0-9])`,
);
const ROLES = new Set(CLUTTER_ROLES);

const textOf = (el: DomElement): string => (el.textContent ?? "").replace(/\s+/g, " ").trim();

/** Lower-cased class, id and aria-label with camelCase split, for matching clutter words. */
function attributeWords(el: DomElement): string {
  const raw = [el.getAttribute("class"), el.getAttribute("id"), el.getAttribute("aria-label")]
    .filter((v): v is string => !!v)
    .join(" ");
  if (raw.length > 2000) return raw.slice(0, 2000).toLowerCase();
  return raw.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
}

/** True when an element's class, id, aria-label or role marks it as page clutter. */
export function looksLikeClutter(el: DomElement): boolean {
  const role = (el.getAttribute("role") ?? "").trim().toLowerCase();
  if (role && ROLES.has(role)) return true;
  const words = attributeWords(el);
  return words !== "" && ATTRIBUTE_PATTERN.test(words);
}

/** True when a short piece of text reads as a clutter heading ("Related articles", "Tags"). */
export function isClutterHeading(text: string): boolean {
  return text.length > 0 && text.length <= 60 && CLUTTER_HEADINGS.some((re) => re.test(text));
}

/** True when a short piece of text is a clutter line (tags line, share bar, copyright). */
export function isClutterLine(text: string): boolean {
  return text.length > 0 && text.length <= CLUTTER_LINE_MAX && CLUTTER_LINES.some((re) => re.test(text));
}

/** Removes clutter elements from `doc` in place. */
export function removeClutter(doc: DomDocument): void {
  for (const el of all(doc.querySelectorAll(CLUTTER_TAGS.join(", ")))) {
    if (el.localName !== "meta" && el.localName !== "link") el.remove();
    else if (el.closest("body")) el.remove();
  }
  const body = doc.body;
  if (!body) return;
  removeHidden(body);
  removeChrome(body);
  // Lengths are measured once, before removals: stale values only overstate, which errs towards keeping.
  const lengths = textLengths(body);
  const bodyLength = lengths.get(body) ?? 0;
  const lengthOf = (el: DomElement): number => lengths.get(el) ?? Number.POSITIVE_INFINITY;
  const mayRemove = (el: DomElement): boolean => {
    if (PROTECTED.has(el.localName)) return false;
    const length = lengthOf(el);
    if (length > 500 && length >= bodyLength * 0.4) return false;
    return !el.querySelector("article, main");
  };
  /** Squashed text of an element whose raw text is short enough to be a label or a line; else null. */
  const shortText = (el: DomElement): string | null => (lengthOf(el) <= SHORT_RAW_MAX ? textOf(el) : null);
  for (const el of all(body.querySelectorAll("*"))) {
    if (looksLikeClutter(el) && mayRemove(el)) el.remove();
  }
  for (const el of all(body.querySelectorAll(HEADING_TAGS))) {
    if (!isClutterHeading(shortText(el) ?? "") || !mayRemove(el)) continue;
    removeWithItsBox(el, mayRemove);
  }
  for (const el of all(body.querySelectorAll(LINE_TAGS))) {
    if (isClutterLine(shortText(el) ?? "") && !holdsContentBlocks(el) && mayRemove(el)) el.remove();
  }
}

/** Removes a clutter heading, the list that follows it, and a box left holding only links. */
function removeWithItsBox(heading: DomElement, mayRemove: (el: DomElement) => boolean): void {
  const parent = heading.parentElement;
  const next = heading.nextElementSibling;
  heading.remove();
  if (next && LIST_LIKE.has(next.localName) && isLinkList(next) && mayRemove(next)) next.remove();
  if (parent && !PROTECTED.has(parent.localName) && mayRemove(parent) && (textOf(parent) === "" || isLinkList(parent))) {
    parent.remove();
  }
}

/** True when an element holds a block child whose text is not itself a clutter line. */
function holdsContentBlocks(el: DomElement): boolean {
  for (const child of all(el.children)) {
    if (!BLOCK_CHILDREN.has(child.localName)) continue;
    const text = textOf(child);
    if (text !== "" && !isClutterLine(text) && !isClutterHeading(text)) return true;
  }
  return false;
}

/** True when most of an element's text sits inside links (a teaser list, a tag cloud). */
function isLinkList(el: DomElement): boolean {
  const total = textOf(el).length;
  if (total === 0) return true;
  const linked = all(el.querySelectorAll("a")).reduce((sum, a) => sum + textOf(a).length, 0);
  return linked / total >= 0.6;
}

/** Removes elements the page hides from readers. */
function removeHidden(body: DomElement): void {
  for (const el of all(body.querySelectorAll("[hidden], [aria-hidden=true], [style]"))) {
    const style = (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
    if (el.getAttribute("hidden") !== null || el.getAttribute("aria-hidden") === "true" ||
        style.includes("display:none") || style.includes("visibility:hidden")) {
      el.remove();
    }
  }
}

/** Removes site headers and footers (those outside the article; a header holding the h1 stays). */
function removeChrome(body: DomElement): void {
  for (const el of all(body.querySelectorAll("header, footer"))) {
    if (el.parentElement?.closest("article, main")) continue;
    if (el.localName === "header" && el.querySelector("h1")) continue;
    el.remove();
  }
}
