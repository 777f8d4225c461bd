// The sentences that explain a contradiction or a revision, built from the claims, scopes and
// voices they are about. The linker writes them with these functions (contradictions.ts), and a
// reader that holds the claims and facts can write them again when they are shown instead of
// keeping one string per contradiction (src/services/held-reasons.ts): the same function on the
// same inputs gives the same sentence.
import { formatCount, formatFigure } from "./intervals.js";
import { describePeriod, describeScope } from "./scope.js";
import { speakerOf } from "./voices.js";
import type { FactScope, LinkClaim, Voice } from "./types.js";
import type { Period } from "../types.js";

/** The claims a reason names: who gave it, in which document, its figure and publication date. */
export type ReasonClaim = Pick<LinkClaim, "source" | "reportedBy" | "documentName" | "count" | "qualifier" | "published">;
/** What a reason says of a voice. */
export type ReasonVoice = Pick<Voice, "label" | "count" | "qualifier">;

/** A claim as a contradiction names it: its speaker and document ("HRANA (report.txt, reported by AFP)"). */
export function claimLabel(c: ReasonClaim): string {
  const via = c.source && c.reportedBy && c.reportedBy !== c.source ? `, reported by ${c.reportedBy}` : "";
  return `${speakerOf(c)} (${c.documentName}${via})`;
}

/** One document giving two figures for one scope that cannot both hold (`lo` the smaller). */
export function internalReason(scope: FactScope, lo: ReasonClaim, hi: ReasonClaim): string {
  return (
    `${lo.documentName} gives ${formatFigure(lo.count, lo.qualifier)} (${speakerOf(lo)}) and ${formatFigure(hi.count, hi.qualifier)} ` +
    `(${speakerOf(hi)}) for ${describeScope(scope)}; one document cannot hold both figures for one scope.`
  );
}

/** Two voices' figures that do not overlap (`a`, `b`: their standing claims, in the fact's voice order). */
export function incompatibleReason(scope: FactScope, a: ReasonClaim, b: ReasonClaim, sameDocument: boolean): string {
  return (
    `${claimLabel(a)} gives ${formatFigure(a.count, a.qualifier)} and ${claimLabel(b)} gives ` +
    `${formatFigure(b.count, b.qualifier)} for ${describeScope(scope)}; the two figures cannot both be right` +
    (sameDocument ? ` (both reported in ${a.documentName}).` : ".")
  );
}

/** Two speakers of one network whose figures do not overlap (`lo` the smaller). */
export function withinVoiceReason(label: string, scope: FactScope, lo: ReasonClaim, hi: ReasonClaim): string {
  return (
    `Within one network (${label}), ${claimLabel(lo)} gives ${formatFigure(lo.count, lo.qualifier)} and ` +
    `${claimLabel(hi)} gives ${formatFigure(hi.count, hi.qualifier)} for ${describeScope(scope)}; the two figures cannot both be right.`
  );
}

/** A voice changing its figure for a scope from one document to a later one. */
export function revisionReason(label: string, scope: FactScope, prev: ReasonClaim, next: ReasonClaim): string {
  const when = (c: ReasonClaim) => (c.published ? ` (published ${c.published})` : "");
  return (
    `${label} revised its figure for ${describeScope(scope)} from ` +
    `${formatFigure(prev.count, prev.qualifier)} in ${prev.documentName}${when(prev)} to ` +
    `${formatFigure(next.count, next.qualifier)} in ${next.documentName}${when(next)}.`
  );
}

/**
 * The same figure under two periods whole years apart (`a` the earlier, `scope` the scope of
 * a's fact); `suspect` is the claim probably misdated, or null when it may be either.
 */
export function datingReason(scope: FactScope, a: ReasonClaim, aPeriod: Period | null, b: ReasonClaim, bPeriod: Period | null, suspect: ReasonClaim | null): string {
  return (
    `${claimLabel(a)} gives ${formatFigure(a.count, a.qualifier)} for ` +
    `${describePeriod(aPeriod)} and ${claimLabel(b)} gives the same figure for ` +
    `${describePeriod(bPeriod)} (${describeScope({ ...scope, period: null }).replace(/ \(no stated period\)$/, "")}); ` +
    (suspect ? `the figure in ${suspect.documentName} is probably misdated.` : "one of the two is probably misdated.")
  );
}

/** A part's figure (`top`, of the part's voices the largest) above the most the whole's figure (`whole`) allows. */
export function partLargerReason(top: ReasonVoice, partScope: FactScope, whole: ReasonVoice, wholeScope: FactScope): string {
  return (
    `${top.label} gives ${formatFigure(top.count, top.qualifier)} for ${describeScope(partScope)}, more than the ` +
    `${formatFigure(whole.count, whole.qualifier)} ${whole.label} gives for ${describeScope(wholeScope)}, which contains it.`
  );
}

/** A voice's figures for disjoint parts (periods or places) adding up to more than its figure for the whole. */
export function partsSumReason(
  whole: ReasonVoice,
  wholeScope: FactScope,
  parts: readonly { voice: Pick<Voice, "count" | "qualifier">; scope: FactScope }[],
  split: "periods" | "places",
  sum: number,
): string {
  const partsText = parts
    .map((u) => `${formatFigure(u.voice.count, u.voice.qualifier)} for ${split === "periods" ? describePeriod(u.scope.period) : (u.scope.place ?? "?")}`)
    .join(", ");
  return (
    `${whole.label} gives ${formatFigure(whole.count, whole.qualifier)} for ${describeScope(wholeScope)} ` +
    `but its figures for the parts (${partsText}) add up to at least ${formatCount(sum)}.`
  );
}
