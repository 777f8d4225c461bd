// Contradictions between claims: incompatible figures, probable dating errors, and parts that
// add up to more than the whole. Revisions of a voice's own figure are not contradictions.
import { hashKey } from "./hash.js";
import { figureInterval, formatCount, formatFigure, overlaps } from "./intervals.js";
import { incompatiblePairs } from "./estimate.js";
import { describePeriod, describeScope, periodsDisjoint } from "./scope.js";
import { byPublication, speakerOf } from "./voices.js";
import type { Contradiction, ContradictionKind, Fact, LinkClaim, Revision, Voice } from "./types.js";

/** Smallest figure for which a repeated count under another period is taken as a dating error. */
export const DATING_ERROR_MIN_COUNT = 50;

function contradiction(
  kind: ContradictionKind,
  reason: string,
  claims: string[],
  facts: string[],
  severity: Contradiction["severity"],
): Contradiction {
  const sortedClaims = [...new Set(claims)].sort();
  return { id: `con_${hashKey(`${kind}|${sortedClaims.join(",")}`)}`, kind, reason, claims: sortedClaims, facts: [...new Set(facts)].sort(), severity };
}

function claimLabel(c: LinkClaim): string {
  const via = c.source && c.reportedBy && c.reportedBy !== c.source ? `, reported by ${c.reportedBy}` : "";
  return `${speakerOf(c)} (${c.documentName}${via})`;
}

/** Severity by how far apart two figures are: ×1.5 or more is high, ×1.1 medium, else low. */
function gapSeverity(lower: number, higher: number): Contradiction["severity"] {
  const ratio = higher / Math.max(lower, 1);
  return ratio >= 1.5 ? "high" : ratio >= 1.1 ? "medium" : "low";
}

/** One contradiction per pair of voices in a fact whose figures do not overlap. */
export function incompatibleFigures(fact: Fact, claimsById: ReadonlyMap<string, LinkClaim>): Contradiction[] {
  const out: Contradiction[] = [];
  for (const [i, j] of incompatiblePairs(fact.voices)) {
    const a = fact.voices[i] as Voice;
    const b = fact.voices[j] as Voice;
    const ca = claimsById.get(a.figureClaimId) as LinkClaim;
    const cb = claimsById.get(b.figureClaimId) as LinkClaim;
    const reason =
      `${claimLabel(ca)} gives ${formatFigure(a.count, a.qualifier)} and ${claimLabel(cb)} gives ` +
      `${formatFigure(b.count, b.qualifier)} for ${describeScope(fact.scope)}; the two figures cannot both be right.`;
    out.push(contradiction("incompatible_figures", reason, [ca.id, cb.id], [fact.id], gapSeverity(a.count, b.count)));
  }
  return out;
}

/**
 * Disagreements inside one network that are not revisions: two different speakers of the same
 * network (an outlet and the organisation it belongs to), or one document stating two
 * incompatible figures. The network is still one voice, but the record it gives is inconsistent.
 */
export function withinVoiceConflicts(fact: Fact, claimsById: ReadonlyMap<string, LinkClaim>): Contradiction[] {
  const out: Contradiction[] = [];
  for (const v of fact.voices) {
    const claims = v.claimIds.map((id) => claimsById.get(id) as LinkClaim);
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const a = claims[i] as LinkClaim;
        const b = claims[j] as LinkClaim;
        const sameSpeaker = speakerOf(a) === speakerOf(b) && a.documentId !== b.documentId;
        if (sameSpeaker) continue; // a revision, listed separately
        if (overlaps(figureInterval(a.count, a.qualifier), figureInterval(b.count, b.qualifier))) continue;
        const [lo, hi] = a.count <= b.count ? [a, b] : [b, a];
        const reason =
          `Within one network (${v.label}), ${claimLabel(lo)} gives ${formatFigure(lo.count, lo.qualifier)} and ` +
          `${claimLabel(hi)} gives ${formatFigure(hi.count, hi.qualifier)} for ${describeScope(fact.scope)}; the two figures cannot both be right.`;
        out.push(contradiction("incompatible_figures", reason, [a.id, b.id], [fact.id], gapSeverity(lo.count, hi.count)));
      }
    }
  }
  return out;
}

/** Changes of figure within one voice of a fact, in publication order. */
export function revisionsOf(fact: Fact, claimsById: ReadonlyMap<string, LinkClaim>): Revision[] {
  const out: Revision[] = [];
  for (const v of fact.voices) {
    const claims = v.claimIds.map((id) => claimsById.get(id) as LinkClaim).sort(byPublication);
    for (let k = 1; k < claims.length; k++) {
      const prev = claims[k - 1] as LinkClaim;
      const next = claims[k] as LinkClaim;
      // A revision is a later publication changing the figure; restating it with another hedge
      // ("more than 1,500" and "1,500") or twice in one document is not.
      if (prev.count === next.count) continue;
      // A revision is one speaker changing its figure in a later document.
      if (speakerOf(prev) !== speakerOf(next) || prev.documentId === next.documentId) continue;
      const when = (c: LinkClaim) => (c.published ? ` (published ${c.published})` : "");
      out.push({
        factId: fact.id,
        voice: v.id,
        fromClaimId: prev.id,
        toClaimId: next.id,
        fromCount: prev.count,
        toCount: next.count,
        reason:
          `${v.label} revised its figure for ${describeScope(fact.scope)} from ` +
          `${formatFigure(prev.count, prev.qualifier)} in ${prev.documentName}${when(prev)} to ` +
          `${formatFigure(next.count, next.qualifier)} in ${next.documentName}${when(next)}.`,
      });
    }
  }
  return out;
}

