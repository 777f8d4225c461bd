// The claim extractor: text and metadata in, claims and people out. Pure: no I/O.
import { findPlaces, mostSpecificPlace, placeContains, type PlaceMatch } from "../places.js";
import { defaultRegistry, type SourceRegistry } from "../sources.js";
import { normalizeWithMap, toOriginalSpan } from "../text/normalize.js";
import { clauseBreaks, clauseOf, splitSentences, type Sentence } from "../text/segment.js";
import type { Claim, DocumentMeta, Extraction, Period, PersonMention, VictimGroup } from "../types.js";
import { associate, canInherit, isAside, nonCountReason, tokens } from "./associate.js";
import { attributeSentence, leadingCredit, pronounSpeaker, quotedSpeakers, type Memory } from "./attribution.js";
import { clutterLines } from "./clutter.js";
import { resolveDocumentContext } from "./context.js";
import { EVENT_ANCHORS, NON_COUNT_UNITS, VICTIM_WORDS } from "./lexicon.js";
import { findNumbers, type NumberMention } from "./numbers.js";
import { documentMemory } from "./memory.js";
import { findPeople } from "./people.js";
import { comparedPlace, comparedTime, isBaseline } from "./comparison.js";
import { withConfidence } from "./confidence.js";
import { explainReason, type FigureDecision } from "./explain.js";
import { documentShape } from "./document.js";
import { headEvent, listRows } from "./lists.js";
import { getPlace } from "../places.js";
import { storyDay } from "./story.js";
import { dataHolder, headlineCredit, isNotASource, maskDateline, MAY_NAME_VOICE, unnamedVoice } from "./voice.js";
import { documentPeriod, reportRelative, periodFromHeading } from "./document-periods.js";
import { findTimes, type TimeMention } from "./periods.js";
import { parseRef, refEnd } from "./dates.js";
import { extractOtherLanguage } from "./lang/index.js";

export type { FigureDecision } from "./explain.js";

/** Version stamped on every claim; bump when the rules change what is extracted. */
export const EXTRACTOR_VERSION = "0.1.0";

/** Options for one extraction. */
export interface ExtractOptions {
  registry?: SourceRegistry;
  /** When given, receives a decision for every figure in the text: the claim it became, or why none. */
  explain?: FigureDecision[];
}



/** A claim with the working data the document-level passes need. */
export interface DraftClaim extends Claim {
  /** Position of the sentence in the document, and its paragraph. */
  sentenceIndex: number;
  paragraph: number;
  /** Anchor words ("uprising", "massacre") that name the event the figure belongs to. */
  anchors: string[];
  /** True for the figure a comparison is made with ("up from 853 in 2023"): its period dates no other figure. */
  baseline?: boolean;
  /** What made the reading less certain, for the claim's confidence. */
  doubts?: string[];
}

/** Nouns after a demonym that make it a nationality ("Afghan nationals"), not a place. */
const NATIONALS = /^\s+(?:nationals?|citizens?|migrants?|refugees?|workers?|prisoners?|asylum|passport|origin|descent)\b/i;

/** Executions and killings: deaths, which one whole can count together. */
const lethal = (e: Claim["event"]) => e === "execution" || e === "killing";

/** A figure in digits or words; digits are tested first, on their own, as the faster scan. */
const HAS_DIGIT = /\d/;
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|dozen|scores)\b/i;
/** Every claim needs an event word; sentences without one are skipped early. */
const EVENT_WORD = /execut|hang|hung|missing|behead|kill|slaughter|massacr|murder|death|dead|died|lives|arrest|detain|detention|custody|rounded up|apprehend|abduct|injur|wound|blind|maim|disappear|tortur|flog|lash|whip|amputat|shot|gunned|gallows|toll|fatalit|martyr/i;

/** A sentence that opens on a group already counted: "Among these executions, …", "Of those killed, …". */
const FRONT_PARTITIVE = /^(?:among|of|out of)\s+(?:these|those|the|them|all(?:\s+the)?)\b(?:[^,;]{0,60}?\b(executions|hangings|killings|deaths|arrests|detentions|death sentences|executed|hanged|killed|arrested|detained|victims|dead|cases)\b|(?=\s*,))/i;

