// A news story's own day: the opening of a report of an event says when it happened ("… were
// executed on Tuesday"), and the story's other figures for that kind of event, no larger than the
// opening's, are parts or restatements of it ("a monitor said between 6 and 9 men had died").
import type { Period } from "../types.js";
import type { DocumentShape } from "./document.js";
import type { DraftClaim } from "./draft.js";
import type { TimeMention } from "./periods.js";

const LETHAL = /\b(?:execut\w*|hang(?:ed|ing|s)?|hung|killed|killing|shot dead|put to death|beheaded|gunned down)\b/i;
const OPENING_SENTENCES = 3;
/** How long before publication a story's day may be. */
const RECENT_DAYS = 10;

/**
 * The day a news story's opening gives its lethal events, as a rule for undated figures: the
 * day for a lethal figure no larger than the opening's own, else null.
 */
export function storyDay(
  drafts: DraftClaim[],
  sentenceCount: number,
  textOf: (i: number) => string,
  timesOf: (i: number) => TimeMention[],
  shape: DocumentShape,
  published: string | null,
): (d: DraftClaim) => Period | null {
  const none = () => null;
  if (shape.kind !== "news") return none;
  const opening: number[] = [];
  for (let i = 0; i < sentenceCount && opening.length < OPENING_SENTENCES; i++) if (!shape.isHeading[i]) opening.push(i);
  const days = new Map<string, Period>();
  for (const i of opening) {
    if (!LETHAL.test(textOf(i))) continue;
    for (const t of timesOf(i)) if (t.role === "event" && t.period && t.period.start === t.period.end) days.set(t.period.start, t.period);
  }
  if (days.size !== 1) return none;
  const day = [...days.values()][0] as Period;
  // A story reports what happened in the days before it was published; an anniversary piece
  // that opens on a day long past is not that day's news.
  if (published && (Date.parse(published.slice(0, 10).length === 10 ? published.slice(0, 10) : day.start) - Date.parse(day.start)) / 86_400_000 > RECENT_DAYS) return none;
  const lethal = (d: DraftClaim) => d.event === "execution" || d.event === "killing";
  const storyFigures = drafts.filter((d) => lethal(d) && (d.sentenceIndex === shape.title || opening.includes(d.sentenceIndex)));
  if (storyFigures.length === 0) return none;
  const largest = Math.max(...storyFigures.map((d) => d.count));
  return (d) => (lethal(d) && d.count <= largest ? day : null);
}
