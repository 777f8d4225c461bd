// Decides whether a figure counts victims of an event, and of which event: "27 prisoners were
// executed", "executed at least 12 child offenders", "the death of 1,500 protesters",
// "four executions", "raising to 61 the count of the dead", "90 others are on death row".
import type { EventType } from "../types.js";
import {
  EVENT_NOUNS, EVENT_OF_NOUNS, EVENT_PHRASES, EVENT_VERBS, NON_COUNT_UNITS, PHRASE_STOPS, VERB_GAP, VICTIM_NOUNS,
  WEAK_VICTIM_NOUNS,
} from "./lexicon.js";
import type { NumberMention } from "./numbers.js";

/** A figure that counts an event, with the extent of its noun phrase. */
export interface CountedEvent {
  event: EventType;
  /** End (sentence-relative) of the counted noun phrase ("12 child offenders"). */
  npEnd: number;
  /** Where the event word stands (sentence-relative). */
  triggerStart: number;
  how: "event-noun" | "passive" | "active" | "noun-of" | "state";
}

interface Tok {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z]+(?:['-][A-Za-z]+)*|\d+(?:,\d{3})*(?:\.\d+)?|[,;:()"\u2013\u2014]/g;

/** Tokenises a sentence into words, figures and the punctuation that breaks phrases. */
export function tokens(s: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(s)) !== null) out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

const MONTH_WORDS = new Set(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]);
const PAGE_WORD_LIST = ("page pages p pp para paragraph paragraphs article articles chapter section resolution no nos number item " +
  "line case code law bill tel telephone phone fax ext room ward block cell hall unit session clause annex table figure fig " +
  "footnote note vol volume issue route highway km flight station").split(" ");
const PAGE_WORDS = new RegExp(`\\b(?:${PAGE_WORD_LIST.join("|")})\\.?\\s*$`, "i");
const PAGE_WORD_SET = new Set(PAGE_WORD_LIST);
const CURRENCY_BEFORE = /(?:[$\u20ac\u00a3\u00a5]|US\$|USD|EUR|GBP|IRR|Rs\.?)\s*$/;
/** Last characters that CURRENCY_BEFORE can end on (before spaces). */
const CURRENCY_LAST = new Set(["$", "\u20ac", "\u00a3", "\u00a5", "D", "R", "P", "s", "."]);

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** How a text ends: its last character before spaces, and the word there (lower-cased, maybe before one dot). */
interface Tail {
  last: string;
  word: string;
  dotted: boolean;
}

/** The tail of the text before a figure. The patterns on that text that end in `\s*$` need certain words there. */
function tailOf(before: string): Tail {
  let e = before.length;
  while (e > 0 && isSpace(before.charCodeAt(e - 1))) e--;
  const last = e > 0 ? (before[e - 1] as string) : "";
  const dotted = last === ".";
  const wordEnd = dotted ? e - 1 : e;
  let b = wordEnd;
  while (b > 0 && isAsciiLetter(before.charCodeAt(b - 1))) b--;
  return { last, word: before.slice(b, wordEnd).toLowerCase(), dotted };
}

/** "peaking at 98", "put the number … at 40", "stood at 12": a level, not an age. */
const LEVEL_AT = /\b(?:peak(?:ed|ing|s)?|stood|stands|standing|put|puts|putting|placed|places|estimated|estimates|set|sets|totall?(?:ed|ing)|reached|number(?:ed)?|toll|tally|count|figure)\b[^.;]{0,80}\bat\s*$/i;