/** The event a fronted group names; "victims" and "cases" continue the event counted just before. */
function frontEvent(word: string, previous: Claim["event"] | null): Claim["event"] | null {
  if (/^(?:executions|hangings|executed|hanged)$/.test(word)) return "execution";
  if (/^(?:killings|deaths|killed|dead)$/.test(word)) return "killing";
  if (/^(?:arrests|detentions|arrested|detained)$/.test(word)) return "arrest";
  if (word === "death sentences") return "death_sentence";
  return previous;
}

/** A sentence that presents a source's own report or records, whose voice the next sentences continue. */
const OWN_REPORT = /\b(?:report|statistic|data|figures|documented|documents|recorded|records|registered|tally|count(?:ed|s)?|monitoring)\b/i;
/** A sentence that continues the report before it ("Additionally, …", "Among these, …", "It also …"). */
const CONTINUES = /^(?:additionally|in addition|also|moreover|furthermore|further|besides|meanwhile|this month|among (?:these|them|those)|of (?:these|them|those)|the (?:report|group|organi[sz]ation)|it also|they also)\b/i;

/** Victim groups by noun phrase: the same few phrases ("prisoners", "people") recur. */
const victimsMemo = new Map<string, VictimGroup[]>();

/** Victim groups named in a counted noun phrase (a new array each time: callers add to it). */
function victimsOf(phrase: string): VictimGroup[] {
  let groups = victimsMemo.get(phrase);
  if (!groups) {
    groups = findVictims(phrase);
    if (victimsMemo.size >= 10_000) victimsMemo.clear();
    victimsMemo.set(phrase, groups);
  }
  return [...groups];
}

function findVictims(phrase: string): VictimGroup[] {
  const out: VictimGroup[] = [];
  for (const [re, group] of VICTIM_WORDS) {
    if (re.test(phrase) && !out.includes(group)) out.push(group);
  }
  if (out.includes("political_prisoners")) return out.filter((g) => g !== "prisoners");
  if (out.includes("child_offenders") && /offenders?/i.test(phrase)) return out.filter((g) => g !== "prisoners");
  return out;
}

/** Victims of a figure: its own noun phrase, or the group it is part of ("64 of them"). */
function victimsFor(s: string, f: { n: NumberMention; npEnd: number; inherited?: { n: NumberMention; npEnd: number } }): VictimGroup[] {
  const own = victimsOf(s.slice(f.n.end, Math.max(f.npEnd, f.n.phraseEnd)));
  // "executed for drug offences", "on drug-related charges": the charge names the group.
  const clause = s.slice(f.n.start, f.n.start + 160).split(/[;.]/)[0] ?? "";
  if (/\bdrug/i.test(clause) && !own.includes("drug_offenders")) own.push("drug_offenders");
  // "killed by prison officials", "died in custody": the victims were held.
  if (/\b(?:by|in) (?:the )?(?:prison|jail|custody|detention)\b|\bprison (?:officials|guards|authorities|staff)\b/i.test(clause) && !own.includes("prisoners") && !own.includes("political_prisoners")) own.push("prisoners");
  if (own.length > 0 || !f.inherited) return own;
  return victimsOf(s.slice(f.inherited.n.phraseStart, Math.max(f.inherited.npEnd, f.inherited.n.phraseEnd)));
}

interface Dated {
  n: NumberMention;
  npEnd: number;
  triggerStart: number;
  inherited?: Dated;
}

/** "the total for", "the death toll in": the time that follows is the period of the figure the total comes to. */
const TOTAL_FOR = /\b(?:total|tally|toll|number|figure|count)\s+(?:for|in|of)\s+(?:the\s+(?:year|month)\s+)?$/i;
/** "the total" right before a time that starts "for", "in" or "of" ("the total for the month"). */
const TOTAL_BEFORE = /\b(?:total|tally|toll|number|figure|count)\s+$/i;

