// How consequential a contradiction is: independent networks first, then a precise scope, then
// how well sourced both sides are, then the relative gap between the figures.
import type { Contradiction, ContradictionKind, FactScope } from "./types.js";
import { periodDays } from "./scope.js";

/** What ranking needs to know about a contradiction. */
export interface RankInput {
  kind: ContradictionKind;
  /** Claims from independent voices. */
  independent: boolean;
  /** All claims come from one document. */
  sameDocument: boolean;
  scope: FactScope;
  /** How many of the two sides are voices in the source registry (0–2). */
  registered: number;
  /** The smaller side's highest value and the larger side's lowest value. */
  lowerHi: number;
  higherLo: number;
}

/** The stated order of ranking, for the docs and `tally conflicts`. */
export const RANKING_RULE =
  "Most consequential first: (1) independent voices in different documents, and probable dating errors, then independent voices " +
  "reported side by side in one document and parts exceeding their whole, then disagreements inside one network or one document; (2) a precise scope (a known place and a period of a year or less) before a vague one; " +
  "(3) both sides from registered sources before unregistered ones; (4) the larger relative gap between the figures " +
  "(a dating error counts as the largest gap: the figure is wrong in full for the period it was put under). " +
  "Severity: high for independent registered voices in different documents on a precise scope whose figures are 1.5 times apart or more; " +
  "medium for other independent disagreements 1.1 times apart or more, dating errors and parts exceeding their whole; else low.";

/** Tier of a kind of finding: independent rivals and dating errors first, internal ones last. */
function tier(r: RankInput): number {
  if (r.kind === "dating_error") return 3;
  if (r.kind === "incompatible_figures") return r.independent ? (r.sameDocument ? 2 : 3) : 1;
  if (r.kind === "parts_exceed_whole") return 2;
  return 1;
}

/** True when the scope names a place and a period of a year or less. */
export function preciseScope(s: FactScope): boolean {
  return s.place !== null && s.period !== null && periodDays(s.period) <= 366 && !s.part;
}

/** The score (higher is more consequential) and severity of a contradiction, following RANKING_RULE. */
export function rank(r: RankInput): Pick<Contradiction, "score" | "severity"> {
  const ratio = r.higherLo / Math.max(r.lowerHi, 1);
  const precise = preciseScope(r.scope);
  // A figure put under the wrong period is wrong in full there: a dating error counts the largest gap.
  const gap = r.kind === "dating_error" ? 49 : Math.min(49, Math.max(0, Math.log2(Math.max(ratio, 1)) * 20));
  const score = tier(r) * 1000 + (precise ? 200 : 0) + r.registered * 50 + gap;
  let severity: Contradiction["severity"] = "low";
  if (r.independent && !r.sameDocument && r.kind === "incompatible_figures" && precise && r.registered === 2 && ratio >= 1.5) severity = "high";
  else if (r.kind === "dating_error" || r.kind === "parts_exceed_whole" || (r.independent && ratio >= 1.1)) severity = "medium";
  return { score: Math.round(score * 100) / 100, severity };
}
