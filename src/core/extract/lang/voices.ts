// Names of sources in any script: the registry's aliases in Persian, Arabic and French (and
// English) are found in folded text and give the registry's Latin short name, so a claim in any
// language lands on the same voice as the English ones.
import type { SourceEntry, SourceRegistry } from "../../sources.js";
import { fold } from "../../text/fold.js";
import { eachWord, lowerCase, WordSet } from "./words.js";

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

/** Aliases by their first word, longest first, and those first words for lookups by hash. */
interface AliasIndex {
  byFirst: Map<string, Alias[]>;
  words: WordSet;
}
const indexes = new WeakMap<SourceRegistry, AliasIndex>();
const LETTER = /[\p{L}\p{N}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
/** Letters that may cling to the front of a name ("و", "ب", "ل", "ف"). */
const CLITICS = new Set([..."وبلف"].map((c) => c.charCodeAt(0)));

/** Lower-cases and folds a text for alias search; the same length as its input. */
export function searchForm(s: string): string {
  // Elided articles ("l'ONU", "d'Amnesty") become a space, so the name stands alone.
  return s.includes("'") ? s.replace(/\b([ldjnsc]|qu)'(?=\p{L})/giu, (m) => " ".repeat(m.length)) : s;
}

function indexOf(registry: SourceRegistry): AliasIndex {
  let index = indexes.get(registry);
  if (!index) {
    const byFirst = new Map<string, Alias[]>();
    for (const entry of registry.data.sources) {
      for (const a of new Set([entry.short, entry.name, ...entry.aliases])) {
        // The alias in the same search form as the text ("droits de l'homme" loses its article there too).
        const folded = searchForm(fold(a)).trim();
        if (folded.length < 2) continue;
        const exactCase = /^[A-Z0-9.&-]+$/.test(folded) && folded.length <= 5;
        const key = exactCase ? folded : folded.toLowerCase();
        const first = (key.toLowerCase().match(WORD) ?? [])[0];
        if (!first || !key.toLowerCase().startsWith(first)) continue;
        const list = byFirst.get(first) ?? [];
        list.push({ key, entry, exactCase });
        list.sort((x, y) => y.key.length - x.key.length);
        byFirst.set(first, list);
        // Arabic "ل" + "ال" is written "لل" ("وفقاً للمرصد السوري"): the name after the clitic then opens with "ل".
        if (/^ال[\u0621-\u064a]/u.test(key)) {
          const lam = `ل${key.slice(2)}`;
          const lamFirst = (lam.match(WORD) ?? [])[0] as string;
          const lamList = byFirst.get(lamFirst) ?? [];
          lamList.push({ key: lam, entry, exactCase: false });
          lamList.sort((x, y) => y.key.length - x.key.length);
          byFirst.set(lamFirst, lamList);
        }
      }
    }
    index = { byFirst, words: new WordSet(byFirst.keys()) };
    indexes.set(registry, index);
  }
  return index;
}

/** Registry sources named in a folded sentence, longest names first where they overlap. */
export function findVoices(s: string, registry: SourceRegistry): VoiceHit[] {
  const index = indexOf(registry);
  const text = searchForm(s);
  const lower = lowerCase(text);
  const hits: VoiceHit[] = [];
  const tryAt = (word: string, at: number): boolean => {
    const candidates = index.byFirst.get(word);
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
  // Every word (the runs of /[\p{L}\p{N}]+/gu, looked up by hash), else the word after a Persian or
  // Arabic clitic ("بحسب", "لمنظمة").
  const words = index.words;
  eachWord(lower, (start, end, hash, tailHash) => {
    const word = words.at(lower, start, end, hash);
    if (word !== undefined && tryAt(word, start)) return;
    if (end - start <= 2 || !CLITICS.has(lower.charCodeAt(start))) return;
    const tail = words.at(lower, start + 1, end, tailHash);
    if (tail !== undefined) tryAt(tail, start + 1);
  });
  return hits;
}
