// The claim extractor: text and metadata in, claims and people out. Pure: no I/O.
import { findPlaces } from "../places.js";
import { defaultRegistry, type SourceRegistry } from "../sources.js";
import { normalizeWithMap, toOriginalSpan } from "../text/normalize.js";
import { clauseBreaks, splitSentences, type Sentence } from "../text/segment.js";
import type { DocumentMeta, Extraction, PersonMention, Claim } from "../types.js";
import { associate, canInherit, nonCountReason, tokens } from "./associate.js";
import { assignPeriods } from "./assign-periods.js";
import { leadingCredit } from "./attribution.js";
import { pronounSpeaker, quotedSpeakers } from "./speakers.js";
import { clutterLines } from "./clutter.js";
import { NON_COUNT_UNITS } from "./lexicon.js";
import { findNumbers, type NumberMention } from "./numbers.js";
import { plainWords } from "./scan.js";
import { documentMemory } from "./memory.js";
import { findPeople } from "./people.js";
import { withConfidence } from "./confidence.js";
import { documentPasses } from "./document-passes.js";
import type { DraftClaim, Found } from "./draft.js";
import { explainReason, type FigureDecision } from "./explain.js";
import { documentShape } from "./document.js";
import { headEvent, listRows } from "./lists.js";
import { isNationality, rowClaim, sentenceClaims } from "./sentence-claims.js";
import { CONTINUES, OWN_REPORT, sentenceVoice } from "./sentence-voice.js";
import { headlineCredit, isNotASource, maskDateline, MAY_NAME_VOICE } from "./voice.js";
import { documentPeriod, monthsInNamedYear, reportRelative, weekBeforeInParagraph } from "./document-periods.js";
import { findTimes, type TimeMention } from "./periods.js";
import { extractOtherLanguage } from "./lang/index.js";

export { EXTRACTOR_VERSION, type DraftClaim } from "./draft.js";
export type { FigureDecision } from "./explain.js";

/** Options for one extraction. */
export interface ExtractOptions {
  registry?: SourceRegistry;
  /** When given, receives a decision for every figure in the text: the claim it became, or why none. */
  explain?: FigureDecision[];
}

/** A figure in digits or words; digits are tested first, on their own, as the faster scan. */
const HAS_DIGIT = /\d/;
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|dozen|scores)\b/i;
/** Every claim needs an event word; sentences without one are skipped early. */
const EVENT_WORD = /execut|hang|hung|missing|behead|kill|slaughter|massacr|murder|death|dead|died|lives|arrest|detain|detention|custody|rounded up|apprehend|abduct|injur|wound|blind|maim|disappear|tortur|flog|lash|whip|amputat|shot|gunned|gallows|toll|fatalit|martyr/i;

/** A sentence that opens on a group already counted: "Among these executions, …", "Of those killed, …". */
const FRONT_PARTITIVE = /^(?:among|of|out of)\s+(?:these|those|the|them|all(?:\s+the)?)\b(?:[^,;]{0,60}?\b(executions|hangings|killings|deaths|arrests|detentions|death sentences|executed|hanged|killed|arrested|detained|victims|dead|cases)\b|(?=\s*,)|(?=\s+(?:were|are)\s))/i;

/** FRONT_PARTITIVE opens on "among", "of" or "out of": a sentence (trimmed) that starts with neither letter cannot match. */
const mayOpenOnGroup = (s: string) => {
  const c = s.charCodeAt(0) | 32;
  return c === 97 || c === 111;
};

/** What joins the figures of a range ("200 to 225", "between 200 and 225"): both range tests need it. */
const RANGE_JOINT = /^\s*(?:and|to|-|\u2013)\s*$/;

/** The event a fronted group names; "victims" and "cases" continue the event counted just before. */
function frontEvent(word: string, previous: Claim["event"] | null): Claim["event"] | null {
  if (/^(?:executions|hangings|executed|hanged)$/.test(word)) return "execution";
  if (/^(?:killings|deaths|killed|dead)$/.test(word)) return "killing";
  if (/^(?:arrests|detentions|arrested|detained)$/.test(word)) return "arrest";
  if (word === "death sentences") return "death_sentence";
  return previous;
}