/** A time that names a total's own period: "this month's total", "the annual toll". */
const OWN_TOTAL = /^[^,;]*?(?:'s|\b(?:monthly|annual|yearly|weekly))\s+(?:total|tally|toll|figure|count|number)\b/i;
/** What stands between a total's time and its figure: "'s total to", "total stood at", "tally of". */
const TOTAL_COMES_TO = /^(?:'s)?\s*(?:total|tally|toll|figure|count|number)?\s+(?:(?:has\s+|had\s+)?(?:reached|rose|climbed|jumped|stood|stands|hit|grew)\s+)?(?:to|of|at)?\s*$/i;
/** Words that set one figure against another: such figures do not share a time. */
const COMPARING = /\b(?:from|than|compared|against|versus|vs|up|down|rise|fall|increase|decrease|while|whereas)\b|\d/i;

const REPORT_THAT = /\b(?:said|says|reported|reports|announced|stated|told [^,.;]{1,40}|warned|noted|confirmed|estimated|found|concluded|wrote|added|acknowledged|revealed)\s+(?:on [^,.;]{1,30}\s+)?that\b/g;

/**
 * Dates each figure. A time expression belongs to the figure it stands closest to (same clause
 * first); a figure with none of its own takes a nearby one no other figure claims, and a part
 * ("including 31 women") takes its whole's. Dates of reporting ("In June 2020, X said that …")
 * never date what was reported.
 */
function assignPeriods(s: string, times: TimeMention[], found: Dated[], breaks: number[]): Map<Dated, Period | null> {
  // REPORT_THAT ends in "that": most sentences have none.
  const reportThat = s.includes("that") ? [...s.matchAll(REPORT_THAT)].map((m) => ({ verb: m.index, that: m.index + m[0].length })) : [];
  const usable = (t: TimeMention, f: Dated) =>
    t.role === "event" && t.period !== null && !reportThat.some((r) => t.end <= r.verb && f.n.start >= r.that) && !comparedTime(s, t.start, f.n);
  const dist = (t: TimeMention, f: Dated) => {
    const points = [f.n.phraseStart, f.n.end, f.npEnd, f.triggerStart];
    const d = Math.min(...points.map((p) => (p < t.start ? t.start - p : p > t.end ? p - t.end : 0)));
    return d + (clauseOf(breaks, t.start) === clauseOf(breaks, f.n.start) ? 0 : 1000);
  };
  // A time expression belongs to the figure whose stretch (up to the next figure) holds it,
  // unless it sits in the next figure's clause ("… in November 2018, although … 1988 when …").
  // A figure's stretch starts at its event word when that comes first ("the number of
  // executions this year to 214").
  const from = (f: Dated) => Math.min(f.n.phraseStart, f.triggerStart);
  const ordered = [...found].sort((a, b) => from(a) - from(b));
  const owner = new Map<TimeMention, Dated>();
  // A time inside a figure's own noun phrase ("13 of this month's executions") is that figure's,
  // and such a figure leaves the other times of its stretch to the figures after it.
  const inPhrase = (t: TimeMention, f: Dated) => f.n.end <= t.start && t.end <= f.npEnd;
  const datedInPhrase = new Set<Dated>();
  /** Times that name a total's own period ("this month's total"): the total's before any other. */
  const totalTimes = new Set<TimeMention>();
  for (const t of times) {
    const f = found.find((x) => inPhrase(t, x));
    if (f && usable(t, f)) {
      owner.set(t, f);
      datedInPhrase.add(f);
    }
  }
  for (const t of times) {
    if (owner.has(t)) continue;
    // "this month's total to 58", "the monthly tally of 58": a total's own time is the total's.
    if (t.forNext || OWN_TOTAL.test(s.slice(t.start, t.end + 12))) {
      const total = ordered.find((x) => x.n.start >= t.end);
      if (total && usable(t, total) && (t.forNext || TOTAL_COMES_TO.test(s.slice(t.end, total.n.phraseStart)))) {
        owner.set(t, total);
        totalTimes.add(t);
        continue;
      }
    }
    let k = -1;
    for (let i = 0; i < ordered.length; i++) if (from(ordered[i] as Dated) <= t.start) k = i;
    if (k < 0) continue; // before every figure: free for all
    let f = ordered[k] as Dated;
    const next = ordered[k + 1];
    const tc = clauseOf(breaks, t.start);
    // "… bringing the total for 2024 to 400": a time naming a total's period is the total's.
    const lead = s.slice(Math.max(0, t.start - 30), t.start);
    const ofTotal = TOTAL_FOR.test(lead) || (TOTAL_BEFORE.test(lead) && /^(?:for|in|of)\b/i.test(s.slice(t.start, t.end)));
    if (next && ((tc !== clauseOf(breaks, f.n.start) && tc === clauseOf(breaks, next.n.start)) || datedInPhrase.has(f) || ofTotal)) f = next;
    if (usable(t, f)) owner.set(t, f);
  }
  const claimClauses = new Set(found.map((f) => clauseOf(breaks, f.n.start)));
  const out = new Map<Dated, Period | null>();
  const pick = (f: Dated): Period | null => {
    if (out.has(f)) return out.get(f) ?? null;
    const mine = times.filter((t) => owner.get(t) === f).sort((a, b) => Number(totalTimes.has(b)) - Number(totalTimes.has(a)) || dist(a, f) - dist(b, f))[0];
    let period: Period | null = mine?.period ?? null;
    if (!period && f.inherited && isAside(s, f.n)) period = pick(f.inherited);
    if (!period && !f.inherited) {
      const myClause = clauseOf(breaks, f.n.start);
      const free = times
        .filter((t) => usable(t, f) && !owner.has(t))
        .filter((t) => clauseOf(breaks, t.start) === myClause || !claimClauses.has(clauseOf(breaks, t.start)))
        .sort((a, b) => dist(a, f) - dist(b, f))[0];
      period = free?.period ?? null;
      // A sentence-wide date ("In 2023, 834 … including 31 women") dates every figure in its clause.
      if (!period) {
        const shared = times.filter((t) => usable(t, f) && clauseOf(breaks, t.start) === myClause && t.start < f.n.start)
          .sort((a, b) => a.start - b.start)[0];
        if (shared && times.filter((t) => usable(t, f) && clauseOf(breaks, t.start) === myClause).length === 1) period = shared.period;
      }
      // "18 were killed and dozens injured when police fired on Friday": figures joined by "and"
      // share the one time that closes their clause.
      if (!period) {
        const g = ordered.find((x) => x.n.start > f.n.start);
        const between = g ? s.slice(f.n.end, g.n.phraseStart) : "";
        if (g && clauseOf(breaks, g.n.start) === myClause && /\band\s*$/.test(between) && !COMPARING.test(between)) {
          const last = times.filter((t) => owner.get(t) === g && Math.max(g.npEnd, g.triggerStart) > g.n.end && t.start > Math.max(g.npEnd, g.triggerStart) && usable(t, f) && clauseOf(breaks, t.start) === myClause);
          if (last.length === 1 && !ordered.some((x) => x.n.start > g.n.start && x.n.start < (last[0] as TimeMention).start)) period = (last[0] as TimeMention).period;
        }
      }
    }
    out.set(f, period);
    return period;
  };
  for (const f of found) pick(f);
  return out;
}


/**
 * A sentence's own voice, found before the sentence joins the memory; it carries through the rest
 * of its paragraph ("X has released its monthly report. This month, 125 …"). Only a source that
 * speaks ("X said", "according to X", "X's figures") goes on speaking in the next sentences;
 * "executions announced by the agency" describes, it does not credit.
 */
function sentenceVoice(s: string, firstInUnit: boolean, mayClaim: boolean, registry: SourceRegistry, memory: Memory): { ownVoice: string[]; reports: boolean } {
  const found = attributeSentence(firstInUnit ? maskDateline(s) : s, registry, memory);
  let ownVoice = (found?.names ?? []).filter((n) => !isNotASource(n, registry));
  let reports = found !== null && found.how !== "by-phrase" && (OWN_REPORT.test(s) || mayClaim);
  const holder = dataHolder(s, registry);
  if (holder && !ownVoice.includes(holder) && !isNotASource(holder, registry)) {
    ownVoice.push(holder);
    reports = true;
  }
  if (ownVoice.length === 0) {
    const unnamed = unnamedVoice(s);
    if (unnamed) ownVoice = [unnamed];
  }
  return { ownVoice, reports };
}

/**
 * "in the provinces of Kermanshah, Ilam and Kurdistan": a figure for several places, none inside
 * another, named as one list. Their common country would make the figure a rival of the country's
 * own total, so the claim names the list ("Kermanshah, Ilam and Kurdistan"), a place of its own.
 */
function listedPlaces(t: string, places: readonly PlaceMatch[]): { name: string; start: number } | null {
  const names = [...new Set(places.map((p) => p.name))];
  if (names.length < 2) return null;
  // Every place is in the list, or contains one that is (the country named beside it).
  const inner = places.filter((p) => !names.some((n) => n !== p.name && placeContains(p.name, n)));
  const list: PlaceMatch[] = [];
  for (const p of inner) {
    const last = list[list.length - 1];
    if (last && last.name === p.name) continue;
    if (last && !/^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$/.test(t.slice(last.end, p.start))) return null;
    list.push(p);
  }
  // Places that contain another were left out above, so those listed are none inside another.
  const distinct = [...new Set(list.map((p) => p.name))];
  if (distinct.length < 2) return null;
  return { name: `${distinct.slice(0, -1).join(", ")} and ${distinct[distinct.length - 1] as string}`, start: (list[0] as PlaceMatch).start };
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
  for (const p of docPlaces) if (p.kind === "country") countryCounts.set(p.name, (countryCounts.get(p.name) ?? 0) + 1);
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
      const [qs, qe] = toOriginalSpan(norm, sent.start, sent.end);
      const [cs, ce] = toOriginalSpan(norm, sent.start + row.start, sent.start + row.end);
      drafts.push({
        document: meta.document, event: row.event, count: row.value, qualifier: "exact", period,
        ...(period ? { periodFrom: "heading" as const } : {}),
        place: getPlace(row.label)?.name ?? defaultPlace, victims: victimsOf(row.label),
        // A list goes on in the voice of the text that leads into it.
        source: drafts[drafts.length - 1]?.source ?? null,
        quote: text.slice(qs, qe), span: [qs, qe], countSpan: [cs, ce], extractor: EXTRACTOR_VERSION,
        sentenceIndex: index, paragraph: sent.paragraph, anchors: [], doubts: ["a row of a list, its event taken from the line that leads into it"],
      });
      remember(s);
      return;
    }
    if (sent.unit !== unitCredit.unit) {
      const unitEnd = t.indexOf("\n", sent.start);
      const credit = leadingCredit(t.slice(sent.start, unitEnd < 0 ? t.length : unitEnd), registry)?.filter((n) => !isNotASource(n, registry)) ?? [];
      unitCredit = { unit: sent.unit, names: credit.length > 0 ? credit : null };
    }
    const mayClaim = (HAS_DIGIT.test(s) || NUMBER_WORD.test(s)) && (EVENT_WORD.test(s) || FRONT_PARTITIVE.test(s));
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
    const lower = s.toLowerCase();
    const toks = tokens(s);
    const numbers = findNumbers(s);
    const reasons = new Map(numbers.map((n) => [n, nonCountReason(s, n)]));
    // "5 to 10 years", "two or three times": the low end of a range shares the unit of the high.
    numbers.forEach((n, i) => {
      const next = numbers[i + 1];
      const unit = next ? /^\s+([a-z]+)/i.exec(s.slice(next.phraseEnd, next.phraseEnd + 16))?.[1]?.toLowerCase() : undefined;
      const why = next ? (reasons.get(next) ?? (unit && NON_COUNT_UNITS.test(unit) ? "a measure of time, money or things, not people" : null)) : null;
      if (next && why && !reasons.get(n) && /^\s*(?:to|-|\u2013|or)\s*$/.test(s.slice(n.end, next.phraseStart))) reasons.set(n, why);
    });
    const countLikeOf = () => numbers.filter((n) => {
      const r = reasons.get(n) ?? null;
      return r === null || (r !== "year" && r !== "date" && r !== "time or ratio");
    });
    interface Found {
      n: NumberMention;
      event: Claim["event"];
      npEnd: number;
      triggerStart: number;
      inherited?: Found;
      /** The hedge when the figure's own words do not give it (the ends of a range). */
      qualifier?: Claim["qualifier"];
    }
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
    if (found.length > 0 || FRONT_PARTITIVE.test(s)) {
      // A dateline's date is when the story was filed, not when the events happened.
      const timeText = sent.firstInUnit ? maskDateline(s) : s;
      sentenceTimes = reportRelative(s, findTimes(timeText, meta.published), shape.kind === "report" ? docPeriod : null);
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
    if (found.length === 0 && !FRONT_PARTITIVE.test(s)) {
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
    const front = FRONT_PARTITIVE.exec(s);
    let frontParent: DraftClaim | null = null;
    if (front) {
      frontParent = drafts[drafts.length - 1] ?? null;
      // "Of these, 21 …": the group counted just before.
      const event = frontEvent((front[1] ?? "").toLowerCase(), frontParent?.event ?? null);
      for (const n of numbers) {
        if (!event || found.some((f) => f.n === n) || reasons.get(n) || n.start < front[0].length || n.kind === "ordinal") continue;
        if (!/^\s+(?:were|was|are|had|have|of)\b/.test(s.slice(n.phraseEnd, n.phraseEnd + 8))) continue;
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
    const { ownVoice, reports } = sentenceVoice(s, sent.firstInUnit, mayClaim, registry, memory);
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

    // Places set against the sentence's main place ("…, compared to 158 in Saudi Arabia") are their figures' own.
    const comparedPlaces = new Map<Found, string>();
    for (const f of found) {
      const other = f.inherited ? comparedPlace(s, f.n) : null;
      if (other) comparedPlaces.set(f, other);
    }
    const compared = new Set(comparedPlaces.values());
    // "Afghan nationals", "Iraqi citizens": a nationality, not where it happened.
    const nationality = (p: { start: number; end: number; via?: string }) => p.via === "demonym" && NATIONALS.test(t.slice(p.end, p.end + 24));
    const found0 = placesIn(sent.start, sent.end);
    // "Kurdistan Province (Sanandaj)": a place in brackets inside the one before it glosses it.
    const gloss = (p: PlaceMatch, k: number) => {
      const prev = found0[k - 1];
      return prev !== undefined && /^\s*(?:province|region|county|district|governorate)?\s*\($/i.test(t.slice(prev.end, p.start)) && placeContains(prev.name, p.name) && prev.name !== p.name;
    };
    const places = found0.filter((p, k) => !compared.has(p.name) && !nationality(p) && !gloss(p, k));
    const place = mostSpecificPlace(places) ?? defaultPlace;
    // "Saudi Arabia executed 196 people, while in Iran …": the place a figure's own clause names
    // comes before the sentence's (which is their common country, or none, when they differ).
    const clausePlace = (f: Found) => {
      if (places.length < 2) return null;
      const c = clauseOf(breaks, f.n.start);
      const own = places.filter((p) => clauseOf(breaks, p.start - sent.start) === c);
      return own.length > 0 && own.length < places.length ? mostSpecificPlace(own) : null;
    };
    // A list of places is the place of the figures in its clause only.
    const listed = listedPlaces(t, places);
    const listClause = listed ? clauseOf(breaks, listed.start - sent.start) : -1;
    const line = lineOf(sent.start);
    const isClutter = clutter[line] === true;
    const anchors = [...s.matchAll(EVENT_ANCHORS)].map((m) => (m[1] as string).toLowerCase().replace(/s$/, ""));
    const [qs, qe] = toOriginalSpan(norm, sent.start, sent.end);
    const quote = text.slice(qs, qe);

    // "31 of those executed were Baluch, and 5 were women": parts of the figure counted just before
    // share its period, whatever else the paragraph dates.
    const whole = drafts[drafts.length - 1];
    const partitive = (x: Found) => /^\s+of\s+(?:those|these|them)\b/i.test(s.slice(x.n.phraseEnd, x.n.phraseEnd + 12));
    for (const f of found) {
      let period = periods.get(f) ?? null;
      const partOfWhole = whole !== undefined && whole.sentenceIndex < index && whole.period !== null && (whole.event === f.event || (lethal(whole.event) && lethal(f.event)));
      if (!period && partOfWhole && (partitive(f) || (f.inherited !== undefined && partitive(f.inherited as Found)))) period = whole.period;
      // Parts of a group counted just before ("Of these executions, 88 were …") share its period.
      const partOfFront = frontParent !== null && frontParent.event === f.event && !own.includes(f) && f.inherited === undefined;
      if (!period && partOfFront && frontParent?.period) period = frontParent.period;
      // "977 in 2015, compared to 158 in Saudi Arabia": a comparison between places shares the period.
      const otherPlace = comparedPlaces.get(f) ?? null;
      if (!period && otherPlace && f.inherited) period = periods.get(f.inherited) ?? null;
      const [cs, ce] = toOriginalSpan(norm, sent.start + f.n.start, sent.start + f.n.end);
      const claim: DraftClaim = {
        document: meta.document,
        event: f.event,
        count: f.n.value,
        qualifier: f.qualifier ?? f.n.qualifier,
        period,
        ...(period ? { periodFrom: periods.get(f) ? ("sentence" as const) : ("paragraph" as const) } : {}),
        place: otherPlace ?? (listed && clauseOf(breaks, f.n.start) === listClause ? listed.name : clausePlace(f) ?? place),
        victims: victimsFor(s, f),
        source: names[0] ?? null,
        quote,
        span: [qs, qe],
        countSpan: [cs, ce],
        extractor: EXTRACTOR_VERSION,
        sentenceIndex: index,
        paragraph: sent.paragraph,
        anchors,
      };
      if (names.length > 1) (claim as DraftClaim & { sources?: string[] }).sources = names;
      const doubts: string[] = [];
      if (f.n.kind === "vague") doubts.push("a vague figure");
      if (f.inherited) doubts.push("its event is shared with another figure of the sentence");
      if (index === shape.title) doubts.push("a headline");
      if (names.length > 0 && ownVoice.length === 0 && names === carried) doubts.push("its source is carried from an earlier sentence");
      if (doubts.length > 0) claim.doubts = doubts;
      if (isBaseline(s, f.n)) claim.baseline = true;
      if (isClutter) claim.clutter = true;
      drafts.push(claim);
    }
    remember(s);
  });

  // A news story tells of one day's events in its opening ("… were executed on Tuesday"): its
  // undated figures for the same kind of event, no larger than the story's own, are that day's.
  const timesOfSentence = (i: number) => {
    let cached = timesCache.get(i);
    if (!cached) {
      cached = findTimes(texts[i] as string, meta.published);
      timesCache.set(i, cached);
    }
    return cached;
  };
  const storyPeriod = storyDay(drafts, sentences.length, (i) => texts[i] as string, timesOfSentence, shape, meta.published);
  resolveDocumentContext(drafts, timesOfSentence, texts, sentences.map((s) => s.paragraph), storyPeriod);

  // Still undated: the heading the figure stands under, then the period a report states for itself.
  const headingPeriods = new Map<number, Period | null>();
  for (const d of drafts) {
    if (d.period !== null || d.clutter || d.event === "death_row") continue;
    const heading = shape.headingOf[d.sentenceIndex] ?? -1;
    let fromHeading: Period | null = null;
    if (heading >= 0) {
      if (!headingPeriods.has(heading)) headingPeriods.set(heading, periodFromHeading(texts[heading] as string, meta.published));
      fromHeading = headingPeriods.get(heading) ?? null;
    }
    if (fromHeading) {
      d.period = fromHeading;
      d.periodFrom = "heading";
    } else if (docPeriod && shape.kind === "report") {
      d.period = docPeriod.period;
      d.periodFrom = docPeriod.from;
    }
  }

  // Nothing is reported before it happens: a period that runs past the publication day (the
  // month or year of a report published in its course) is a figure to date, ending that day.
  const pub = parseRef(meta.published);
  if (pub && pub.day !== null) {
    const end = refEnd(pub);
    for (const d of drafts) if (d.period && d.period.start <= end && d.period.end > end) d.period = { start: d.period.start, end };
  }

  const claims: Claim[] = drafts.map(({ sentenceIndex: _i, paragraph: _p, anchors: _a, baseline: _b, doubts, ...c }) => withConfidence(c, doubts ?? []));
  if (explain) {
    for (const c of claims) {
      const span = c.countSpan ?? c.span;
      const when = c.period ? `${c.period.start}..${c.period.end} (from the ${c.periodFrom ?? "sentence"})` : "no period";
      explain.push({ text: text.slice(span[0], span[1]), span, value: c.count, claim: c, reason: `${c.event} ${c.qualifier} ${c.count}, ${when}, source ${c.source ?? "the publisher's own voice"}, confidence ${c.confidence}${c.confidenceReason ? ` (${c.confidenceReason})` : ""}` });
    }
    explain.sort((a, b) => a.span[0] - b.span[0]);
  }
  return { claims, people };
}
