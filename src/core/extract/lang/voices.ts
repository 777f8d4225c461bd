// Names of sources in any script: the registry's aliases in Persian, Arabic and French (and
// English) are found in folded text and give the registry's Latin short name, so a claim in any
// language lands on the same voice as the English ones.
import type { SourceEntry, SourceRegistry } from "../../sources.js";
import { fold } from "../../text/fold.js";

/** A source named in a sentence. */
export interface VoiceHit {
  start: number;
  end: number;
  name: string;
}

interface Alias {
  key: string;
  entry: SourceEntry;
  /** All-capital Latin acronyms ("UN", "AP") match with their case only. */
  exactCase: boolean;
}

/** Aliases by their first word, longest first. */
type AliasIndex = Map<string, Alias[]>;
const indexes = new WeakMap<SourceRegistry, AliasIndex>();
const LETTER = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const CLITIC = /^[وبلف]/u;

/** Lower-cases and folds a text for alias search; the same length as its input. */
export function searchForm(s: string): string {
  // Elided articles ("l'ONU", "d'Amnesty") become a space, so the name stands alone.
  return s.includes("'") ? s.replace(/\b([ldjnsc]|qu)'(?=\p{L})/giu, (m) => " ".repeat(m.length)) : s;
}

function indexOf(registry: SourceRegistry): AliasIndex {
  let index = indexes.get(registry);
  if (!index) {
    index = new Map();
    for (const entry of registry.data.sources) {
      for (const a of new Set([entry.short, entry.name, ...entry.aliases])) {
        // The alias in the same search form as the text ("droits de l'homme" loses its article there too).
        const folded = searchForm(fold(a)).trim();
        if (folded.length < 2) continue;
        const exactCase = /^[A-Z0-9.&-]+$/.test(folded) && folded.length <= 5;
        const key = exactCase ? folded : folded.toLowerCase();
        const first = (key.toLowerCase().match(WORD) ?? [])[0];
        if (!first || !key.toLowerCase().startsWith(first)) continue;
        const list = index.get(first) ?? [];
        list.push({ key, entry, exactCase });
        list.sort((x, y) => y.key.length - x.key.length);
        index.set(first, list);
      }
    }
    indexes.set(registry, index);
  }
  return index;
}

/** Registry sources named in a folded sentence, longest names first where they overlap. */
export function findVoices(s: string, registry: SourceRegistry): VoiceHit[] {
  const index = indexOf(registry);
  const text = searchForm(s);
  const lower = text.toLowerCase();
  const hits: VoiceHit[] = [];
  const tryAt = (word: string, at: number): boolean => {
    const candidates = index.get(word);
    if (!candidates) return false;
    for (const a of candidates) {
      const hay = a.exactCase ? text : lower;
      const end = at + a.key.length;
      if (!hay.startsWith(a.key, at) || (end < hay.length && LETTER.test(hay[end] as string))) continue;
      if (!hits.some((h) => at < h.end && h.start < end)) hits.push({ start: at, end, name: a.entry.short });
      return true;
    }
    return false;
  };
  for (const m of lower.matchAll(WORD)) {
    // A Persian or Arabic clitic may stand before the name ("بحسب", "لمنظمة").
    if (!tryAt(m[0], m.index) && m[0].length > 2 && CLITIC.test(m[0])) tryAt(m[0].slice(1), m.index + 1);
  }
  return hits;
}
