// The passes over the whole document after the sentence pass: the day a news story tells of, the
// document context, the heading a figure stands under and the period a report states for itself,
// periods cut at the publication day; then the claims, and their decisions when asked.
import type { Sentence } from "../text/segment.js";
import type { Claim, DocumentMeta, Period } from "../types.js";
import { withConfidence } from "./confidence.js";
import { resolveDocumentContext } from "./context.js";
import { parseRef, refEnd } from "./dates.js";
import type { DocumentShape } from "./document.js";
import { periodFromHeading, type DocumentPeriod } from "./document-periods.js";
import type { DraftClaim } from "./draft.js";
import type { FigureDecision } from "./explain.js";
import { findTimes, type TimeMention } from "./periods.js";
import { storyDay } from "./story.js";

/** What the document-level passes need from the sentence pass (see `extract`). */
export interface DocumentDrafts {
  /** The original text, its metadata and the decisions asked for, if any. */
  text: string;
  meta: DocumentMeta;
  explain: FigureDecision[] | undefined;
  sentences: Sentence[];
  shape: DocumentShape;
  docPeriod: DocumentPeriod | null;
  drafts: DraftClaim[];
  /** Every sentence's text, and the time expressions of those the sentence pass searched. */
  texts: string[];
  timesCache: Map<number, TimeMention[]>;
}

/** Dates what the sentences left undated, and turns the drafts into claims. */
export function documentPasses(x: DocumentDrafts): Claim[] {
  const { text, meta, explain, sentences, shape, docPeriod, drafts, texts, timesCache } = x;
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
  return claims;
}
