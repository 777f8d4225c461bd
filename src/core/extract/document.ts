// The shape of a document as the extractor reads it: a title line, headings and list lead-ins,
// paragraphs, and the kind of document (a monitor's periodic report or a news item). Periods
// and voices are resolved against this shape, walking outward from the sentence.
import type { Sentence } from "../text/segment.js";

/** What kind of document a text is, as far as periods are concerned. */
export type DocumentKind = "report" | "news";

/** The document's structure over its sentences. */
export interface DocumentShape {
  /** Index of the title sentence, or -1 when the text has no title line. */
  title: number;
  /** For each sentence, the index of the heading sentence it stands under, or -1. */
  headingOf: number[];
  /** True for sentences that are headings (or the title). */
  isHeading: boolean[];
  kind: DocumentKind;
}

/** Words that mark a monitor's periodic or statistical report ("Monthly Report", "statistics of", "death toll for May"). */
const REPORT_WORDS =
  /\b(?:(?:monthly|annual|yearly|weekly|quarterly|half-yearly|biannual|periodic|global|worldwide|year-end)\s+(?:human rights\s+)?(?:report|statistics|review|overview|bulletin|update|summary|tally)|statistics\s+(?:of|on|for)|statistic(?:s|al)\s+(?:cent(?:re|er)|department|unit)|(?:death\s+)?toll\s+(?:for|of|in)\s+(?:the\s+month\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})|report\s+(?:for|on|covering)\s+(?:the\s+(?:month|year|period)\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|\d{4})|(?:data|figures)\s+(?:registered|recorded|documented|compiled)\s+(?:at|by|in)\s+the)\b/i;

/** Words that make a line a date or a byline rather than a heading. */
const DATE_WORDS = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|date|published|updated|posted|on|at|by|am|pm|gmt|utc|st|nd|rd|th)$/i;

const LINE_WORD = /[\p{L}][\p{L}\p{M}'-]*/gu;

/** True when a line has at least `least` words other than dates, times and figures (a heading has two); stops counting there. */
function hasWords(line: string, least: number): boolean {
  let n = 0;
  LINE_WORD.lastIndex = 0;
  for (let m = LINE_WORD.exec(line); m !== null; m = LINE_WORD.exec(line)) if (!DATE_WORDS.test(m[0]) && ++n >= least) return true;
  return false;
}

/** How a report introduces itself in its first sentence: "has released its monthly report", "data registered at the centre". */
const LEAD_REPORT =
  /\b(?:(?:released|published|issued|presents?|publishe[sd])\s+(?:its|their|our|this|the)\s+(?:monthly|annual|yearly|weekly|quarterly|half-yearly|periodic)\s+(?:human rights\s+)?(?:report|statistics|review|bulletin)|statistic(?:s|al)\s+(?:and\s+[a-z]+\s+)?(?:cent(?:re|er)|department|unit)|(?:data|figures|statistics)\s+(?:registered|recorded|documented|compiled)\s+(?:at|by|in)\b|(?:report|statistics)\s+(?:for|on|covering)\s+(?:the\s+(?:month|year|period)\s+of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December))/i;

/** A line that closes like a sentence, or a clause that goes on. */
const SENTENCE_END = /[.!?;,"'\u201d)]$/;

/**
 * Reads the structure: the first line is the title when it is short and does not end like a
 * sentence; a heading is a short line unit of one sentence that does not end like a sentence
 * (or ends in a colon, introducing a list), followed by more text.
 */
export function documentShape(text: string, sentences: Sentence[]): DocumentShape {
  const isHeading = sentences.map(() => false);
  const unitSize = new Map<number, number>();
  for (const s of sentences) unitSize.set(s.unit, (unitSize.get(s.unit) ?? 0) + 1);
  let title = -1;
  const first = sentences[0];
  if (first && first.unit === 0 && unitSize.get(0) === 1) {
    const line = text.slice(first.start, first.end);
    const nextStartsParagraph = (sentences[1]?.paragraph ?? 1) !== first.paragraph;
    if (line.length <= 200 && (!/[.!?]$/.test(line) || nextStartsParagraph)) {
      title = 0;
      isHeading[0] = true;
    }
  }
  sentences.forEach((s, i) => {
    if (i === title || i === sentences.length - 1) return;
    if (unitSize.get(s.unit) !== 1) return;
    const line = text.slice(s.start, s.end);
    if (line.length > 120) return;
    const lead = line.endsWith(":");
    if (!lead && SENTENCE_END.test(line)) return;
    // A heading has words, not just a figure or a date line.
    if (!hasWords(line, 2)) return;
    isHeading[i] = true;
  });
  const headingOf: number[] = [];
  let current = -1;
  sentences.forEach((_s, i) => {
    headingOf.push(current === i ? -1 : current);
    if (isHeading[i] && i !== title) current = i;
  });
  const titleText = title >= 0 && first ? text.slice(first.start, first.end) : "";
  // The first sentence of prose (date lines and bylines skipped) says what the document is.
  const leadSentence = sentences.find((s, i) => !isHeading[i] && /(?:\p{L}+\P{L}+){6}/u.test(text.slice(s.start, s.end)));
  const lead = leadSentence ? text.slice(leadSentence.start, leadSentence.end) : "";
  const kind: DocumentKind = REPORT_WORDS.test(titleText) || LEAD_REPORT.test(lead) || (/\breport\b/i.test(titleText) && /\b(?:statistic|documented|recorded|registered|data)\b/i.test(lead)) ? "report" : "news";
  return { title, headingOf, isHeading, kind };
}
