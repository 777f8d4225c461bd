// Document context: a figure stated without a time ("the death of 1,500 protesters") takes the
// one period its paragraph or document gives for the same event. When the context names
// several periods, the figure stays undated: never invent.
import type { EventType, Period } from "../types.js";
import type { DraftClaim } from "./draft.js";
import { EVENT_ANCHORS } from "./lexicon.js";
import { matchesOf } from "./scan.js";
import type { TimeMention } from "./periods.js";

const FAMILY: Partial<Record<EventType, string>> = { execution: "lethal", killing: "lethal" };
const family = (e: EventType) => FAMILY[e] ?? e;
const key = (p: Period) => `${p.start}/${p.end}`;

function victimsCompatible(a: DraftClaim, b: DraftClaim): boolean {
  return a.victims.length === 0 || b.victims.length === 0 || a.victims.some((v) => b.victims.includes(v));
}

/** The single period among candidates, or null when there are none or several. */
function single(periods: Period[]): Period | null {
  const distinct = new Map(periods.map((p) => [key(p), p]));
  return distinct.size === 1 ? ([...distinct.values()][0] as Period) : null;
}

const TOTAL_TIME = /\b(?:monthly|annual|yearly)\s+(?:total|tally|toll|count|figure)\b/i;

/**
 * Fills null periods from context, in order of closeness: the same paragraph's dated
 * figures for the same event; the one period the paragraph names; the same figure for the same event elsewhere in the document;
 * a period the document attaches to the same event word ("the uprising last November").
 */
export function resolveDocumentContext(
  drafts: DraftClaim[],
  timesOf: (sentenceIndex: number) => TimeMention[],
  sentenceTexts: string[],
  sentenceParagraphs: number[],
  /** A rule of the document's that dates a figure before the document-wide ones (a news story's day). */
  preferred: (d: DraftClaim) => Period | null = () => null,
): void {
  // A comparison's baseline ("up from 853 in 2023") dates no other figure.
  const dated = drafts.filter((d) => d.period !== null && !d.clutter && !d.baseline);
  let anchorPeriods: Map<string, Period[]> | null = null;
  // The sentences of each paragraph, in order (indexed once, not searched for each paragraph).
  let byParagraph: Map<number, number[]> | null = null;
  const sentencesOf = (paragraph: number): number[] => {
    if (!byParagraph) {
      byParagraph = new Map();
      sentenceParagraphs.forEach((p, i) => {
        const list = (byParagraph as Map<number, number[]>).get(p);
        if (list) list.push(i);
        else (byParagraph as Map<number, number[]>).set(p, [i]);
      });
    }
    return byParagraph.get(paragraph) ?? [];
  };
  // Event periods named in each paragraph, gathered once per paragraph.
  const paragraphTimes = new Map<number, Period[]>();
  const periodsIn = (paragraph: number): Period[] => {
    let times = paragraphTimes.get(paragraph);
    if (!times) {
      const found: Period[] = [];
      for (const i of sentencesOf(paragraph)) {
        // "bringing the annual toll to 230": the total's own period, not one the paragraph gives its events.
        for (const t of timesOf(i)) if (t.role === "event" && t.period && !TOTAL_TIME.test(sentenceTexts[i]?.slice(t.start, t.end) ?? "")) found.push(t.period);
      }
      paragraphTimes.set(paragraph, (times = found));
    }
    return times;
  };
  // The event families each dated period of a paragraph belongs to.
  const datedFamilies = new Map<string, Set<string>>();
  for (const o of dated) {
    const k = `${o.paragraph}|${key(o.period as Period)}`;
    const families = datedFamilies.get(k) ?? new Set<string>();
    families.add(family(o.event));
    datedFamilies.set(k, families);
  }
  for (const d of drafts) {
    // A baseline with no time of its own ("down from 40") is of an earlier time the text does not name.
    if (d.period !== null || d.clutter || d.baseline) continue;
    const sameEvent = dated.filter((o) => family(o.event) === family(d.event) && victimsCompatible(o, d));
    const inParagraph = single(sameEvent.filter((o) => o.paragraph === d.paragraph && o.sentenceIndex !== d.sentenceIndex).map((o) => o.period as Period));
    if (inParagraph) {
      d.period = inParagraph;
      d.periodFrom = "paragraph";
      continue;
    }
    // The paragraph names exactly one period at all (events in time only, not a state like death row).
    if (d.event !== "death_row") {
      // A day that dates another event's figure in the paragraph (an incident) does not date this one.
      const othersOwn = (p: Period) => {
        if (p.start !== p.end) return false;
        const families = datedFamilies.get(`${d.paragraph}|${key(p)}`);
        return families !== undefined && !families.has(family(d.event));
      };
      const baselines = new Set(drafts.filter((o) => o.baseline && o.period && o.paragraph === d.paragraph).map((o) => key(o.period as Period)));
      const only = single(periodsIn(d.paragraph).filter((p) => !othersOwn(p) && !baselines.has(key(p))));
      if (only) {
        d.period = only;
        d.periodFrom = "paragraph";
        continue;
      }
    }
    const sameFigure = single(sameEvent.filter((o) => o.count === d.count).map((o) => o.period as Period));
    if (sameFigure) {
      d.period = sameFigure;
      d.periodFrom = "document";
      continue;
    }
    const chosen = preferred(d);
    if (chosen) {
      d.period = chosen;
      d.periodFrom = "document";
      continue;
    }
    // A figure takes the one period the document gives its event anywhere, as a reader would
    // ("Those executed included …" in a story about one day's hangings).
    const sameEventAnywhere = single(sameEvent.filter((o) => o.sentenceIndex !== d.sentenceIndex).map((o) => o.period as Period));
    if (sameEventAnywhere && d.event !== "death_row") {
      d.period = sameEventAnywhere;
      d.periodFrom = "document";
      continue;
    }
    if (d.anchors.length > 0) {
      anchorPeriods ??= collectAnchorPeriods(sentenceTexts, timesOf);
      const candidates = d.anchors.flatMap((a) => anchorPeriods?.get(a) ?? []);
      const p = single(candidates);
      if (p) {
        d.period = p;
        d.periodFrom = "document";
      }
    }
  }
}


/** Periods the document attaches directly to event words: "the 1988 massacre", "the uprising last November". */
function collectAnchorPeriods(sentenceTexts: string[], timesOf: (i: number) => TimeMention[]): Map<string, Period[]> {
  const out = new Map<string, Period[]>();
  sentenceTexts.forEach((s, i) => {
    const anchors = matchesOf(EVENT_ANCHORS, s);
    if (anchors.length === 0) return;
    const times = timesOf(i).filter((t) => t.role === "event" && t.period);
    for (const a of anchors) {
      const word = (a[1] as string).toLowerCase().replace(/s$/, "");
      const aStart = a.index;
      const aEnd = aStart + a[0].length;
      for (const t of times) {
        const gap = t.start >= aEnd ? t.start - aEnd : aStart - t.end;
        if (gap >= 0 && gap <= 25) {
          const list = out.get(word) ?? [];
          list.push(t.period as Period);
          out.set(word, list);
        }
      }
    }
  });
  return out;
}
