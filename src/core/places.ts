// The gazetteer: finding place names in text and reasoning about which place contains which.
//
// Known risks of matching capitalised names without context (accepted, not solved here):
// "Georgia" (also a US state), "Jordan", "Chad" and "Israel" (also people's names), "Turkey" at
// the start of a sentence about food, "Congo" (either Congo), "US" in shouted headlines and
// "Macedonia" (also a Greek region) are all taken as countries. Names of outlets and parties that
// contain a place ("Fars News", "Iran International", "Kurdistan Democratic Party") are listed in
// the gazetteer's nonPlaces and skipped. "Kurdistan" alone is Iran's province; "Iraqi Kurdistan"
// and "Iraq's Kurdistan" are the Kurdistan Region of Iraq.
import gazetteer from "./data/gazetteer.json" with { type: "json" };

/** Levels of the place hierarchy. */
export type PlaceKind = "country" | "province" | "city" | "prison" | "region";

/** One gazetteer entry; parent is the canonical name of the containing place. */
export interface Place {
  name: string;
  kind: PlaceKind;
  parent: string | null;
  aliases: string[];
  demonyms?: string[];
}

/** A place named in a text: canonical name, kind, [start, end) offsets and how it was named. */
export interface PlaceMatch {
  name: string;
  kind: PlaceKind;
  start: number;
  end: number;
  via: "name" | "alias" | "demonym";
}

interface GazetteerData {
  version: number;
  nonPlaces: string[];
  places: Place[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  place?: Place;
  via?: PlaceMatch["via"];
  blocked?: boolean;
}

const data = gazetteer as GazetteerData;
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Folds typographic apostrophes and hyphens so "Iraq’s" and "Iraq's" are the same token. */
function foldToken(t: string): string {
  if (t.length !== 1) return t;
  if (t === "\u2019" || t === "\u2018" || t === "`") return "'";
  if (t === "\u2010" || t === "\u2011" || t === "\u2013") return "-";
  return t;
}

function tokens(s: string): string[] {
  return Array.from(s.matchAll(TOKEN), (m) => foldToken(m[0]));
}

/** Plural of a demonym when English forms one by adding -s ("Iraqis", not "Chineses"). */
function demonymPlural(d: string): string | null {
  return /(?:ese|sh|ch|ss)$/.test(d) ? null : `${d}s`;
}

const byName = new Map<string, Place>();
const byKey = new Map<string, Place>();
/** Canonical names and aliases (lower-cased), without demonyms. */
const byNameKey = new Map<string, Place>();
const root: TrieNode = { next: new Map() };

function insert(phrase: string, entry: Omit<TrieNode, "next">): void {
  let node = root;
  for (const t of tokens(phrase)) {
    let child = node.next.get(t);
    if (!child) {
      child = { next: new Map() };
      node.next.set(t, child);
    }
    node = child;
  }
  // A canonical name beats an alias or demonym spelled the same way; first entry wins otherwise.
  if (entry.blocked) node.blocked = true;
  else if (!node.place || (entry.via === "name" && node.via !== "name")) {
    node.place = entry.place;
    node.via = entry.via;
  }
}

for (const p of data.places) {
  byName.set(p.name, p);
  insert(p.name, { place: p, via: "name" });
}
for (const p of data.places) {
  if (!byKey.has(p.name.toLowerCase())) byKey.set(p.name.toLowerCase(), p);
}
for (const p of data.places) {
  for (const a of p.aliases) {
    insert(a, { place: p, via: "alias" });
    if (!byKey.has(a.toLowerCase())) byKey.set(a.toLowerCase(), p);
  }
}
for (const [key, p] of byKey) byNameKey.set(key, p);
for (const p of data.places) {
  for (const d of p.demonyms ?? []) {
    insert(d, { place: p, via: "demonym" });
    const plural = demonymPlural(d);
    if (plural) insert(plural, { place: p, via: "demonym" });
    if (!byKey.has(d.toLowerCase())) byKey.set(d.toLowerCase(), p);
  }
}
for (const n of data.nonPlaces) insert(n, { blocked: true });

const NEXT_TOKEN = /\s*([\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}])/uy;

// Every name in the gazetteer starts with a capital letter, so only capitalised words can start
// one: words are /(?<![\p{L}\p{M}\p{N}])\p{Lu}[\p{L}\p{M}\p{N}]*/u. A hand-written scan
// finds the same words faster than that regex: ASCII by table, other code points by regex.
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;

/** Length (1 or 2 code units) of the code point at i when it is a letter, mark or digit; else 0. */
function wordCharAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c] as number;
  const cp = text.codePointAt(i) as number;
  return WORD_CHAR.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

/** True when the code point ending just before i is a letter, mark or digit. */
function wordCharBefore(text: string, i: number): boolean {
  if (i === 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c < 128) return ASCII_WORD[c] === 1;
  const lead = i >= 2 && c >= 0xdc00 && c <= 0xdfff ? text.charCodeAt(i - 2) : 0;
  const cp = lead >= 0xd800 && lead <= 0xdbff ? (text.codePointAt(i - 2) as number) : c;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

/** End of the capitalised word starting at i, or -1 when none starts there. */
function capitalisedWordAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  let j: number;
  if (c < 128) {
    if (c < 65 || c > 90) return -1;
    j = i + 1;
  } else {
    const cp = text.codePointAt(i) as number;
    if (!UPPER.test(String.fromCodePoint(cp))) return -1;
    j = i + (cp > 0xffff ? 2 : 1);
  }
  if (wordCharBefore(text, i)) return -1;
  for (let k = j < text.length ? wordCharAt(text, j) : 0; k > 0; k = j < text.length ? wordCharAt(text, j) : 0) j += k;
  return j;
}

