// Victims a document names: after a lead that introduces them ("The executed were Ali Rezaei, 34,
// and …", "هویت این زندانیان: …", "وهم: …", "Il s'agit de …") or a name followed by a victim
// verb ("Ali Rezaei, 34, was hanged"), each name with what its item says of the person (age, sex,
// place, occupation, ethnicity) and the sentence. A mention in the sentence of a claim, or in the
// sentence right after it, belongs to that claim: it takes its event and, when the claim's period
// is one day or one month, its date.
import { findPlaces, mostSpecificPlace, type PlaceMatch } from "../places.js";
import { findPackPlaces } from "../extract/lang/places.js";
import type { Sex, VictimFields } from "./types.js";
import { LATIN_NAME, WORDS, type MentionWords } from "./mention-words.js";

/** A victim named in a text. Spans are [start, end) offsets into the text given. */
export interface VictimMention extends VictimFields {
  span: [number, number];
  sentence: [number, number];
  /** Index into the claims given of the claim whose count this victim belongs to, or null. */
  claim: number | null;
}

/** What a claim offers its victims: where its sentence is, its event and its period. */
export interface MentionClaim {
  span: [number, number];
  event: string;
  count?: number;
  period?: { start: string; end: string } | null;
  place?: string | null;
}

/** Words that make a capitalised phrase an institution or a place, not a person. */
const NOT_PERSON = /\b(?:Prison|Province|Court|Council|Ministry|Republic|Organi[sz]ation|Rights|Watch|Amnesty|News|Agency|Guards?|Police|University|Street|Square|Tribunal|Prisons?)\b/;

/** Languages read here. */
export const MENTION_LANGUAGES = Object.keys(WORDS);

/** Persian and Arabic-Indic digits as ASCII, same length (offsets stay put). */
function asciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)).replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Sentences as [start, end) ranges: ends at . ! ? ؟ or a line break (not at a dot inside a number or an initial). */
export function sentenceRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /(?<!\b[A-Z]|\bM|\bMr|\bMrs|\bMs|\bDr)[.!?؟](?=\s|$)|\n/g;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    push(text, start, end, out);
    start = end;
  }
  push(text, start, text.length, out);
  return out;
}

function push(text: string, s: number, e: number, out: Array<[number, number]>): void {
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (e > s) out.push([s, e]);
}

/** Victims named in a text of a language this module reads (en, fa, ar, fr); [] for others. */
export function findVictimMentions(text: string, language: string, claims: readonly MentionClaim[] = []): VictimMention[] {
  const words = WORDS[language];
  if (!words) return [];
  const t = asciiDigits(text);
  const out: VictimMention[] = [];
  const sentences = sentenceRanges(t);
  sentences.forEach(([s, e], k) => {
    const sentence = t.slice(s, e);
    const found = readSentence(sentence, words, language);
    if (found.length === 0) return;
    const claim = owningClaim(claims, sentences, k);
    const c = claim === null ? null : claims[claim];
    const sentenceEvent = words.events.find(([re]) => re.test(sentence))?.[1] ?? null;
    // A place the sentence names outside the list (before it, or the one person's sentence) is everyone's.
    const sentencePlace = placeIn(sentence.slice(0, found[0]?.leadEnd ?? sentence.length), language);
    for (const f of found) {
      out.push({
        ...f.fields,
        name: f.name,
        span: [s + f.start, s + f.start + f.name.length],
        sentence: [s, e],
        place: f.fields.place ?? c?.place ?? sentencePlace,
        event: c?.event ?? sentenceEvent,
        date: c?.period ? periodDate(c.period) : null,
        claim,
      });
    }
  });
  return out;
}

interface Found {
  name: string;
  start: number;
  /** Where the list begins (after its lead); the sentence's length for a name before a victim verb. */
  leadEnd?: number;
  fields: { age: number | null; sex: Sex | null; place: string | null; occupation: string | null; ethnicity: string | null };
}

/** Names a sentence gives as victims, with sentence-relative offsets. */
function readSentence(sentence: string, words: MentionWords, language: string): Found[] {
  const lead = words.lead.exec(sentence);
  if (lead) {
    const from = lead.index + lead[0].length;
    const found = readList(sentence, from, words, language);
    if (found.length > 0) return found.map((f) => ({ ...f, leadEnd: lead.index }));
  }
  if (words.passive) {
    const m = words.passive.exec(sentence);
    if (m?.[1]) {
      const fields = describe(m[2] ?? "", words, language);
      return [{ name: m[1], start: m.index, fields }];
    }
  }
  return [];
}

