// Compact strings for what the linker keeps: a text built by concatenation is, in V8, a tree of
// its pieces (a "cons string", 32 bytes a node, every piece kept alive) until something reads it
// character by character. The reasons, ids and keys of a linking over a million claims are
// mostly such trees: flattening them once, when they are made, keeps one flat copy instead
// (about a third of the memory in bench/link.mjs), and the collector drops the pieces.

/** The same string, flattened (see above). Costs one pass over its characters, once. */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

import type { Period } from "../types.js";

/**
 * One shared copy of each distinct string: repeated values (places, dates, sources, document
 * names) read from a store arrive as separate copies of the same text, one per row.
 */
export class Interner {
  private readonly seen = new Map<string, string>();
  private readonly periods = new Map<string, Period>();

  /** The first copy seen of `s` (flattened). */
  get(s: string): string {
    const known = this.seen.get(s);
    if (known !== undefined) return known;
    const kept = flat(s);
    this.seen.set(kept, kept);
    return kept;
  }

  /** As get, null kept as null. */
  maybe(s: string | null): string | null {
    return s === null ? null : this.get(s);
  }

  /** One shared object for each distinct period, its dates shared too (the object is not to be changed). */
  period(p: Period): Period {
    const key = `${p.start}..${p.end}`;
    let kept = this.periods.get(key);
    if (!kept) {
      kept = { start: this.get(p.start), end: this.get(p.end) };
      this.periods.set(key, kept);
    }
    return kept;
  }

  /** How many distinct strings it holds. */
  get size(): number {
    return this.seen.size;
  }
}