/**
 * Probable dating errors: the same count (at least DATING_ERROR_MIN_COUNT) for the same event,
 * place and victims under two periods of the same calendar shape whole years apart (November
 * 2018 and November 2019), where at least one of the two claims is unsupported in its own fact
 * (its voice is the fact's only voice, or another voice contradicts it).
 */
export function datingErrors(
  facts: readonly Fact[],
  contradictedClaims: ReadonlySet<string>,
): Contradiction[] {
  const groups = new Map<string, { fact: Fact; claim: LinkClaim }[]>();
  for (const fact of facts) {
    const p = fact.scope.period;
    if (!p) continue;
    const counted = new Set<number>();
    for (const claim of fact.claims) {
      // One claim per count and fact: repeats of a figure inside a fact add nothing here.
      if (claim.count < DATING_ERROR_MIN_COUNT || counted.has(claim.count)) continue;
      counted.add(claim.count);
      const k = [fact.scope.family, fact.scope.place ?? "", fact.scope.victims.join("+"), claim.count,
        p.start.slice(4), p.end.slice(4), Number(p.end.slice(0, 4)) - Number(p.start.slice(0, 4))].join("|");
      const list = groups.get(k);
      if (list) list.push({ fact, claim });
      else groups.set(k, [{ fact, claim }]);
    }
  }
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i] as { fact: Fact; claim: LinkClaim };
        const b = list[j] as { fact: Fact; claim: LinkClaim };
        if (a.fact === b.fact || !a.fact.scope.period || !b.fact.scope.period) continue;
        if (!periodsDisjoint(a.fact.scope.period, b.fact.scope.period)) continue;
        const weak = (x: { fact: Fact; claim: LinkClaim }) =>
          x.fact.voices.length === 1 || contradictedClaims.has(x.claim.id);
        if (!weak(a) && !weak(b)) continue;
        const pair = `${a.fact.id}|${b.fact.id}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        const suspect = weak(a) && !weak(b) ? a : !weak(a) && weak(b) ? b : null;
        const reason =
          `${claimLabel(a.claim)} gives ${formatFigure(a.claim.count, a.claim.qualifier)} for ` +
          `${describePeriod(a.fact.scope.period)} and ${claimLabel(b.claim)} gives the same figure for ` +
          `${describePeriod(b.fact.scope.period)} (${describeScope({ ...a.fact.scope, period: null }).replace(/ \(no stated period\)$/, "")}); ` +
          (suspect
            ? `the figure in ${suspect.claim.documentName} is probably misdated.`
            : "one of the two is probably misdated.");
        out.push(contradiction("dating_error", reason, [a.claim.id, b.claim.id], [a.fact.id, b.fact.id], "medium"));
      }
    }
  }
  return out;
}

/**
 * Parts that exceed the whole: for each voice, its figures for disjoint parts of a fact (its
 * child facts that split the period, or that split the place) add up to more than the most its
 * own figure for the whole allows.
 */
export function partsExceedWhole(facts: readonly Fact[], byId: ReadonlyMap<string, Fact>): Contradiction[] {
  const out: Contradiction[] = [];
  for (const whole of facts) {
    if (whole.children.length < 2) continue;
    const children = whole.children.map((id) => byId.get(id) as Fact);
    const samePlace = (f: Fact) => f.scope.place === whole.scope.place;
    const samePeriod = (f: Fact) =>
      f.scope.period?.start === whole.scope.period?.start && f.scope.period?.end === whole.scope.period?.end;
    const sameVictims = (f: Fact) => f.scope.victims.join("+") === whole.scope.victims.join("+");
    const periodParts = disjointByPeriod(children.filter((f) => samePlace(f) && sameVictims(f) && !samePeriod(f)));
    const placeParts = children.filter((f) => samePeriod(f) && sameVictims(f) && !samePlace(f));
    for (const [parts, split] of [[periodParts, "periods"], [placeParts, "places"]] as const) {
      if (parts.length < 2) continue;
      for (const wv of whole.voices) {
        if (wv.hi === null) continue;
        let sum = 0;
        const used: { fact: Fact; voice: Voice }[] = [];
        for (const part of parts) {
          const pv = part.voices.find((v) => v.id === wv.id);
          if (!pv) continue;
          sum += pv.lo;
          used.push({ fact: part, voice: pv });
        }
        if (used.length < 2 || sum <= wv.hi) continue;
        const partsText = used
          .map((u) => `${formatFigure(u.voice.count, u.voice.qualifier)} for ${
            split === "periods" ? describePeriod(u.fact.scope.period) : (u.fact.scope.place ?? "?")}`)
          .join(", ");
        const reason =
          `${wv.label} gives ${formatFigure(wv.count, wv.qualifier)} for ${describeScope(whole.scope)} ` +
          `but its figures for the parts (${partsText}) add up to at least ${formatCount(sum)}.`;
        out.push(contradiction(
          "parts_exceed_whole",
          reason,
          [wv.figureClaimId, ...used.map((u) => u.voice.figureClaimId)],
          [whole.id, ...used.map((u) => u.fact.id)],
          gapSeverity(wv.hi, sum),
        ));
      }
    }
  }
  return out;
}

/** Keeps period parts that do not overlap, earliest-ending first. */
function disjointByPeriod(parts: Fact[]): Fact[] {
  const sorted = [...parts].sort((a, b) => ((a.scope.period?.end ?? "") < (b.scope.period?.end ?? "") ? -1 : 1));
  const kept: Fact[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (!last || !f.scope.period || !last.scope.period || periodsDisjoint(last.scope.period, f.scope.period)) kept.push(f);
  }
  return kept;
}
