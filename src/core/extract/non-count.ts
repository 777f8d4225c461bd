// Why a figure is not a count of people: a year, a percentage, an age, a date, money, a rate …
import type { NumberMention } from "./numbers.js";

/** After a figure: "a day", "per week", "every single day", "every six hours"; not "in a week". */
const RATE_AFTER = /^\s*(?:[a-z-]+\s+){0,3}?(?:(?<!\b(?:in|within|over|during|for|inside)\s)a|per|each|every(?:\s+single)?)\s+(?:day|week|month|year|hour)\b|^\s*(?:[a-z-]+\s+){0,3}?every\s+(?:other|few|several|\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:days|weeks|months|hours|minutes|day|week|month)\b/i;

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

/** The first character of a text after its leading white space (as ^\s* reads it), lower-cased; "" when there is none. */
function firstAfterSpaces(text: string): string {
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i < text.length ? (text[i] as string).toLowerCase() : "";
}

/** True when the text before `end` ends in `word` (lower-case), then only white space: what a pattern ending in "word\s*$" needs. */
function endsInWord(s: string, end: number, word: string): boolean {
  let e = end;
  while (e > 0 && isSpace(s.charCodeAt(e - 1))) e--;
  return e >= word.length && s.slice(e - word.length, e).toLowerCase() === word;
}

/** "peaking at 98", "put the number … at 40", "stood at 12": a level, not an age. */
const LEVEL_AT = /\b(?:peak(?:ed|ing|s)?|stood|stands|standing|put|puts|putting|placed|places|estimated|estimates|set|sets|totall?(?:ed|ing)|reached|number(?:ed)?|toll|tally|count|figure)\b[^.;]{0,80}\bat\s*$/i;