/** Splits the list after a lead into items; an item with a name starts a person, the items after it describe that person. */
function readList(sentence: string, from: number, words: MentionWords, language: string): Found[] {
  const out: Found[] = [];
  const at = from;
  const rest = sentence.slice(from).replace(/[.!?؟]+$/, "");
  const items: Array<{ text: string; start: number }> = [];
  const sep = new RegExp(words.separator.source, "gu");
  let last = 0;
  for (const m of rest.matchAll(sep)) {
    items.push({ text: rest.slice(last, m.index), start: at + last });
    last = m.index + m[0].length;
  }
  items.push({ text: rest.slice(last), start: at + last });
  let current: Found | null = null;
  let descr = "";
  const close = () => {
    if (current) current.fields = describe(descr, words, language);
    descr = "";
  };
  for (const item of items) {
    const name = nameIn(item.text, words, language);
    if (name) {
      close();
      current = { name: name.name, start: item.start + name.start, fields: describe("", words, language) };
      out.push(current);
      descr = item.text.slice(name.start + name.name.length);
    } else if (current) {
      descr += ` , ${item.text}`;
    }
  }
  close();
  return out;
}

/** The name an item begins with (after a title or article), or null. */
function nameIn(item: string, words: MentionWords, language: string): { name: string; start: number } | null {
  if (language === "en" || language === "fr") {
    const m = LATIN_NAME.exec(item);
    if (!m) return null;
    const parts = m[0].split(/\s+/);
    while (parts.length > 0 && words.notName.test(parts[0] as string)) parts.shift();
    if (parts.length < 2) return null;
    const name = parts.join(" ");
    if (NOT_PERSON.test(name) || findPlaces(name).some((p) => p.start === 0 && p.end === name.length)) return null;
    return { name, start: item.indexOf(name) };
  }
  // Persian and Arabic: the first two or three words that are neither digits nor describing words.
  const tokens = [...item.matchAll(/[\u0600-\u06ff\u200c]+/g)];
  const picked: RegExpMatchArray[] = [];
  for (const tk of tokens) {
    const w = tk[0].replace(/\u200c/g, "");
    if (words.notName.test(w) || w in words.occupations || w in words.ethnicities || words.female.test(` ${w} `) || words.male.test(` ${w} `) || words.age.some((re) => re.test(w)) || /ساله|عاما|عاماً/.test(w)) {
      if (picked.length > 0) break;
      continue;
    }
    picked.push(tk);
    if (picked.length === 3) break;
  }
  const first = picked[0];
  const lastTk = picked[picked.length - 1];
  if (picked.length < 2 || !first || !lastTk) return null;
  const start = first.index ?? 0;
  const end = (lastTk.index ?? 0) + lastTk[0].length;
  // A name is followed by a comma, an age, a describing word, or the end of the item.
  return { name: item.slice(start, end), start };
}

/** What the words after a name say of the person. */
function describe(text: string, words: MentionWords, language: string): Found["fields"] {
  let age: number | null = null;
  for (const part of text.split(/\s*,\s*/)) {
    const p = part.trim();
    for (const re of words.age) {
      const m = re.exec(p);
      if (m?.[1]) {
        const n = Number(m[1]);
        if (n > 0 && n < 120) age = age ?? n;
      }
    }
  }
  const sex: Sex | null = words.female.test(` ${text} `) ? "female" : words.male.test(` ${text} `) ? "male" : null;
  const lower = text.toLowerCase();
  const lookup = (table: Record<string, string>) => {
    for (const w of lower.split(/[^\p{L}\u200c]+/u)) {
      const key = w.replace(/\u200c/g, "");
      const v = table[key] ?? table[w];
      if (v) return v;
    }
    return null;
  };
  return { age, sex, place: placeIn(text, language), occupation: lookup(words.occupations), ethnicity: lookup(words.ethnicities) };
}

function placeIn(text: string, language: string): string | null {
  const matches: PlaceMatch[] = language === "en" ? findPlaces(text) : findPackPlaces(text, language);
  return mostSpecificPlace(matches);
}

/** The claim a sentence's victims belong to: one in the same sentence, else one in the sentence before. */
function owningClaim(claims: readonly MentionClaim[], sentences: Array<[number, number]>, k: number): number | null {
  const inSentence = (i: number) => {
    const r = sentences[i];
    if (!r) return null;
    let best: number | null = null;
    claims.forEach((c, j) => {
      if (c.span[0] < r[1] && c.span[1] > r[0]) best = best ?? j;
    });
    return best;
  };
  return inSentence(k) ?? inSentence(k - 1);
}

/** A claim period as a person's date: the day, or the month, when it is that precise. */
function periodDate(p: { start: string; end: string }): string | null {
  if (p.start === p.end) return p.start;
  if (p.start.slice(0, 7) === p.end.slice(0, 7)) return p.start.slice(0, 7);
  return null;
}
