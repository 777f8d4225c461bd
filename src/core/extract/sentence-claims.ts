// The draft claims of one sentence: a row of a list, or the figures the sentence pass associated
// with events, dated and credited, given their places, victims and doubts.
import { mostSpecificPlace, placeContains, getPlace, type PlaceMatch } from "../places.js";
import { toOriginalSpan, type NormalizedText } from "../text/normalize.js";
import { clauseOf, type Sentence } from "../text/segment.js";
import type { Claim, DocumentMeta, Period } from "../types.js";
import type { Dated } from "./assign-periods.js";
import { comparedPlace, isBaseline } from "./comparison.js";
import { EXTRACTOR_VERSION, type DraftClaim, type Found } from "./draft.js";
import { EVENT_ANCHORS } from "./lexicon.js";
import type { ListRow } from "./lists.js";
import { matchesOf } from "./scan.js";
import { victimsFor, victimsOf } from "./victims.js";

/** Nouns after a demonym that make it a nationality ("Afghan nationals"), not a place. */
const NATIONALS = /^\s+(?:nationals?|citizens?|migrants?|refugees?|workers?|prisoners?|asylum|passport|origin|descent)\b/i;

/**
 * "Afghan nationals", "Iraqi citizens": a demonym naming who the people are; "the Norway-based
 * group": where a speaker is based. Neither is where it happened.
 */
export function isNationality(t: string, p: { end: number; via?: string }): boolean {
  return (p.via === "demonym" && NATIONALS.test(t.slice(p.end, p.end + 24))) || t.startsWith("-based", p.end);
}

/** Executions and killings: deaths, which one whole can count together. */
const lethal = (e: Claim["event"]) => e === "execution" || e === "killing";

/**
 * "in the provinces of Kermanshah, Ilam and Kurdistan": a figure for several places, none inside
 * another, named as one list. Their common country would make the figure a rival of the country's
 * own total, so the claim names the list ("Kermanshah, Ilam and Kurdistan"), a place of its own.
 */