/** Why a figure is not a count of people (a year, an age, a date, money…), or null. */
export function nonCountReason(s: string, n: NumberMention): string | null {
  const before = s.slice(Math.max(0, n.start - 30), n.start);
  const after = s.slice(n.end, n.end + 30);
  if (n.kind === "digits" && /^(?:19|20)\d{2}$/.test(s.slice(n.start, n.end)) && !/^\s+(?:[a-z]+\s+){0,2}(?:people|persons|prisoners|protesters|executions|deaths|killings|arrests|detainees|individuals|civilians|men|women|children)\b/i.test(after)) return "year";
  // The patterns on `after` that open with ^\s* are tried only when the first character after
  // the spaces is one they can start with (lower-cased); the patterns still decide.
  const next = firstAfterSpaces(after);
  if ((next === "%" || next === "p") && /^\s*(?:%|per ?cent\b|percent\b|percentage)/i.test(after)) return "percentage";
  if ("apoi".includes(next) && next !== "" && /^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock\b|in the (?:morning|afternoon|evening)\b)/i.test(after)) return "time or ratio";
  // Each pattern on `before` that ends in \s*$ is tried only when the tail has the word or
  // character it ends on; the patterns still decide.
  const tail = tailOf(before);
  const word = tail.dotted ? "" : tail.word;
  if (CURRENCY_LAST.has(tail.last) && CURRENCY_BEFORE.test(before)) return "money";
  if ("dertpumb".includes(next) && next !== "" && /^\s*(?:dollars?|euros?|rials?|tomans?|pounds?|usd|eur|million dollars|billion)\b/i.test(after)) return "money";
  if (("-ymwdh".includes(next) && next !== "" && /^\s*-?\s*(?:year|month|week|day|hour|minute)s?[- ]old\b/i.test(after)) || ((word === "age" || word === "aged" || word === "of") && /\b(?:aged?|age of|ages of)\s*$/i.test(before))) return "age";
  // "aged between 17 and 22", "aged from 19 to 25": both ends are ages.
  if ((word === "between" || word === "from" || word === "and" || word === "to") && /\baged?\s+(?:between|from)\s+(?:\d{1,3}\s+(?:and|to)\s+)?$/i.test(before)) return "age";
  if (next === "-" && /^\s*-\s*(?:year|month|day|week|hour)\b/i.test(after)) return "duration";
  if (PAGE_WORD_SET.has(tail.word) && PAGE_WORDS.test(before)) return "reference number";
  const prevWord = tail.word || undefined; // what /([A-Za-z]+)\.?\s*$/ finds, lower-cased
  if (prevWord && MONTH_WORDS.has(prevWord) && n.kind === "digits") return "date";
  if ("snrtojfmad".includes(next) && next !== "" && /^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/.test(after) && n.kind === "digits" && n.value <= 31) return "date";
  // "10:30", "3/4", "2 / 3"; not a label "2023: 834".
  if (/^(?::\d|\s*\/\s*\d)/.test(after) || ((tail.last === ":" || tail.last === "/") && /\d(?::|\s*\/\s*)$/.test(before))) return "time or ratio";
  if (/^[\s.-]?\d/.test(after) && /(?:\+|\(0?\d{2,4}\)\s*|\d[\s.-])$/.test(before)) return "phone number";
  if (/^[\s.-]\d{2,}[\s.-]\d{2,}/.test(after)) return "phone number";
  if (((next === "s" || next === "l") && /^\s*(?:single|sole|lone)\b/i.test(after)) || (n.value === 1 && next === "o" && /^\s*of\b/i.test(after))) return "not a count";
  if ((word === "single" || word === "sole") && /\b(?:one|a) (?:single|sole)\s*$/i.test(before)) return "not a count";
  if ((next === "t" || next === "f") && /^\s*(?:times|fold)\b/i.test(after)) return "multiplier";
  // "126 more than in the same period": a difference between two counts.
  if ((next === "m" || next === "f" || next === "l") && /^\s+(?:more|fewer|less)\s+than\b/i.test(after) && !/\b(?:more|fewer|less)\s+than\s*$/i.test(before)) return "a difference";
  // "the ninth year in a row with fewer than 50": a threshold, not a count.
  if (endsInWord(s, n.start, "than") && /\b(?:years?|months?|weeks?)\s+(?:in a row\s+)?(?:with|of)\s+(?:fewer|less|more)\s+than\s*$/i.test(s.slice(Math.max(0, n.start - 50), n.start))) return "a threshold";
  // "3 of the 20 detainees were executed": the 20 were not. But "517 of the 551 people killed",
  // "7 of the 131 executions": a whole whose own words name its event is a count of that event.
  if ((word === "of" || word === "the" || word === "those" || word === "these") && /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|dozens|hundreds))\s+of\s+(?:the\s+|those\s+|these\s+)?$/i.test(before) &&
    !/^\s+(?:(?!(?:were|was|are|is|had|have|has|been|be)\s)[a-z-]+\s+){0,2}?(?:executed|hanged|killed|executions|hangings|killings|deaths|death sentences)\b/i.test(after)) return "total of a partitive";
  if (n.kind === "digits" && n.value < 110 && /^\s*,/.test(after) && /[A-Za-z]\s*,\s*$/.test(before)) return "age";
  const wide = s.slice(n.end, n.end + 60);
  // "five a day", "one every six hours"; but "40 killed in a week" is a count over a span.
  if (RATE_AFTER.test(wide) && !/^\s*(?:[a-z-]+\s+){0,3}?(?:a|per|every|each)\s+(?:day|week|month|year)\s+(?:ago|earlier|later|before)/i.test(wide)) return "rate";
  // "On average, over three men were hanged": an average is a rate, not a count.
  if (/\b(?:on average|an average of|averaging|average of)\b[^.;]{0,30}$/i.test(s.slice(Math.max(0, n.start - 60), n.start))) return "rate";
  // "one out of seven executions", "one in every five": a proportion, neither figure a count.
  if ((word === "of" || word === "in" || word === "every") && /\b(?:one|1)\s+(?:out\s+of|in)\s+(?:every\s+)?$/i.test(before)) return "ratio";
  if (n.value === 1 && (next === "o" || next === "i") && /^\s+(?:out\s+of|in)\s+(?:every\s+)?(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten)\b/i.test(after)) return "ratio";
  if (word === "at" && /\bat\s*$/i.test(before) && !/\bat (?:least|most)\s*$/i.test(before) && !LEVEL_AT.test(s.slice(Math.max(0, n.start - 90), n.start)) && n.value < 120 && /^\s*(?:[.,;)]|$|\s(?:and|or|in|on|by|after|before|when|for)\b)/i.test(after)) return "age";
  return null;
}
