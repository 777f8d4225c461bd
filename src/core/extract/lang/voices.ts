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

const indexes = new WeakMap<SourceRegistry, Alias[]>();
const LETTER = /[\p{L}\p{N}]/u;

/** Lower-cases and folds a text for alias search; the same length as its input. */
export function searchForm(s: string): string {
  // Elided articles ("l'ONU", "d'Amnesty") become a space, so the name stands alone.
  return s.replace(/\b([ldjnsc]|qu)'(?=\p{L})/giu, (m) => " ".repeat(m.length));
}

function aliasesOf(registry: SourceRegistry): Alias[] {
  let list = indexes.get(registry);
  if (!list) {
    list = [];
    for (const entry of registry.data.sources) {
      for (const a of new Set([entry.short, entry.name, ...entry.aliases])) {
        const key = fold(a).trim();
        if (key.length < 2) continue;
        const exactCase = /^[A-Z0-9.&-]+$/.test(key) && key.length <= 5;
        list.push({ key: exactCase ? key : key.toLowerCase(), entry, exactCase });
      }
    }
    list.sort((x, y) => y.key.length - x.key.length);
    indexes.set(registry, list);
  }
  return list;
}

/** Registry sources named in a folded sentence, longest names first where they overlap. */
export function findVoices(s: string, registry: SourceRegistry): VoiceHit[] {
  const text = searchForm(s);
  const lower = text.toLowerCase();
  const hits: VoiceHit[] = [];
  for (const a of aliasesOf(registry)) {
    const hay = a.exactCase ? text : lower;
    let from = 0;
    for (;;) {
      const at = hay.indexOf(a.key, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + a.key.length;
      const before = at > 0 ? hay[at - 1] as string : " ";
      const after = end < hay.length ? hay[end] as string : " ";
      // Whole words, except a Persian or Arabic clitic before the name ("بحسب", "لمنظمة").
      const arabicScript = /[\u0600-\u06ff]/.test(a.key);
      const okBefore = !LETTER.test(before) || (arabicScript && /[وبلف]/.test(before) && (at < 2 || !LETTER.test(hay[at - 2] as string)));
      if (!okBefore || LETTER.test(after)) continue;
      if (hits.some((h) => at < h.end && h.start < end)) continue;
      hits.push({ start: at, end, name: a.entry.short });
    }
  }
  return hits.sort((x, y) => x.start - y.start);
}
