// Small helpers the packs share: patterns written in ordinary spelling, folded, with word edges
// that work for every script (\b knows only ASCII letters).
import { fold } from "../../text/fold.js";
import type { NumberHit, NumberWord } from "./pack.js";

/**
 * A pattern from ordinary spelling: folded (see text/fold.ts), "‹" a word start and "›" a word
 * end. Always Unicode-aware; case-insensitive and global unless told otherwise.
 */
export function rx(source: string, flags = "giu"): RegExp {
  const body = fold(source).replace(/‹/g, "(?<![\\p{L}\\p{N}])").replace(/›/g, "(?![\\p{L}])");
  return new RegExp(body, flags.includes("u") ? flags : flags + "u");
}

/** The word-edge assertions patterns open with ("‹" and its French form). */
const EDGE = /\(\?<!\[\\p\{L\}(?:\\p\{N\})?\]\)/g;
const hints = new WeakMap<RegExp, RegExp | null>();
const probes = new WeakMap<RegExp, RegExp | null>();
const NONE: readonly RegExpExecArray[] = [];

/**
 * A cheap necessary condition for a pattern: the pattern without its word-edge lookbehinds (an
 * assertion dropped only widens what matches). A pattern opening with a lookbehind is scanned
 * slowly by the engine (no quick check of its first characters); without it, several times faster.
 * Null when the pattern has no such assertion, unless `always` (then the pattern, not global).
 */
function hintOf(re: RegExp, always = false): RegExp | null {
  const cache = always ? probes : hints;
  let hint = cache.get(re);
  if (hint === undefined) {
    const source = re.source.replace(EDGE, "");
    hint = null;
    if (source !== re.source || always) {
      try {
        hint = new RegExp(source, re.flags.replace(/[gy]/g, ""));
      } catch {
        hint = null;
      }
    }
    cache.set(re, hint);
  }
  return hint;
}

/**
 * `s.matchAll(re)` (re global), passing over a text the pattern cannot match after a faster test
 * (the hint, else the pattern itself not global: most texts hold no match, and a test is cheaper
 * than the copy of the pattern and the iterator matchAll makes).
 */
export function matchesOf(re: RegExp, s: string): Iterable<RegExpExecArray> {
  const hint = hintOf(re, true);
  return hint !== null && !hint.test(s) ? NONE : s.matchAll(re);
}

/** `re.test(s)` for a pattern that is not global, after the same faster test. */
export function testOf(re: RegExp, s: string): boolean {
  if (re.global || re.sticky) return re.test(s);
  const hint = hintOf(re);
  return (hint === null || hint.test(s)) && re.test(s);
}

/** A word table in ordinary spelling, folded: word → value. */
export function table(entries: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(entries).map(([k, v]) => [fold(k), v]));
}

/** Word tables in the order they are searched, each with the kind of number word it holds. */
export type WordTables = readonly (readonly [ReadonlyMap<string, number>, NumberWord["kind"]])[];

/** The number word a token is in the first table that holds it, or null. */
export function wordFromTables(w: string, tables: WordTables): NumberWord | null {
  for (const [t, kind] of tables) {
    const value = t.get(w);
    if (value !== undefined) return { value, kind };
  }
  return null;
}

/** The figure ending right before a position (only spaces between), if any. */
export function numberEndingAt(nums: NumberHit[], pos: number, s: string): NumberHit | null {
  for (const n of nums) if (n.end <= pos && /^\s*$/.test(s.slice(n.end, pos))) return n;
  return null;
}

/** The figure starting right after a position (only spaces between), if any. */
export function numberStartingAt(nums: NumberHit[], pos: number, s: string): NumberHit | null {
  for (const n of nums) if (n.start >= pos && /^\s*$/.test(s.slice(pos, n.start))) return n;
  return null;
}

/** True when no time expression found so far overlaps [start, end). */
export function isFree(hits: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return !hits.some((h) => start < h.end && h.start < end);
}

/** Removes the time expressions that overlap [start, end) (a wider expression replaces them). */
export function dropOverlaps(hits: { start: number; end: number }[], start: number, end: number): void {
  for (let i = hits.length - 1; i >= 0; i--) {
    const h = hits[i] as { start: number; end: number };
    if (h.start < end && start < h.end) hits.splice(i, 1);
  }
}

/**
 * "منذ بداية العام وحتى نهاية تشرين الثاني", "depuis le début de l'année jusqu'à fin septembre": two
 * times joined by "until" (the gap between them matches `until`, anchored ^…$) are one interval,
 * from the first's start to the second's end. Hits sorted by start.
 */
export function joinUntil<T extends { start: number; end: number; period: { start: string; end: string }; year?: number }>(hits: T[], s: string, until: RegExp): T[] {
  const out: T[] = [];
  for (const h of hits) {
    const prev = out[out.length - 1];
    if (prev && until.test(s.slice(prev.end, h.start)) && prev.period.start <= h.period.end) {
      out[out.length - 1] = { ...h, start: prev.start, period: { start: prev.period.start, end: h.period.end } };
    } else out.push(h);
  }
  return out;
}