/** Extracts quantitative claims and named people from one document's text. */
export function extract(text: string, meta: DocumentMeta, options: ExtractOptions = {}): Extraction {
  const registry = options.registry ?? defaultRegistry;
  const explain = options.explain;
  const other = extractOtherLanguage(meta.language ?? null, text, meta, registry);
  if (other) return { ...other, claims: other.claims.map((c) => withConfidence(c, [])) };
  const norm = normalizeWithMap(text);
  const t = norm.text;
  const sentences = splitSentences(t);
  const shape = documentShape(t, sentences);
  const docPeriod = documentPeriod(t, sentences, shape, meta.published);

  const decide = (sentenceStart: number, s: string, n: NumberMention, reason: string) => {
    if (!explain) return;
    const [a, b] = toOriginalSpan(norm, sentenceStart + n.start, sentenceStart + n.end);
    explain.push({ text: text.slice(a, b), span: [a, b], value: n.value, claim: null, reason });
  };

  // Clutter flags per line, looked up by sentence start.
  const lineStarts: number[] = [];
  const lines = t.split("\n");
  let at = 0;
  for (const l of lines) {
    lineStarts.push(at);
    at += l.length + 1;
  }
  const clutter = clutterLines(lines);
  const lineOf = (pos: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  // Paragraph ranges, for quotations that run across sentences.
  const paragraphs = new Map<number, { start: number; end: number }>();
  for (const s of sentences) {
    const p = paragraphs.get(s.paragraph);
    if (!p) paragraphs.set(s.paragraph, { start: s.start, end: s.end });
    else p.end = s.end;
  }
  const quoteCache = new Map<number, { start: number; end: number; name: string }[]>();

  // Named speakers and the organisation last named, found lazily (see memory.ts).
  const { memory, remember } = documentMemory(registry);
  const drafts: DraftClaim[] = [];
  const people: PersonMention[] = [];
  const seenSentences = new Set<string>();
  /** Time expressions per sentence, shared by the sentence pass and the document-context pass. */
  const timesCache = new Map<number, TimeMention[]>();
  let unitCredit: { unit: number; names: string[] | null } = { unit: -1, names: null };
  /** The voice of the last sentence that credited a source, carried through its line (a paragraph of prose). */
  let lineVoice: { unit: number; paragraph: number; names: string[]; introduced: boolean } = { unit: -1, paragraph: -1, names: [], introduced: false };

  // Country mentions, for a document-level default place.
  const docPlaces = findPlaces(t);
  /** Places within a range of the text, from the one pass over the whole document. */
  const placesIn = (start: number, end: number) => {
    let lo = 0;
    let hi = docPlaces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((docPlaces[mid] as { start: number }).start < start) lo = mid + 1;
      else hi = mid;
    }
    const out = [];
    for (let i = lo; i < docPlaces.length && (docPlaces[i] as { start: number }).start < end; i++) out.push(docPlaces[i] as (typeof docPlaces)[number]);
    return out;
  };
  const countryCounts = new Map<string, number>();
  // A nationality ("Afghan nationals executed in Iran") does not make its country the document's.
  for (const p of docPlaces) if (p.kind === "country" && !isNationality(t, p)) countryCounts.set(p.name, (countryCounts.get(p.name) ?? 0) + 1);
  const totalCountries = [...countryCounts.values()].reduce((a, b) => a + b, 0);
  const topCountry = [...countryCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  const defaultPlace = topCountry && topCountry[1] / totalCountries >= 0.6 ? topCountry[0] : null;

  // Rows of lists whose event is named in the line leading into them ("Executions by province:").
  const rows = listRows(t, sentences);

  /** Every sentence's text, for the document-context pass. */
  const texts: string[] = [];
  sentences.forEach((sent: Sentence, index: number) => {
    const s = t.slice(sent.start, sent.end);
    texts.push(s);
    const row = rows.get(index);
    if (row) {
      // The lead's own time dates the rows ("… in August:"); else the heading or document does, later.
      let leadTimes = timesCache.get(row.lead);
      if (!leadTimes) timesCache.set(row.lead, (leadTimes = findTimes(texts[row.lead] as string, meta.published)));
      const leadPeriods = leadTimes.filter((tm) => tm.role === "event" && tm.period);
      const period = leadPeriods.length === 1 ? (leadPeriods[0]?.period ?? null) : null;
      drafts.push(rowClaim({ text, norm, meta, sent, index, defaultPlace, row, period, previous: drafts[drafts.length - 1] }));
      remember(s);
      return;
    }
    if (sent.unit !== unitCredit.unit) {
      const unitEnd = t.indexOf("\n", sent.start);
      const credit = leadingCredit(t.slice(sent.start, unitEnd < 0 ? t.length : unitEnd), registry)?.filter((n) => !isNotASource(n, registry)) ?? [];
      unitCredit = { unit: sent.unit, names: credit.length > 0 ? credit : null };
    }
    const mayClaim = (HAS_DIGIT.test(s) || NUMBER_WORD.test(s)) && (EVENT_WORD.test(s) || (mayOpenOnGroup(s) && FRONT_PARTITIVE.test(s)));
    // The sentence's own voice, found before the sentence joins the memory; it carries through
    // the rest of its paragraph ("X has released its monthly report. This month, 125 …"). Only
    // sentences with claims and those that present a report are searched for a voice.
    // A sentence that presents a report without figures of its own ("X has released its monthly
    // report") speaks for the rest of its line; one with figures, for the sentences that continue it.
    if (!mayClaim && OWN_REPORT.test(s) && MAY_NAME_VOICE.test(s)) {
      const { ownVoice, reports } = sentenceVoice(s, sent.firstInUnit, mayClaim, registry, memory);
      if (ownVoice.length > 0 && reports) lineVoice = { unit: sent.unit, paragraph: sent.paragraph, names: ownVoice, introduced: true };
    }
    for (const p of findPeople(s)) {
      const [ps, pe] = toOriginalSpan(norm, sent.start + p.start, sent.start + p.end);
      people.push({ document: meta.document, name: p.name, role: p.role, span: [ps, pe] });
    }
    if (!mayClaim) {
      if (explain && (HAS_DIGIT.test(s) || NUMBER_WORD.test(s))) {
        for (const n of findNumbers(s)) decide(sent.start, s, n, explainReason(s, n) ?? "no event word in the sentence");
      }
      remember(s);
      return;
    }
    const front = mayOpenOnGroup(s) ? FRONT_PARTITIVE.exec(s) : null;
    const lower = s.toLowerCase();
    const toks = tokens(s);
    const numbers = findNumbers(s, plainWords(toks));
    const reasons = new Map<NumberMention, string | null>();
    for (const n of numbers) reasons.set(n, nonCountReason(s, n));
    // "5 to 10 years", "two or three times": the low end of a range shares the unit of the high.
    for (let i = 0; i + 1 < numbers.length; i++) {
      const n = numbers[i] as NumberMention;
      const next = numbers[i + 1] as NumberMention;
      if (reasons.get(n) || !/^\s*(?:to|-|\u2013|or)\s*$/.test(s.slice(n.end, next.phraseStart))) continue;
      const unit = /^\s+([a-z]+)/i.exec(s.slice(next.phraseEnd, next.phraseEnd + 16))?.[1]?.toLowerCase();
      const why = reasons.get(next) ?? (unit && NON_COUNT_UNITS.test(unit) ? "a measure of time, money or things, not people" : null);
      if (why) reasons.set(n, why);
    }
    const countLikeOf = () => numbers.filter((n) => {
      const r = reasons.get(n) ?? null;
      return r === null || (r !== "year" && r !== "date" && r !== "time or ratio");
    });
    const associateEach = (countLike: NumberMention[]): Found[] => {
      const out: Found[] = [];
      for (const n of numbers) {
        if (reasons.get(n)) continue;
        const a = associate(s, lower, toks, n, countLike);
        if (a) out.push({ n, event: a.event, npEnd: a.npEnd, triggerStart: a.triggerStart });
      }
      return out;
    };
    // "Executions in Singapore: 5 in 2023, compared with 11 in 2022": the label's event for figures without one.
    const labelled = headEvent(s);
    const associateAll = (countLike: NumberMention[]): Found[] => {
      const out = associateEach(countLike);
      if (labelled) {
        const colon = s.indexOf(":");
        for (const n of numbers) {
          if (n.start > colon && !reasons.get(n) && n.kind !== "ordinal" && !out.some((f) => f.n === n)) out.push({ n, event: labelled, npEnd: n.phraseEnd, triggerStart: n.start });
        }
        out.sort((a, b) => a.n.start - b.n.start);
      }
      return out;
    };
    let countLike = countLikeOf();
    let found = associateAll(countLike);
    // Time expressions, found only in sentences with a figure to date. A figure inside one
    // ("between Oct. 3 and 13", "the past 20 days") is part of it: when there is such a figure,
    // the figures are associated again without it.
    let sentenceTimes: TimeMention[] = [];
    if (found.length > 0 || front) {
      // A dateline's date is when the story was filed, not when the events happened.
      const timeText = sent.firstInUnit ? maskDateline(s) : s;
      sentenceTimes = reportRelative(s, findTimes(timeText, meta.published), shape.kind === "report" ? docPeriod : null, shape.kind === "report");
      const earlier = function* () {
        for (let j = index - 1; j >= 0 && sentences[j]?.paragraph === sent.paragraph; j--) {
          let known = timesCache.get(j);
          if (!known) timesCache.set(j, (known = findTimes(texts[j] as string, meta.published)));
          yield known;
        }
      };
      sentenceTimes = monthsInNamedYear(s, sentenceTimes, earlier);
      sentenceTimes = weekBeforeInParagraph(s, sentenceTimes, earlier);
      const inTime = (n: NumberMention) => sentenceTimes.some((tm) => tm.period !== null && tm.start <= n.start && n.end <= tm.end && !/^\s*(?:19|20)\d\d\s*$/.test(s.slice(tm.start, tm.end)));
      let changed = false;
      for (const n of numbers) {
        if (!reasons.get(n) && inTime(n)) {
          reasons.set(n, "date");
          changed = true;
        }
      }
      if (changed) {
        countLike = countLikeOf();
        found = associateAll(countLike);
      }
    }
    if (found.length === 0 && !front) {
      if (explain) for (const n of numbers) decide(sent.start, s, n, explainReason(s, n, reasons.get(n)) ?? "no event found for it");
      remember(s);
      return;
    }
    // Figures without an event of their own share the nearest one's ("834 in 2023 and 582 in 2022").
    const own = [...found];
    for (const n of numbers) {
      if (found.some((f) => f.n === n) || reasons.get(n) || !canInherit(s, lower, toks, n)) continue;
      const prior = own.filter((f) => f.n.start < n.start).pop();
      const parent = prior ?? own.find((f) => f.n.start > n.start);
      if (parent) found.push({ n, event: parent.event, npEnd: n.phraseEnd, triggerStart: n.start, inherited: parent });
    }
    // "Of these hangings, 40 were for theft": a sentence that opens on a group
    // already counted makes its bare figures parts of that group.
    let frontParent: DraftClaim | null = null;
    if (front) {
      frontParent = drafts[drafts.length - 1] ?? null;
      // "Of these, 21 …": the group counted just before.
      const event = frontEvent((front[1] ?? "").toLowerCase(), frontParent?.event ?? null);
      for (const n of numbers) {
        if (!event || found.some((f) => f.n === n) || reasons.get(n) || n.start < front[0].length || n.kind === "ordinal") continue;
        // "Among them were 3 women and 2 …": the parts come after the verb.
        const listed = /^\s+(?:were|are)\s/i.test(s.slice(front[0].length, front[0].length + 6));
        if (!listed && !/^\s+(?:were|was|are|had|have|of)\b/.test(s.slice(n.phraseEnd, n.phraseEnd + 8))) continue;
        found.push({ n, event, npEnd: n.phraseEnd, triggerStart: n.start });
      }
      // "Of these, 21 were for drugs and 18 for murder": the parts after the first share its event.
      if (event) {
        for (const n of numbers) {
          if (found.some((f) => f.n === n) || reasons.get(n) || n.start < front[0].length || !canInherit(s, lower, toks, n)) continue;
          if (found.some((f) => f.n.start < n.start)) found.push({ n, event, npEnd: n.phraseEnd, triggerStart: n.start });
        }
      }
    }
    // "between 200 and 225 people": a range is two claims, at least the low figure and up to the high.
    for (const hi of [...found]) {
      // "some 300 to 400 people" too, but not a change "from 300 to 400".
      const lo = numbers.find((n) => {
        if (n.end > hi.n.phraseStart) return false;
        const joint = s.slice(n.end, hi.n.phraseStart);
        // Both tests below need one of these joints: the text before is read only then.
        if (!RANGE_JOINT.test(joint)) return false;
        const pre = s.slice(Math.max(0, n.phraseStart - 24), n.phraseStart);
        if (/\bbetween\s+$/i.test(pre)) return /^\s*(?:and|to|-|\u2013)\s*$/.test(joint);
        return /^\s*(?:to|-|\u2013)\s*$/.test(joint) && !/\b(?:from|rose|risen|increased|fell|fallen|dropped|decreased|climbed|grew|jumped|doubled|up|down)\s+(?:[a-z]+\s+)?$/i.test(pre) && n.kind !== "ordinal";
      });
      if (!lo || reasons.get(lo) || lo.value >= hi.n.value) continue;
      const existing = found.findIndex((f) => f.n === lo);
      if (existing >= 0) found.splice(existing, 1);
      found.push({ n: lo, event: hi.event, npEnd: hi.npEnd, triggerStart: hi.triggerStart, inherited: hi, qualifier: "at_least" });
      hi.qualifier = "up_to";
    }
    found.sort((a, b) => a.n.start - b.n.start);
    if (explain) {
      for (const n of numbers) if (!found.some((f) => f.n === n)) decide(sent.start, s, n, explainReason(s, n, reasons.get(n)) ?? "no event found for it");
    }
    // Squashing whitespace changes nothing unless some whitespace is not a lone space.
    const key = /[^\S ]|\s\s/.test(s) ? s.replace(/\s+/g, " ").trim() : s.trim();
    if (seenSentences.has(key)) {
      // A repeated headline or caption is the same claim.
      if (explain) for (const f of found) decide(sent.start, s, f.n, "repeats an earlier sentence");
      return;
    }
    seenSentences.add(key);

    const times = sentenceTimes.filter((tm) => !found.some((f) => tm.start < f.n.end && f.n.start < tm.end));
    timesCache.set(index, times);
    const breaks = clauseBreaks(s);
    const periods = assignPeriods(s, times, found, breaks);

    // Who the sentence credits: explicit credit, quotation, pronoun, then the line's leading credit.
    const { ownVoice, reports, at: voiceAt, lastCue } = sentenceVoice(s, sent.firstInUnit, mayClaim, registry, memory);
    const carried = (lineVoice.unit === sent.unit && lineVoice.introduced) || (lineVoice.paragraph === sent.paragraph && CONTINUES.test(s)) ? lineVoice.names : null;
    // "According to the report, 14 …": a report's own words go on through the line.
    if (ownVoice.length > 0 && reports) lineVoice = { unit: sent.unit, paragraph: sent.paragraph, names: ownVoice, introduced: /^\s*according to (?:the|its|their) (?:[a-z]+ )?(?:report|figures|data|statistics)\b/i.test(s) };
    let names = ownVoice;
    if (names.length === 0) {
      const para = paragraphs.get(sent.paragraph);
      if (para) {
        let quotes = quoteCache.get(sent.paragraph);
        if (!quotes) {
          quotes = quotedSpeakers(t.slice(para.start, para.end), registry, memory);
          quoteCache.set(sent.paragraph, quotes);
        }
        const rel = sent.start - para.start;
        const inQuote = quotes.find((q) => rel + s.length > q.start && rel < q.end && found.some((f) => rel + f.n.start > q.start && rel + f.n.start < q.end));
        if (inQuote) names = [inQuote.name];
      }
    }
    if (names.length === 0) {
      const pron = /\b(?:he|she|they|it)\s/i.test(s) ? pronounSpeaker(s, memory) : null;
      if (pron) names = [pron];
    }
    if (names.length === 0 && unitCredit.names) names = unitCredit.names;
    if (names.length === 0 && index === shape.title) {
      const credit = headlineCredit(s, registry);
      if (credit) names = [credit];
    }
    if (names.length === 0 && carried) names = carried;

    const made = sentenceClaims({
      text, norm, meta, sent, index, defaultPlace, t, s, found, own, periods, breaks, names, ownVoice, voiceAt, lastCue, carried,
      previous: drafts[drafts.length - 1], frontParent, sentencePlaces: placesIn(sent.start, sent.end), title: shape.title,
      isClutter: clutter[lineOf(sent.start)] === true,
    });
    for (const c of made) drafts.push(c);
    remember(s);
  });

  const claims = documentPasses({ text, meta, explain, sentences, shape, docPeriod, drafts, texts, timesCache });
  return { claims, people };
}