/**
 * First words of names by their first two code units and length, as numbers: most capitalised
 * words ("The", "According") fail this test, which spares cutting them out to look them up.
 */
const firstWordShapes = new Set<number>();
const shapeOf = (text: string, start: number, end: number) =>
  (text.charCodeAt(start) * 0x10000 + (end - start > 1 ? text.charCodeAt(start + 1) : 0)) * 64 + Math.min(end - start, 63);
for (const word of root.next.keys()) firstWordShapes.add(shapeOf(word, 0, word.length));

/** Every place named in the text, left to right, longest name first, never overlapping. */
export function findPlaces(text: string): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  for (let start = 0; start < text.length; ) {
    const c = text.charCodeAt(start);
    if (c < 65 || (c > 90 && c < 128)) {
      start++; // not a capital: the common case, decided without a call
      continue;
    }
    const wordEnd = capitalisedWordAt(text, start);
    if (wordEnd < 0) {
      start++;
      continue;
    }
    let node = firstWordShapes.has(shapeOf(text, start, wordEnd)) ? root.next.get(text.slice(start, wordEnd)) : undefined;
    if (!node) {
      start = wordEnd;
      continue;
    }
    // Walk the trie token by token; remember the longest complete name seen.
    let best: TrieNode | null = null;
    let bestEnd = 0;
    let end = wordEnd;
    while (node) {
      if (node.place || node.blocked) {
        best = node;
        bestEnd = end;
      }
      NEXT_TOKEN.lastIndex = end;
      const t = NEXT_TOKEN.exec(text);
      if (!t || t[1] === undefined) break;
      node = node.next.get(foldToken(t[1]));
      end = NEXT_TOKEN.lastIndex;
    }
    if (!best) {
      start = wordEnd;
      continue;
    }
    // Tokens are whole words, so "Iran" is never found inside "Iranshahr" or "Iranian".
    if (best.place && !best.blocked) {
      out.push({ name: best.place.name, kind: best.place.kind, start, end: bestEnd, via: best.via ?? "name" });
    }
    start = bestEnd;
  }
  return out;
}

/** The gazetteer entry for a canonical name, alias or demonym (any case), or null. */
export function getPlace(name: string): Place | null {
  return byName.get(name) ?? byKey.get(name.trim().toLowerCase()) ?? null;
}

const ancestorCache = new Map<string, string[]>();

/** The gazetteer entry a canonical name or alias names (any case), or null: "Iran", not "Iranians". */
export function placeNamed(name: string): Place | null {
  return byName.get(name) ?? byNameKey.get(name.trim().toLowerCase()) ?? null;
}

/** Canonical names of the places containing this one, nearest first; [] when unknown. */
export function placeAncestors(name: string): string[] {
  const p = getPlace(name);
  if (!p) return [];
  const cached = ancestorCache.get(p.name);
  if (cached) return cached;
  const chain: string[] = [];
  for (let parent = p.parent; parent !== null && !chain.includes(parent); ) {
    chain.push(parent);
    parent = byName.get(parent)?.parent ?? null;
  }
  ancestorCache.set(p.name, chain);
  return chain;
}

/** The canonical name of a place, or the input trimmed when the gazetteer does not know it. */
export function canonicalPlace(name: string): string {
  return getPlace(name)?.name ?? name.trim();
}

/** True when outer is the same place as inner or one of its ancestors. */
export function placeContains(outer: string, inner: string): boolean {
  const o = canonicalPlace(outer);
  const i = canonicalPlace(inner);
  if (o.toLowerCase() === i.toLowerCase()) return true;
  return placeAncestors(i).includes(o);
}

/** The country a place lies in (itself when it is one), or null when unknown. */
export function placeCountry(name: string): string | null {
  const p = getPlace(name);
  if (!p) return null;
  if (p.kind === "country") return p.name;
  for (const a of placeAncestors(p.name)) {
    if (byName.get(a)?.kind === "country") return a;
  }
  return null;
}

/**
 * The most specific place among matches: the deepest one when all lie on one chain (a prison in
 * a city in Iran gives the prison); otherwise their nearest common ancestor (two cities of one
 * country give the country, two cities of one province the province), or null when they share
 * none (two countries).
 */
export function mostSpecificPlace(matches: PlaceMatch[]): string | null {
  const names = [...new Set(matches.map((m) => m.name))];
  const first = names[0];
  if (first === undefined) return null;
  let deepest = first;
  let oneChain = true;
  for (const n of names.slice(1)) {
    if (placeContains(deepest, n)) deepest = n;
    else if (!placeContains(n, deepest)) {
      oneChain = false;
      break;
    }
  }
  if (oneChain) return deepest;
  const common = [first, ...placeAncestors(first)];
  for (const n of names.slice(1)) {
    const chain = new Set([n, ...placeAncestors(n)]);
    for (let k = common.length - 1; k >= 0; k--) {
      if (!chain.has(common[k] as string)) common.splice(k, 1);
    }
  }
  return common[0] ?? null;
}

/** Every place of the gazetteer (for listings and validation). */
export function allPlaces(): readonly Place[] {
  return data.places;
}