/** Why a figure is not a count of people (a year, an age, a date, money…), or null. */
export function nonCountReason(s: string, n: NumberMention): string | null {
  const before = s.slice(Math.max(0, n.start - 30), n.start);
  const after = s.slice(n.end, n.end + 30);
  if (n.kind === "digits" && /^(?:19|20)\d{2}$/.test(s.slice(n.start, n.end)) && !/^\s+(?:[a-z]+\s+){0,2}(?:people|persons|prisoners|protesters|executions|deaths|killings|arrests|detainees|individuals|civilians|men|women|children)\b/i.test(after)) return "year";
  if (/^\s*(?:%|per ?cent\b|percent\b|percentage)/i.test(after)) return "percentage";
  if (/^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|in the (?:morning|afternoon|evening)\b)/i.test(after)) return "time or ratio";
  // Each pattern on `before` that ends in \s*$ is tried only when the tail has the word or
  // character it ends on; the patterns still decide.
  const tail = tailOf(before);
  const word = tail.dotted ? "" : tail.word;
  if (CURRENCY_LAST.has(tail.last) && CURRENCY_BEFORE.test(before)) return "money";
  if (/^\s*(?:dollars?|euros?|rials?|tomans?|pounds?|usd|eur|million dollars|billion)\b/i.test(after)) return "money";
  if (/^\s*-?\s*(?:year|month|week|day|hour|minute)s?[- ]old\b/i.test(after) || ((word === "age" || word === "aged" || word === "of") && /\b(?:aged?|age of|ages of)\s*$/i.test(before))) return "age";
  if (/^\s*-\s*(?:year|month|day|week|hour)\b/i.test(after)) return "duration";
  if (PAGE_WORD_SET.has(tail.word) && PAGE_WORDS.test(before)) return "reference number";
  const prevWord = tail.word || undefined; // what /([A-Za-z]+)\.?\s*$/ finds, lower-cased
  if (prevWord && MONTH_WORDS.has(prevWord) && n.kind === "digits") return "date";
  if (/^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after) && n.kind === "digits" && n.value <= 31) return "date";
  // "10:30", "3/4", "2 / 3"; not a label "2023: 834".
  if (/^(?::\d|\s*\/\s*\d)/.test(after) || ((tail.last === ":" || tail.last === "/") && /\d(?::|\s*\/\s*)$/.test(before))) return "time or ratio";
  if (/^[\s.-]?\d/.test(after) && /(?:\+|\(0?\d{2,4}\)\s*|\d[\s.-])$/.test(before)) return "phone number";
  if (/^[\s.-]\d{2,}[\s.-]\d{2,}/.test(after)) return "phone number";
  if (/^\s*(?:single|sole|lone)\b/i.test(after) || (n.value === 1 && /^\s*of\b/i.test(after))) return "not a count";
  if ((word === "single" || word === "sole") && /\b(?:one|a) (?:single|sole)\s*$/i.test(before)) return "not a count";
  if (/^\s*(?:times|fold)\b/i.test(after)) return "multiplier";
  // "126 more than in the same period": a difference between two counts.
  if (/^\s+(?:more|fewer|less)\s+than\b/i.test(after) && !/\b(?:more|fewer|less)\s+than\s*$/i.test(before)) return "a difference";
  // "the ninth year in a row with fewer than 50": a threshold, not a count.
  if (/\b(?:years?|months?|weeks?)\s+(?:in a row\s+)?(?:with|of)\s+(?:fewer|less|more)\s+than\s*$/i.test(s.slice(Math.max(0, n.start - 50), n.start))) return "a threshold";
  if ((word === "of" || word === "the" || word === "those" || word === "these") && /\d\s+of\s+(?:the\s+|those\s+|these\s+)?$/i.test(before)) return "total of a partitive";
  if (n.kind === "digits" && n.value < 110 && /^\s*,/.test(after) && /[A-Za-z]\s*,\s*$/.test(before)) return "age";
  const wide = s.slice(n.end, n.end + 60);
  if (/^\s*(?:[a-z-]+\s+){0,3}?(?:a|per|each|every(?:\s+single)?)\s+(?:day|week|month|year|hour)\b/i.test(wide) && !/^\s*(?:[a-z-]+\s+){0,3}?(?:a|per|every|each)\s+(?:day|week|month|year)\s+(?:ago|earlier|later|before)/i.test(wide)) return "rate";
  // "On average, over three men were hanged": an average is a rate, not a count.
  if (/\b(?:on average|an average of|averaging|average of)\b[^.;]{0,30}$/i.test(s.slice(Math.max(0, n.start - 60), n.start))) return "rate";
  // "one out of seven executions", "one in every five": a proportion, neither figure a count.
  if (/\b(?:one|1)\s+(?:out\s+of|in)\s+(?:every\s+)?$/i.test(before)) return "ratio";
  if (n.value === 1 && /^\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(after)) return "ratio";
  if (word === "at" && /\bat\s*$/i.test(before) && !/\bat (?:least|most)\s*$/i.test(before) && !LEVEL_AT.test(s.slice(Math.max(0, n.start - 90), n.start)) && n.value < 120 && /^\s*(?:[.,;)]|$|\s(?:and|or|in|on|by|after|before|when|for)\b)/i.test(after)) return "age";
  return null;
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

const matchVerb = wordMatcher(EVENT_VERBS);
const matchEventNoun = wordMatcher(EVENT_NOUNS);
const matchEventOfNoun = wordMatcher(EVENT_OF_NOUNS);

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
function phraseAt(lowerSentence: string, at: number): { event: EventType; end: number } | null {
  for (const [re, ev] of PHRASES_BY_FIRST.get(lowerSentence[at] ?? "") ?? PHRASES_ANYWHERE) {
    re.lastIndex = at;
    const m = re.exec(lowerSentence);
    if (m) return { event: ev, end: at + m[0].length };
  }
  return null;
}

/** "sentenced … to death": a death sentence when "to death" follows within a few words. */
function deathSentenceAfter(lower: string, from: number): boolean {
  return /^(?:[^.;]{0,80}?)\bto death\b/.test(lower.slice(from, from + 100));
}

interface Head {
  kind: "victim" | "weak" | "event" | "none" | "other";
  event?: EventType;
  /** Index of the first token after the noun phrase. */
  next: number;
  end: number;
}