export function listedPlaces(t: string, places: readonly PlaceMatch[]): { name: string; start: number } | null {
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

/** What a sentence's claims are made of (see `extract`). */
interface Where {
  /** The original text and its normalised form. */
  text: string;
  norm: NormalizedText;
  meta: DocumentMeta;
  sent: Sentence;
  /** Position of the sentence in the document. */
  index: number;
  /** The place most of the document's country mentions name, or null. */
  defaultPlace: string | null;
}

/** The claim of a row of a list ("Tehran: 14" under "Executions by province in August:"). */
export function rowClaim(w: Where & { row: ListRow; period: Period | null; previous: DraftClaim | undefined }): DraftClaim {
  const { text, norm, meta, sent, index, defaultPlace, row } = w;
  // A row labelled by a year ("| 2021 | 333 |") is that year's figure.
  const year = /^(?:19|20)\d\d$/.test(row.label.trim()) ? Number(row.label.trim()) : null;
  const period = year !== null ? { start: `${year}-01-01`, end: `${year}-12-31` } : w.period;
  const [qs, qe] = toOriginalSpan(norm, sent.start, sent.end);
  const [cs, ce] = toOriginalSpan(norm, sent.start + row.start, sent.start + row.end);
  return {
    document: meta.document, event: row.event, count: row.value, qualifier: "exact", period,
    ...(period ? { periodFrom: year !== null ? ("sentence" as const) : ("heading" as const) } : {}),
    place: year !== null ? defaultPlace : getPlace(row.label)?.name ?? defaultPlace, victims: year !== null ? [] : victimsOf(row.label),
    // A list goes on in the voice of the text that leads into it.
    source: w.previous?.source ?? null,
    quote: text.slice(qs, qe), span: [qs, qe], countSpan: [cs, ce], extractor: EXTRACTOR_VERSION,
    sentenceIndex: index, paragraph: sent.paragraph, anchors: [], doubts: ["a row of a list, its event taken from the line that leads into it"],
  };
}

/** A sentence's figures, as `extract` associated, dated and credited them. */
export interface SentenceFigures extends Where {
  /** The normalised text of the document, and the sentence's. */
  t: string;
  s: string;
  /** Every figure with its event, and those that found it themselves (not shared). */
  found: Found[];
  own: Found[];
  periods: Map<Dated, Period | null>;
  breaks: number[];
  /** Who the sentence credits, its own voice, and the voice carried from a sentence before. */
  names: string[];
  ownVoice: string[];
  /** Where in the sentence each of its own voices is credited (see `Attribution.at`). */
  voiceAt: ReadonlyMap<string, number>;
  /** Where the sentence's last credit stands. */
  lastCue: number;
  carried: string[] | null;
  /** The draft just before the sentence, and the group a fronted partitive opens on. */
  previous: DraftClaim | undefined;
  frontParent: DraftClaim | null;
  /** The places named in the sentence (from the pass over the document). */
  sentencePlaces: PlaceMatch[];
  /** Index of the title sentence, and whether the sentence's line is clutter. */
  title: number;
  isClutter: boolean;
}

/** A sentence counting across countries: "in 18 countries", "worldwide", "around the world", "globally". */
const WORLDWIDE = /\b(?:in|across|from)\s+(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:other\s+)?countries\b|\bworld-?wide\b|\bglobally\b|\b(?:around|across|throughout)\s+the\s+(?:world|globe)\b|\bin\s+the\s+world\b|\bglobal\s+(?:total|figure|tally|count)\b/i;

/** The draft claims of a sentence's figures. */
export function sentenceClaims(x: SentenceFigures): DraftClaim[] {
  const { text, norm, meta, sent, index, defaultPlace, t, s, found, own, periods, breaks, names, ownVoice, voiceAt, lastCue, carried, previous, frontParent, sentencePlaces, title, isClutter } = x;
  const out: DraftClaim[] = [];
  // Places set against the sentence's main place ("…, compared to 158 in Saudi Arabia") are their figures' own.
  const comparedPlaces = new Map<Found, string>();
  for (const f of found) {
    const other = f.inherited ? comparedPlace(s, f.n) : null;
    if (other) comparedPlaces.set(f, other);
  }
  const compared = new Set(comparedPlaces.values());
  // "Afghan nationals", "Iraqi citizens": a nationality, not where it happened.
  const nationality = (p: { start: number; end: number; via?: string }) => isNationality(t, p);
  const found0 = sentencePlaces;
  // "Kurdistan Province (Sanandaj)": a place in brackets inside the one before it glosses it.
  const gloss = (p: PlaceMatch, k: number) => {
    const prev = found0[k - 1];
    return prev !== undefined && /^\s*(?:province|region|county|district|governorate)?\s*\($/i.test(t.slice(prev.end, p.start)) && placeContains(prev.name, p.name) && prev.name !== p.name;
  };
  const places = found0.filter((p, k) => !compared.has(p.name) && !nationality(p) && !gloss(p, k));
  // A figure for the world ("579 executions in 18 countries", "worldwide") is not the document's country's.
  const place = mostSpecificPlace(places) ?? (defaultPlace !== null && WORLDWIDE.test(s) ? null : defaultPlace);
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
  const anchors = matchesOf(EVENT_ANCHORS, s).map((m) => (m[1] as string).toLowerCase().replace(/s$/, ""));
  const [qs, qe] = toOriginalSpan(norm, sent.start, sent.end);
  const quote = text.slice(qs, qe);

  // "31 of those executed were Baluch, and 5 were women": parts of the figure counted just before
  // share its period, whatever else the paragraph dates.
  // "500 were killed, the group said, while the government put the toll at 200": with two voices
  // credited in different clauses, each figure is its own clause's.
  // Only the sentence's own voices have positions; a credit after its last figure (", it said.")
  // speaks for the whole sentence.
  const byClause = names.length >= 2 && names === ownVoice && lastCue <= found.reduce((m, f) => Math.max(m, f.n.end), 0);
  const sourceOf = (f: Found): string | null => {
    if (!byClause) return names[0] ?? null;
    const c = clauseOf(breaks, f.n.start);
    const inClause = names.filter((n) => {
      const pos = voiceAt.get(n);
      return pos !== undefined && clauseOf(breaks, pos) === c;
    });
    return inClause.length === 1 ? (inClause[0] as string) : (names[0] as string);
  };
  const whole = previous;
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
      source: sourceOf(f),
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
    if (index === title) doubts.push("a headline");
    if (names.length > 0 && ownVoice.length === 0 && names === carried) doubts.push("its source is carried from an earlier sentence");
    if (doubts.length > 0) claim.doubts = doubts;
    if (isBaseline(s, f.n)) claim.baseline = true;
    if (isClutter) claim.clutter = true;
    out.push(claim);
  }
  return out;
}
