// A claim's confidence: 0.95 less a cost for each doubt about how it was read; below
// LOW_CONFIDENCE the reasons go with it, and review proposes it first.
import type { Claim } from "../types.js";

/** What each doubt costs the claim's confidence. */
const DOUBT_COST: Record<string, number> = {
  "a vague figure": 0.2,
  "its event is shared with another figure of the sentence": 0.1,
  "a headline": 0.1,
  "its source is carried from an earlier sentence": 0.1,
  "its period is taken from the document, not its sentence": 0.15,
  "its period is taken from its paragraph": 0.05,
  "no period": 0.05,
  "page clutter": 0.3,
};
/** Below this, a claim's confidence comes with its reasons and it is reviewed first. */
export const LOW_CONFIDENCE = 0.75;

/** The claim with its confidence (0–1) and, when low, the reasons. */
export function withConfidence(c: Claim, doubts: string[]): Claim {
  const all = [...doubts];
  if (c.period === null) all.push("no period");
  else if (c.periodFrom && c.periodFrom !== "sentence" && c.periodFrom !== "paragraph") all.push("its period is taken from the document, not its sentence");
  else if (c.periodFrom === "paragraph") all.push("its period is taken from its paragraph");
  if (c.clutter) all.push("page clutter");
  const confidence = Math.max(0.1, Math.round((0.95 - all.reduce((sum, d) => sum + (DOUBT_COST[d] ?? 0.1), 0)) * 100) / 100);
  return confidence < LOW_CONFIDENCE ? { ...c, confidence, confidenceReason: all.join("; ") } : { ...c, confidence };
}