/** Reads the noun phrase after a figure: "12 child offenders", "four executions", "56 cities". */
function readHead(toks: Tok[], i: number, lower: string, phraseEnd: number): Head {
  let j = i;
  // Skip tokens inside the figure phrase (qualifier after it, "odd").
  while (j < toks.length && (toks[j] as Tok).start < phraseEnd) j++;
  // "two more hangings", "five additional prisoners": the noun comes after the adjective.
  if (/^(?:more|additional|further|other|new)$/.test(toks[j]?.lower ?? "") && toks[j + 1] && toks[j + 1]?.lower !== "than" && /^[a-z]/.test(toks[j + 1]?.lower ?? "")) j++;
  const first = toks[j];
  if (!first) return { kind: "none", next: j, end: phraseEnd };
  // "3,000 of their members", "28 of them", "thousands of protesters", "12 of the 20 detainees"
  if (first.lower === "of") {
    let k = j + 1;
    const skipTotal = (at: number) => (/^\d/.test(toks[at]?.lower ?? "") ? at + 1 : at);
    while (k < toks.length && k < j + 4 && /^(?:the|their|them|those|whom|its|his|her|these)$/.test((toks[k] as Tok).lower)) {
      const w = (toks[k] as Tok).lower;
      // "471 of those executions": the event noun after "those" names what is counted.
      const thoseEvent = w === "those" && toks[k + 1] !== undefined && matchEventNoun((toks[k + 1] as Tok).lower) !== null;
      if (w === "them" || w === "whom" || (w === "those" && !thoseEvent)) return { kind: "victim", next: k + 1, end: (toks[k] as Tok).end };
      k++;
    }
    k = skipTotal(k);
    // "13 of this month's executions", "40 of last year's arrests": a time before the noun.
    if (/^(?:this|last|that|the previous)$/.test(toks[k]?.lower ?? "") && /^(?:week|month|year)'s?$/.test(toks[k + 1]?.lower ?? "")) k += 2;
    else if (/^(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|december)'s?$/.test(toks[k]?.lower ?? "") && (toks[k]?.lower ?? "").includes("'")) k += 1;
    const h = readHead(toks, k, lower, (toks[k] as Tok | undefined)?.start ?? phraseEnd);
    return h.kind === "none" ? { kind: "other", next: k, end: phraseEnd } : h;
  }
  let consumedUnknown = false;
  let lastUnknown: Tok | null = null;
  for (let k = j; k < toks.length && k < j + 5; k++) {
    const t = toks[k] as Tok;
    // 21 "rioters": a word in quotation marks is the word.
    if (t.lower === '"' && /^[a-z]/.test(toks[k + 1]?.lower ?? "") && (k === j || toks[k + 2]?.lower === '"')) continue;
    if (/^[,;:()"\u2013\u2014]$/.test(t.lower)) break;
    // "death row prisoners", "death sentences"
    if (t.lower === "death" && (toks[k + 1]?.lower === "sentences" || toks[k + 1]?.lower === "sentence")) {
      // "133 death sentences were carried out": executions.
      const carried = /^\s+(?:were|have been|had been|was)\s+(?:[a-z]+ly\s+)?(?:carried out|implemented|enforced|executed)\b/.test(lower.slice((toks[k + 1] as Tok).end, (toks[k + 1] as Tok).end + 50));
      return { kind: "event", event: carried ? "execution" : "death_sentence", next: k + 2, end: (toks[k + 1] as Tok).end };
    }
    // "3,000 cases of torture", "12 cases of enforced disappearance": the cases are the events.
    if ((t.lower === "cases" || t.lower === "incidents" || t.lower === "instances") && toks[k + 1]?.lower === "of") {
      // "cases of arbitrary detention", "instances of enforced disappearance"
      const what = /^(?:enforced|forced|arbitrary|unlawful|illegal|extrajudicial|summary|alleged|custodial|involuntary)$/.test(toks[k + 2]?.lower ?? "") ? toks[k + 3] : toks[k + 2];
      const ev = what ? (what.lower === "torture" ? "torture" : matchEventNoun(what.lower)) : null;
      if (ev && what) return { kind: "event", event: ev, next: toks.indexOf(what) + 1, end: what.end };
    }
    // A verb phrase ends the noun phrase even in a title-case headline ("12 Gunned Down By …").
    if (k > j && phraseAt(lower, t.start)) return { kind: consumedUnknown ? "other" : "none", next: k, end: lastUnknown?.end ?? phraseEnd };
    if (k === j && phraseAt(lower, t.start)) return { kind: "none", next: k, end: phraseEnd };
    if (t.lower === "death" && toks[k + 1]?.lower === "row") {
      return { kind: "event", event: "death_row", next: k + 2, end: (toks[k + 1] as Tok).end };
    }
    const ev = matchEventNoun(t.lower);
    if (ev && !(t.lower === "dead" && k > j)) return { kind: "event", event: ev, next: k + 1, end: t.end };
    if (VICTIM_NOUNS.has(t.lower)) {
      // "12 child offenders": keep reading compound victim nouns.
      let e = k;
      while (e + 1 < toks.length && e < k + 2 && VICTIM_NOUNS.has((toks[e + 1] as Tok).lower)) e++;
      return { kind: "victim", next: e + 1, end: (toks[e] as Tok).end };
    }
    if (WEAK_VICTIM_NOUNS.has(t.lower)) {
      // "eleven members of the Baha'i faith", "followers of a Sufi order": a community's people.
      if (toks[k + 1]?.lower === "of") {
        for (let e = k + 2; e < toks.length && e <= k + 6; e++) {
          const w = (toks[e] as Tok).lower;
          if (/^[,;:()"]$/.test(w)) break;
          if (COMMUNITY.test(w)) return { kind: "victim", next: e + 1, end: (toks[e] as Tok).end };
        }
      }
      return { kind: "weak", next: k + 1, end: t.end };
    }
    if (NON_COUNT_UNITS.test(t.lower)) return { kind: "other", next: k + 1, end: t.end };
    if (PHRASE_STOPS.has(t.lower) || matchVerb(t.lower)) {
      if (consumedUnknown) return { kind: "other", next: k, end: lastUnknown?.end ?? t.start };
      return { kind: "none", next: k, end: phraseEnd };
    }
    if (/^\d/.test(t.lower)) return { kind: "other", next: k, end: t.start };
    if (/^[A-Z][a-z'-]+$/.test(t.text)) {
      const nextTok = toks[k + 1];
      // "Kurdish political prisoners", "Christian converts"; but "Islamists suspected of …" ends the phrase.
      const continues = nextTok && !PHRASE_STOPS.has(nextTok.lower) && !matchVerb(nextTok.lower) && /^[a-z]/.test(nextTok.lower) &&
        !(/(?:ists|ians|ans|is|ese|ites)$/.test(t.lower) && /(?:ed|en)$/.test(nextTok.lower));
      if (continues) continue;
      const allCapitalised = toks.slice(j, k).every((x) => /^[A-Z]/.test(x.text));
      if ((k === j || allCapitalised) && /(?:ans|ians|is|ese|ish|ists|ites|s)$/.test(t.lower)) return { kind: "weak", next: k + 1, end: t.end };
      // "one Somali", "a single Yemeni": one capitalised word that ends the phrase.
      if (k === j && (!nextTok || /^[,;:()"\u2013\u2014]$/.test(nextTok.lower) || PHRASE_STOPS.has(nextTok.lower))) return { kind: "weak", next: k + 1, end: t.end };
    }
    consumedUnknown = true;
    lastUnknown = t;
  }
  return { kind: consumedUnknown ? "other" : "none", next: j, end: lastUnknown?.end ?? phraseEnd };
}

/** Nouns naming a community whose members a report counts ("members of the Baha'i faith"). */
const COMMUNITY = /^(?:faith|community|communities|minority|minorities|religion|church|sect|order|party|movement|union|tribe|clan)$/;

/** Looks right after the noun phrase for "were executed", "killed by", "are on death row". */
function forwardTrigger(toks: Tok[], from: number, lower: string, maxGap: number, blocked: (t: Tok) => boolean): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  let gap = 0;
  for (let k = from; k < toks.length; k++) {
    const t = toks[k] as Tok;
    if (blocked(t)) return null;
    if (t.lower === ";" || t.lower === ":" ) return null;
    const phrase = phraseAt(lower, t.start);
    if (phrase) return { event: phrase.event, at: t.start, how: "passive" };
    if (t.lower === "on" && toks[k + 1]?.lower === "death" && toks[k + 2]?.lower === "row") return { event: "death_row", at: t.start, how: "state" };
    // "remain in detention", "held in custody": people detained.
    if (t.lower === "in" && /^(?:detention|custody)$/.test(toks[k + 1]?.lower ?? "") && /^(?:remain|remained|remains|are|were|is|was|still|held|kept|being)$/.test(toks[k - 1]?.lower ?? "")) return { event: "arrest", at: t.start, how: "state" };
    // ", including women and children," : an aside without figures does not break the phrase.
    if (t.lower === "," && /^(?:including|among|mostly|many|most|some|all)$/.test(toks[k + 1]?.lower ?? "")) {
      // The aside may be a list ("including four women, two minors, and a teacher,"): it ends at
      // the comma before the verb group.
      let e = k + 1;
      let close = -1;
      while (e < toks.length && e < k + 40 && !/^[;:()]$/.test((toks[e] as Tok).lower)) {
        if ((toks[e] as Tok).lower === "," && /^(?:were|was|are|is|have|has|had|been|being)$/.test(toks[e + 1]?.lower ?? "")) {
          close = e;
          break;
        }
        e++;
      }
      if (close < 0) {
        e = k + 1;
        while (e < toks.length && (toks[e] as Tok).lower !== "," && e < k + 12) e++;
        if ((toks[e] as Tok | undefined)?.lower === ",") close = e;
      }
      if (close >= 0) {
        k = close;
        continue;
      }
    }
    // "1,200 people — including 130 children — were killed": an aside between dashes is passed over.
    if ((t.lower === "\u2014" || t.lower === "\u2013") && gap <= 1) {
      let close = k + 1;
      while (close < toks.length && close < k + 14 && (toks[close] as Tok).lower !== t.lower && (toks[close] as Tok).lower !== ";") close++;
      if ((toks[close] as Tok | undefined)?.lower === t.lower) {
        k = close;
        continue;
      }
    }
    // "31 porters (cross-border couriers) were killed": an aside in brackets is passed over.
    if (t.lower === "(") {
      let close = k + 1;
      while (close < toks.length && close < k + 10 && (toks[close] as Tok).lower !== ")" && (toks[close] as Tok).lower !== "(") close++;
      if ((toks[close] as Tok | undefined)?.lower === ")") {
        k = close;
        continue;
      }
    }
    // "31 porters and traders were killed": a second noun joined to the group is part of it.
    if ((t.lower === "and" || t.lower === "or") && gap <= 1) {
      const noun = toks[k + 1];
      const plainPlural = noun !== undefined && /^[a-z]+s$/.test(noun.text) && /^(?:were|was|are|have|had)$/.test(toks[k + 2]?.lower ?? "");
      if (noun && (VICTIM_NOUNS.has(noun.lower) || WEAK_VICTIM_NOUNS.has(noun.lower) || plainPlural)) {
        k++;
        continue;
      }
    }
    if (t.lower === "awaiting" && /^execution/.test(toks[k + 1]?.lower ?? "")) return { event: "death_row", at: t.start, how: "state" };
    // "were found dead", "are believed to be dead"
    if (t.lower === "dead" && /^(?:be|are|were|was|been|found|left|lay|lie|lying|feared|presumed|confirmed|reported|declared)$/.test(toks[k - 1]?.lower ?? "")) return { event: "killing", at: t.start, how: "passive" };
    if (/^sentenced$|^condemned$/.test(t.lower) && deathSentenceAfter(lower, t.end)) return { event: "death_sentence", at: t.start, how: "passive" };
    if (t.lower === "carried" && toks[k + 1]?.lower === "out") return null;
    const v = matchVerb(t.lower);
    // "died in a traffic accident", "died of natural causes": deaths no one inflicted.
    if (v === "killing" && t.lower === "died" && NOT_INFLICTED.test(lower.slice(t.end, t.end + 60))) return null;
    // "killed 3 protesters and wounded 27 others": a verb with a figure of its own as object starts another clause.
    if (v && (FIGURE_START.test(toks[k + 1]?.lower ?? "") || (/^(?:at|more|nearly|almost)$/.test(toks[k + 1]?.lower ?? "") && /^(?:least|than)$|^\d/.test(toks[k + 2]?.lower ?? "")))) return null;
    if (v && /(?:ed|en|wn|ung)$|^(?:hung|shot|put)$/.test(t.lower)) return { event: v, at: t.start, how: "passive" };
    if (v) return null;
    // "were summoned and detained", "were tried and hanged": the last of joined verbs names the event.
    if (/^[a-z]+ed$/.test(t.lower) && (toks[k + 1]?.lower === "and" || toks[k + 1]?.lower === "or") && /^[a-z]+(?:ed|en|wn)$|^(?:hung|shot|put)$/.test(toks[k + 2]?.lower ?? "")) {
      k++;
      continue;
    }
    if (!/^(?:,|\(|\))$/.test(t.lower)) gap++;
    if (gap > maxGap) return null;
    if (!(/ly$/.test(t.lower) || VERB_GAP.has(t.lower) || t.lower === "," || t.lower === "the" || t.lower === "number" || t.lower === "of" || t.lower === "total" || /^(?:in|by)$/.test(t.lower))) {
      if (gap > 2) return null;
    }
  }
  return null;
}


/** A token that starts a figure: digits, a number word or a hedge before one. */
const FIGURE_START = /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|dozens)$/;

/** A toll after hangings ("bringing the annual toll to 230") counts executions; a death toll, or any other, deaths. */
function tollEvent(toks: Tok[], k: number): EventType {
  return toks[k - 1]?.lower !== "death" && toks.slice(0, k).some((x) => /^(?:execut|hang)/.test(x.lower)) ? "execution" : "killing";
}

/** Looks right before the figure for "executed", "the execution of", "death toll of", "sentencing". */
function backwardTrigger(toks: Tok[], before: number, lower: string, npEnd: number, blocked: (t: Tok) => boolean): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  const startAt = toks[before]?.start ?? 0;
  const phrase = /\b(shot dead|shot and killed|gunned down|beaten to death|put to death|sent to the gallows)\s+(?:at least\s+|more than\s+|some\s+|about\s+|over\s+)?$/.exec(lower.slice(Math.max(0, startAt - 40), startAt));
  if (phrase) return { event: /put to death|gallows/.test(phrase[1] as string) ? "execution" : "killing", at: startAt - (Math.min(startAt, 40) - phrase.index), how: "active" };
  let words = 0;
  for (let k = before - 1; k >= 0 && words < 7; k--) {
    const t = toks[k] as Tok;
    if (blocked(t)) return null;
    if (t.lower === ";" || t.lower === ":" || t.lower === "(" || t.lower === ")") return null;
    if (t.lower === ",") {
      if (words > 0) return null;
      continue;
    }
    words++;
    if (t.lower === "toll" && toks[k - 1]?.lower === "death") return { event: "killing", at: (toks[k - 1] as Tok).start, how: "noun-of" };
    if (/^(?:put|puts|putting|sent|send|sends)$/.test(t.lower) && /^\s*to (?:death|the gallows)\b/.test(lower.slice(npEnd, npEnd + 20))) {
      return { event: "execution", at: t.start, how: "active" };
    }
    if (/^sentenc(?:e|ed|es|ing)$|^condemn(?:ed|s|ing)?$/.test(t.lower)) {
      if (deathSentenceAfter(lower, npEnd)) return { event: "death_sentence", at: t.start, how: "active" };
      return null;
    }
    const nounOf = toks[k + 1]?.lower === "of" || words <= 3 ? (t.lower === "toll" ? tollEvent(toks, k) : matchEventOfNoun(t.lower)) : null;
    if (nounOf && (toks[k + 1]?.lower === "of" || /^(?:to|at|reached|rose|stood|stands|climbed|hit|of)$/.test(toks[k + 1]?.lower ?? ""))) {
      return { event: nounOf, at: t.start, how: "noun-of" };
    }
    const v = matchVerb(t.lower);
    if (v) {
      // "8 were executed, 27 …": a passive verb before a comma closes the clause before.
      if (toks.slice(k + 1, before).some((x) => x.lower === ",") && /^(?:were|was|are|is|been|being)$/.test(toks[k - 1]?.lower ?? "")) return null;
      // "hanged" etc. directly before the object, possibly with "publicly", "at least".
      return { event: v, at: t.start, how: "active" };
    }
    if (/^(?:the|a|an|some|another|over|more|than|least|at|nearly|about|around|up|to|as|many|of|total|further|additional|least|almost|roughly|approximately|estimated|publicly|secretly|reportedly|also|had|has|have|were|was|is|are|been|number|numbered|reached|rose|stood|stands|climbed|totalled|totaled|hit|jumped|increased|to|executions|killings|deaths|toll|with|which|that|who|record|staggering|unprecedented|whopping|alarming|shocking)$/.test(t.lower)) continue;
    if (/ly$/.test(t.lower)) continue;
    return complementTrigger(toks, before, words);
  }
  return null;
}

/** Nouns after an event word that make it the name of a place ("detention centres"). */
const PLACE_AFTER_EVENT = /^(?:cent(?:er|re)s?|facilit(?:y|ies)|camps?|wards?|cells?|chambers?|sites?|homes?)$/;
/** After "died": causes no one inflicted (an accident, an illness, their own hand). */
const NOT_INFLICTED = /^\s+(?:in|of|from|after|during)\s+(?:an?\s+|the\s+)?(?:[a-z-]+\s+){0,2}(?:accidents?|crash(?:es)?|natural causes|old age|suicide)\b/;
/**
 * Before an event word: a charge, not an event ("convicted of killing two guards", "executed for
 * the murder of three"). Accusations against the authorities ("accused … of killing") stay events.
 */
const CHARGE_BEFORE = /\b(?:convicted|charged|found guilty|guilty|tried|prosecuted|indicted|executed|hanged|sentenced(?: to death)?|arrested|detained|jailed|imprisoned|acquitted)\s+(?:[a-z]+\s+){0,2}?(?:of|with|for|over)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+)?$/;

/** Nouns a year can name as an event ("the 2022 protests"). */
const ANCHOR_NOUN = /^(?:protests?|uprising|unrest|crackdown|revolution|riots|war|conflict|elections?|massacre|demonstrations|coup)$/;

const LINKING = /^(?:to|at|reached|hit|totalled|totaled|numbered|was|were|is|stood|rose|climbed|jumped|fell|dropped|of|by|from|included|include|includes|comprised|comprise)$/;

/** "death sentences", "death row": a compound whose first word alone would read as a killing. */
function deathCompound(toks: Tok[], k: number): EventType | null {
  if (toks[k]?.lower !== "death") return null;
  const next = toks[k + 1]?.lower ?? "";
  if (next === "sentence" || next === "sentences") return "death_sentence";
  return next === "row" ? "death_row" : null;
}

/** "Recorded executions worldwide rose to 1,518": the figure completes a predicate whose subject is an event noun. */
function complementTrigger(toks: Tok[], before: number, _words: number): { event: EventType; at: number; how: CountedEvent["how"] } | null {
  const prev = toks[before - 1];
  if (!prev || !LINKING.test(prev.lower)) return null;
  for (let k = before - 2; k >= 0 && k >= before - 12; k--) {
    const t = toks[k] as Tok;
    // A year in the subject ("the toll from the 2022 protests rose to 551") is no other figure.
    if (/^[;:()]$/.test(t.lower) || (/^\d/.test(t.lower) && !(/^(?:19|20)\d\d$/.test(t.lower) && ANCHOR_NOUN.test(toks[k + 1]?.lower ?? "")))) return null;
    // "detention centres", "execution chamber": a place named after the event, not the event.
    if (PLACE_AFTER_EVENT.test(toks[k + 1]?.lower ?? "")) continue;
    const toll = t.lower === "toll" ? tollEvent(toks, k) : null;
    const ev = deathCompound(toks, k) ?? toll ?? matchEventNoun(t.lower) ??
      (/(?:ed|wn)$/.test(t.lower) && /^(?:people|persons|prisoners|protesters|those|individuals|of|who|victims)$/.test(toks[k - 1]?.lower ?? "") ? matchVerb(t.lower) : null);
    // "put the number of dead at 42": the dead and the wounded counted by a number.
    const counted = toks[k - 1]?.lower === "of" && /^(?:number|toll|count|tally)$/.test(toks[k - 2]?.lower ?? "");
    if (ev && ((t.lower !== "dead" && t.lower !== "injured" && t.lower !== "wounded") || counted)) return { event: ev, at: t.start, how: "noun-of" };
  }
  return null;
}

/**
 * Decides whether the figure counts an event. `others` are the sentence's other figures
 * (they block association across them) and `insideAside` marks figures in "including N" asides.
 */
export function associate(s: string, lower: string, toks: Tok[], n: NumberMention, others: NumberMention[]): CountedEvent | null {
  const i = toks.findIndex((t) => t.start >= n.start);
  if (i < 0) return null;
  const head = readHead(toks, i, lower, n.phraseEnd);
  const blocked = (t: Tok) => others.some((o) => o !== n && t.start >= o.start && t.start < o.end && !isAside(s, o));
  if (n.kind === "ordinal") {
    if (head.kind !== "victim") return null;
    const back = backwardTrigger(toks, i, lower, head.end, blocked);
    const fwd = forwardTrigger(toks, head.next, lower, 3, blocked);
    const found = back ?? fwd;
    return found && (found.event === "execution" || found.event === "killing") ? { event: found.event, npEnd: head.end, triggerStart: found.at, how: found.how } : null;
  }
  if (head.kind === "other") return null;
  if (head.kind === "event" && head.event) {
    return { event: head.event, npEnd: head.end, triggerStart: n.start, how: "event-noun" };
  }
  const fwd = forwardTrigger(toks, head.next, lower, head.kind === "weak" ? 2 : 5, blocked);
  const phraseTok = toks.findIndex((t) => t.start >= n.phraseStart);
  let back = backwardTrigger(toks, phraseTok, lower, head.end, blocked);
  // A weak head ("40 Omanis", "12 members") takes an event from before it only when the event
  // stands right there: "hanged 40 Omanis", "those executed included 40 Omanis".
  if (head.kind === "weak" && back && !(n.phraseStart - back.at <= 24 || /^(?:included|include|includes|comprised)$/.test(toks[phraseTok - 1]?.lower ?? ""))) back = null;
  if (fwd && back) {
    const df = fwd.at - head.end;
    const db = n.phraseStart - back.at;
    const pick = df <= db ? fwd : back;
    return { event: pick.event, npEnd: head.end, triggerStart: pick.at, how: pick.how };
  }
  // "clashes that left four inmates dead", "leaving 12 people wounded".
  // "left four guards and four inmates dead": both figures of the joined group.
  const leftBefore = /\b(?:left|leaving|leaves|leave)\s+(?:(?:at least|more than|some|about|nearly)\s+)?(?:[\w-]+\s+[\w-]+\s+and\s+(?:(?:at least|more than|some|about|nearly)\s+)?)?$/;
  if (!fwd && !back && head.kind === "victim" && leftBefore.test(lower.slice(Math.max(0, n.phraseStart - 60), n.phraseStart))) {
    const state = /^(?:\s+and\s+(?:[\d,]+|[a-z]+)\s+[a-z-]+)?\s+(dead|injured|wounded)\b/.exec(lower.slice(head.end, head.end + 50));
    if (state) return { event: state[1] === "dead" ? "killing" : "injury", npEnd: head.end, triggerStart: head.end + (state.index ?? 0), how: "state" };
  }
  const pick = fwd ?? back;
  if (pick && pick.how !== "passive" && CHARGE_BEFORE.test(lower.slice(Math.max(0, pick.at - 50), pick.at))) return null;
  return pick ? { event: pick.event, npEnd: head.end, triggerStart: pick.at, how: pick.how } : null;
}

/** True when a figure stands in an aside such as ", including 68 children," that association may skip. */
export function isAside(s: string, n: NumberMention): boolean {
  // "including 68 children and 48 women": every figure of the list up to the closing comma; the
  // list may go on after commas ("including 115 men, 6 women, as well as 9 foreign nationals").
  const before = s.slice(Math.max(0, n.phraseStart - 160), n.phraseStart);
  const m = /\b(?:including|among them|among whom|of whom|of which)\b(?![\s\S]*\b(?:including|among them|among whom|of whom|of which)\b)/i.exec(before);
  if (!m) return false;
  const rest = before.slice(m.index + m[0].length);
  if (/[;.:()]/.test(rest) || rest.length > 120) return false;
  // Every comma inside continues the list.
  return rest.split(",").slice(1).every((part) => /^\s*(?:and\s+|as well as\s+|plus\s+)?(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|at least|more than|over|some|about|nearly|$)/i.test(part));
}

/**
 * True when a figure that found no event of its own can share the event of another figure in
 * the sentence: ellipsis and comparison ("834 in 2023 and 582 in 2022", "up from 853",
 * "the 16 recorded in 2023"), asides ("including 64 children") and partitives ("32 of them").
 */
export function canInherit(s: string, lower: string, toks: Tok[], n: NumberMention): boolean {
  if (n.kind === "ordinal" || n.kind === "vague") return false;
  const i = toks.findIndex((t) => t.start >= n.start);
  if (i < 0) return false;
  const head = readHead(toks, i, lower, n.phraseEnd);
  const before = lower.slice(Math.max(0, n.phraseStart - 40), n.phraseStart);
  // "40 Omanis, six Sudanese and one Somali": items of a list of people share its event.
  const listed = /(?:,|\band|\bas well as)\s*$/.test(before) || isAside(s, n);
  if ((head.kind === "victim" || head.kind === "weak") && listed && /^[A-Za-z]/.test(s.slice(n.phraseEnd).trim()) && !ownVerbNamesNoEvent(lower, head.end)) return true;
  // "9 prisoners were sentenced to prison terms", "19 people committed suicide": the figure's own
  // verb names no event, so it shares none.
  if (ownVerbNamesNoEvent(lower, head.end)) return false;
  if (n.value === 1) return false;
  if (head.kind === "other" || head.kind === "event" || head.kind === "weak") return false;
  const after = lower.slice(n.phraseEnd, n.phraseEnd + 30);
  if (head.kind === "victim") {
    return isAside(s, n) || /^\s*of (?:them|whom|those)\b/.test(after) || /(?:\b(?:and|or|including|versus|compared (?:with|to))|,)\s*$/.test(before);
  }
  // A bare figure must be tied to another by comparison, coordination or a following time.
  return /(?:\b(?:and|or|from|to|than|with|versus|vs\.?|against|compared (?:with|to)|up from|down from|rising to|falling to|including|of whom|among them|the|when)|,)\s*$/.test(before) ||
    /^\s*(?:in|during|last|this|the previous|a year earlier|the year before|of them|of whom)\b/.test(after);
}

/** True when a verb follows the noun phrase and names no event ("were sentenced to prison", "committed suicide", "were victims of …"). */
function ownVerbNamesNoEvent(lower: string, npEnd: number): boolean {
  const after = lower.slice(npEnd, npEnd + 80);
  const own = /^\s+(committed|died)\b/.exec(after);
  if (own) return own[1] === "committed" || NOT_INFLICTED.test(after.slice(own[0].length));
  const m = /^\s+(?:were|was|are|is|have been|has been|had been)\s+(?:[a-z]+ly\s+)?([a-z]+)\b/.exec(after);
  if (!m) return false;
  const word = m[1] as string;
  if (word === "sentenced" || word === "condemned") return !deathSentenceAfter(lower, npEnd + m[0].length);
  // "were sentenced to prison", "were victims of …"; but "5 were women", "31 were Baluch" name a part.
  if (word === "victims") return true;
  if (!/(?:ed|en)$/.test(word) || VICTIM_NOUNS.has(word)) return false;
  // "when 579 were recorded": a verb of counting names no other event.
  if (/^(?:recorded|registered|documented|reported|counted|confirmed|verified|tallied|carried)$/.test(word)) return false;
  return !matchVerb(word) && !VERB_GAP.has(word) && !/^(?:gunned|beaten|taken|rounded)$/.test(word);
}
