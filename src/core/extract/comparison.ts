// Comparisons: "972 executions, up from 853 in 2023", "50% more than in 2022". The year of a
// comparison dates the figure compared with (the baseline), never the main figure, and a
// baseline's period dates no other figure.
import { getPlace } from "../places.js";
import type { NumberMention } from "./numbers.js";

/** Verbs of change that introduce a baseline with "from". */
const CHANGE = "up|down|rising|falling|increased?|decreased?|rose|fell|jumped|dropped";
/** Words that set one figure against another. */
const AGAINST = "compared\\s+(?:to|with)|against|versus|vs\\.?";
const HEDGE = "(?:at least\\s+|more than\\s+|about\\s+|some\\s+)?";

/** Text before a time expression that makes it the time of a figure compared with ("up from 853 in"). */
const COMPARISON_BEFORE = new RegExp(`\\b(?:(?:${CHANGE})\\s+from|${AGAINST})\\s+${HEDGE}[\\d,.]+(?:\\s+[a-z]+){0,2}\\s*(?:in|during|for|of)?\\s*$`, "i");
/** Words before a figure that is the baseline of a comparison: "up from 853", "compared with 256", "doubled its total, from 172". */
const BASELINE_BEFORE = new RegExp(`\\b(?:(?:${CHANGE}|doubled|tripled|quadrupled)\\s+(?:[a-z]+,?\\s+){0,3}from|${AGAINST})\\s+${HEDGE}$`, "i");
/** "more than in 2022", "compared with 2022": a time named only to compare with. */
const THAN_BEFORE = /\b(?:than\s+(?:(?:it|they|there)\s+(?:was|were|did)\s+)?(?:in|during|for)?|compared\s+(?:to|with)(?:\s+(?:in|during))?|(?:increase|rise|jump|decrease|drop|fall|decline|growth)\s+(?:of\s+[\d,.]+\s*(?:%|per\s*cent|percent)\s+)?(?:over|on|from|since)(?:\s+(?:the\s+)?(?:figure|total|number)\s+(?:for|in|of))?)\s*$/i;

/** True when the time starting at timeStart is a comparison's, and so does not date this figure of the sentence. */
export function comparedTime(s: string, timeStart: number, figure: NumberMention): boolean {
  if (figure.start > timeStart) return false;
  const before = s.slice(Math.max(0, timeStart - 60), timeStart);
  if (THAN_BEFORE.test(before)) return true;
  // "up from 853 in 2023" dates the 853, not a figure before it.
  return COMPARISON_BEFORE.test(before) && /\d/.test(s.slice(figure.end, timeStart));
}

/** True for the figure a comparison is made with ("up from 853"). */
export function isBaseline(s: string, figure: NumberMention): boolean {
  return BASELINE_BEFORE.test(s.slice(Math.max(0, figure.phraseStart - 40), figure.phraseStart));
}

const AGAINST_BEFORE = new RegExp(`\\b(?:${AGAINST})\\s+${HEDGE}$`, "i");
const IN_PLACE_AFTER = /^\s*(?:[a-z]+\s+){0,2}in\s+([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})/;

/**
 * The place of a figure set against another in a different place ("977 in Iran in 2015, compared
 * to 158 in Saudi Arabia"): the comparison is between places, so the figure shares the other's
 * period. Null when the comparison is not by place.
 */
export function comparedPlace(s: string, figure: NumberMention): string | null {
  if (!AGAINST_BEFORE.test(s.slice(Math.max(0, figure.phraseStart - 40), figure.phraseStart))) return null;
  const m = IN_PLACE_AFTER.exec(s.slice(figure.phraseEnd, figure.phraseEnd + 60));
  if (!m) return null;
  const words = (m[1] as string).split(/\s+/);
  // The longest run of capitalised words that names a place ("Saudi Arabia", not "Saudi Arabia Amnesty").
  for (let k = words.length; k > 0; k--) {
    const place = getPlace(words.slice(0, k).join(" "));
    if (place) return place.name;
  }
  return null;
}
