// The tokens of a sentence and the event words and phrases they match, shared by the readers
// of the noun phrase after a figure (head.ts), of the event words around it (triggers.ts) and by
// associate.ts.
import type { EventType } from "../types.js";
import { EVENT_NOUNS, EVENT_OF_NOUNS, EVENT_PHRASES, EVENT_VERBS } from "./lexicon.js";
import { scanWords, type Word } from "./scan.js";

/** A figure that counts an event, with the extent of its noun phrase. */
export interface CountedEvent {
  event: EventType;
  /** End (sentence-relative) of the counted noun phrase ("12 child offenders"). */
  npEnd: number;
  /** Where the event word stands (sentence-relative). */
  triggerStart: number;
  how: "event-noun" | "passive" | "active" | "noun-of" | "state";
}

export type Tok = Word;

/** Tokenises a sentence into words, figures and the punctuation that breaks phrases. */
export function tokens(s: string): Tok[] {
  // The tokens of /[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?|[,;:()"\u2013\u2014]/g.
  return scanWords(s, true, true);
}

/**
 * The event a word names by one of the lists' patterns, remembered per word: the same few
 * thousand words come back in every sentence. The memory is emptied when it grows large.
 */
function wordMatcher(list: [RegExp, EventType][]): (lower: string) => EventType | null {
  const memo = new Map<string, EventType | null>();
  return (lower) => {
    let ev = memo.get(lower);
    if (ev === undefined) {
      ev = null;
      for (const [re, e] of list) {
        if (re.test(lower)) {
          ev = e;
          break;
        }
      }
      if (memo.size >= 20_000) memo.clear();
      memo.set(lower, ev);
    }
    return ev;
  };
}

export const matchVerb = wordMatcher(EVENT_VERBS);
export const matchEventNoun = wordMatcher(EVENT_NOUNS);
export const matchEventOfNoun = wordMatcher(EVENT_OF_NOUNS);

/**
 * EVENT_PHRASES that can match at a character: the patterns are sticky and most start with
 * \b and a letter, so only those starting with the character there (and any others) are tried.
 */
const firstLetter = (re: RegExp) => (re.sticky && !re.ignoreCase ? /^\\b([a-z])/.exec(re.source)?.[1] : undefined);
const PHRASES_BY_FIRST = new Map<string, [RegExp, EventType][]>();
for (const c of "abcdefghijklmnopqrstuvwxyz") {
  PHRASES_BY_FIRST.set(c, EVENT_PHRASES.filter(([re]) => firstLetter(re) === c || firstLetter(re) === undefined));
}
const PHRASES_ANYWHERE = EVENT_PHRASES.filter(([re]) => firstLetter(re) === undefined);

/** A multi-word event phrase starting at this offset of the lower-cased sentence. */
export function phraseAt(lowerSentence: string, at: number): { event: EventType; end: number } | null {
  for (const [re, ev] of PHRASES_BY_FIRST.get(lowerSentence[at] ?? "") ?? PHRASES_ANYWHERE) {
    re.lastIndex = at;
    const m = re.exec(lowerSentence);
    if (m) return { event: ev, end: at + m[0].length };
  }
  return null;
}

/** "sentenced … to death": a death sentence when "to death" follows within a few words. */
export function deathSentenceAfter(lower: string, from: number): boolean {
  return /^(?:[^.;]{0,80}?)\bto death\b/.test(lower.slice(from, from + 100));
}
