// Contradictions between claims: incompatible figures, probable dating errors, and parts that
// add up to more than the whole. Revisions of a voice's own figure are not contradictions.
import { hashKey } from "./hash.js";
import { figureInterval, overlaps } from "./intervals.js";
import { incompatiblePairs } from "./estimate.js";
import { rank, type RankInput } from "./ranking.js";
import { datingReason, incompatibleReason, internalReason, partLargerReason, partsSumReason, revisionReason, withinVoiceReason } from "./reasons.js";
import { periodsDisjoint } from "./scope.js";
import { flat } from "./strings.js";
import { byPublication, speakerOf } from "./voices.js";
import type { Contradiction, Fact, LinkClaim, Revision, Voice } from "./types.js";

/** Smallest figure for which a repeated count under another period is taken as a dating error. */
export const DATING_ERROR_MIN_COUNT = 50;

function contradiction(reason: string, claims: string[], facts: string[], r: RankInput): Contradiction {
  const sortedClaims = [...new Set(claims)].sort();
  const { score, severity } = rank(r);
  // Written out in rank()'s order rather than spread: a spread adds its fields outside the
  // object's own slots (a second block per contradiction, over half a million of them).
  return {
    id: flat(`con_${hashKey(`${r.kind}|${sortedClaims.join(",")}`)}`),
    kind: r.kind,
    reason: flat(reason),
    claims: sortedClaims,
    facts: [...new Set(facts)].sort(),
    independent: r.independent,
    score,
    severity,
  };
}

function cmpText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The claims' ranges ordered lower first, for ranking. */
function sides(a: LinkClaim, b: LinkClaim): { lowerHi: number; higherLo: number } {
  const ia = figureInterval(a.count, a.qualifier);
  const ib = figureInterval(b.count, b.qualifier);
  const [lo, hi] = a.count <= b.count ? [ia, ib] : [ib, ia];
  return { lowerHi: lo.hi ?? lo.lo, higherLo: hi.lo };
}

/** True when facts of this scope compare figures: a stated period, and not a breakdown. */
export function comparable(fact: Pick<Fact, "scope">): boolean {
  return fact.scope.period !== null && !fact.scope.part;
}

/**
 * Two claims of one document for one scope cannot both hold only when the smaller is stated as
 * a maximum ("up to 40") that the larger exceeds: any other smaller figure of the same document
 * may count a part the text names apart (one prison, one day, one group).
 */
export function internallyInconsistent(a: LinkClaim, b: LinkClaim): boolean {
  const [lo, hi] = a.count <= b.count ? [a, b] : [b, a];
  return lo.qualifier === "up_to" && !overlaps(figureInterval(lo.count, lo.qualifier), figureInterval(hi.count, hi.qualifier));
}

function internal(fact: Fact, a: LinkClaim, b: LinkClaim, registered: number): Contradiction {
  const [lo, hi] = a.count <= b.count ? [a, b] : [b, a];
  return contradiction(internalReason(fact.scope, lo, hi), [a.id, b.id], [fact.id], { kind: "internal_inconsistency", independent: false, sameDocument: true, scope: fact.scope, registered, ...sides(a, b) });
}

/**
 * True when one document credits two figures to two different sources ("Amnesty said 853 …
 * HRANA said 746"): the document reports a disagreement between voices rather than contradicting
 * itself.
 */
export function reportsTwoVoices(a: LinkClaim, b: LinkClaim): boolean {
  return a.source !== null && b.source !== null && a.source !== b.source;
}

/**
 * True when two claims are heard apart: in two documents, or in one document that credits them
 * to two sources. Only such claims' voices can confirm or contest each other.
 */
export function heardApart(a: LinkClaim, b: LinkClaim): boolean {
  return a.documentId !== b.documentId || reportsTwoVoices(a, b);
}

/** True when some two voices of a fact are heard apart (their standing figures, as rivalPairs compares them). */
export function hasVoicesHeardApart(voices: readonly Voice[], claimsById: ReadonlyMap<string, LinkClaim>): boolean {
  const figures = voices.map((v) => claimsById.get(v.figureClaimId));
  for (let i = 0; i < figures.length; i++) {
    for (let j = i + 1; j < figures.length; j++) {
      const a = figures[i];
      const b = figures[j];
      if (!a || !b || heardApart(a, b)) return true;
    }
  }
  return false;
}

/**
 * Pairs of voices of a comparable fact whose figures cannot both be right, leaving out pairs
 * whose standing figures come from one document, unless it credits them to two sources (the
 * others are checked as internal inconsistencies).
 */
export function rivalPairs(fact: Pick<Fact, "scope" | "voices">, claimsById: ReadonlyMap<string, LinkClaim>): [number, number][] {
  if (!comparable(fact)) return [];
  return incompatiblePairs(fact.voices).filter(([i, j]) => {
    const a = claimsById.get((fact.voices[i] as Voice).figureClaimId);
    const b = claimsById.get((fact.voices[j] as Voice).figureClaimId);
    return !a || !b || heardApart(a, b);
  });
}

/** One contradiction per pair of independent voices in a fact whose figures do not overlap; internal inconsistencies for pairs of one document. */
export function incompatibleFigures(fact: Fact, claimsById: ReadonlyMap<string, LinkClaim>): Contradiction[] {
  const out: Contradiction[] = [];
  if (!comparable(fact)) return out;
  for (const [i, j] of incompatiblePairs(fact.voices)) {
    const a = fact.voices[i] as Voice;
    const b = fact.voices[j] as Voice;
    const ca = claimsById.get(a.figureClaimId) as LinkClaim;
    const cb = claimsById.get(b.figureClaimId) as LinkClaim;
    const registered = Number(a.registered) + Number(b.registered);
    const sameDocument = ca.documentId === cb.documentId;
    if (sameDocument && !reportsTwoVoices(ca, cb)) {
      if (internallyInconsistent(ca, cb)) out.push(internal(fact, ca, cb, registered));
      continue;
    }
    const reason = incompatibleReason(fact.scope, ca, cb, sameDocument);
    out.push(contradiction(reason, [ca.id, cb.id], [fact.id], { kind: "incompatible_figures", independent: true, sameDocument, scope: fact.scope, registered, ...sides(ca, cb) }));
  }
  return out;
}

/**
 * Disagreements inside one voice that are not revisions: two different speakers of the same
 * network in different documents (an outlet and the organisation it belongs to), and claims of
 * one document that cannot both hold (internal inconsistencies). The network is still one
 * voice, but the record it gives is inconsistent.
 */
export function withinVoiceConflicts(fact: Fact, claimsById: ReadonlyMap<string, LinkClaim>): Contradiction[] {
  const out: Contradiction[] = [];
  if (!comparable(fact)) return out;
  for (const v of fact.voices) {
    const claims = v.claimIds.map((id) => claimsById.get(id) as LinkClaim);
    const registered = v.registered ? 2 : 0;
    for (let i = 0; i < claims.length; i++) {
      for (let j = i + 1; j < claims.length; j++) {
        const a = claims[i] as LinkClaim;
        const b = claims[j] as LinkClaim;
        if (a.documentId === b.documentId) {
          if (internallyInconsistent(a, b)) out.push(internal(fact, a, b, registered));
          continue;
        }
        if (speakerOf(a) === speakerOf(b)) continue; // a revision, listed separately
        if (overlaps(figureInterval(a.count, a.qualifier), figureInterval(b.count, b.qualifier))) continue;
        const [lo, hi] = a.count <= b.count ? [a, b] : [b, a];
        const reason = withinVoiceReason(v.label, fact.scope, lo, hi);
        out.push(contradiction(reason, [a.id, b.id], [fact.id], { kind: "incompatible_figures", independent: false, sameDocument: false, scope: fact.scope, registered, ...sides(a, b) }));
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
      // Two figures published on the same day (an acknowledged count and a total) are not a revision.
      if (prev.published !== null && prev.published === next.published) continue;
      out.push({
        factId: fact.id,
        voice: v.id,
        fromClaimId: prev.id,
        toClaimId: next.id,
        fromCount: prev.count,
        toCount: next.count,
        reason: flat(revisionReason(v.label, fact.scope, prev, next)),
      });
    }
  }
  return out;
}

/**
 * The key under which a claim of a fact is compared for dating errors (same family, place,
 * victims and count; a period of the same calendar shape), or null when it is not compared
 * (undated or breakdown facts, counts below DATING_ERROR_MIN_COUNT).
 */
export function datingKey(fact: Pick<Fact, "scope">, claim: Pick<LinkClaim, "count">): string | null {
  const p = fact.scope.period;
  if (!p || fact.scope.part || claim.count < DATING_ERROR_MIN_COUNT) return null;
  return [fact.scope.combined ? `${fact.scope.family}+dead-and-injured` : fact.scope.family, fact.scope.place ?? "", fact.scope.victims.join("+"), claim.count,
    p.start.slice(4), p.end.slice(4), Number(p.end.slice(0, 4)) - Number(p.start.slice(0, 4))].join("|");
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
    const counted = new Set<number>();
    for (const claim of fact.claims) {
      const k = datingKey(fact, claim);
      // One claim per count and fact: repeats of a figure inside a fact add nothing here.
      if (k === null || counted.has(claim.count)) continue;
      counted.add(claim.count);
      const list = groups.get(k);
      if (list) list.push({ fact, claim });
      else groups.set(k, [{ fact, claim }]);
    }
  }
  const out: Contradiction[] = [];
  const seen = new Set<string>();
  // Groups in key order, so that a pair of facts sharing several figures is reported for the same
  // one however the facts were gathered (a full linking or an incremental update).
  for (const [, list] of [...groups.entries()].sort((x, y) => cmpText(x[0], y[0]))) {
    if (list.length < 2) continue;
    // Earlier periods first, so that the reason reads the same however the facts were grouped.
    list.sort((x, y) => cmpText(x.fact.scope.period?.start ?? "", y.fact.scope.period?.start ?? "") || cmpText(x.fact.id, y.fact.id) || cmpText(x.claim.id, y.claim.id));
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
        const reason = datingReason(a.fact.scope, a.claim, a.fact.scope.period, b.claim, b.fact.scope.period, suspect ? suspect.claim : null);
        const independent = a.claim.documentId !== b.claim.documentId;
        const registered = [a, b].filter((x) => x.fact.voices.some((v) => v.registered && v.claimIds.includes(x.claim.id))).length;
        const ranked: RankInput = { kind: "dating_error", independent, sameDocument: !independent, scope: a.fact.scope, registered, lowerHi: a.claim.count, higherLo: a.claim.count };
        out.push(contradiction(reason, [a.claim.id, b.claim.id], [a.fact.id, b.fact.id], ranked));
      }
    }
  }
  return out;
}

/**
 * True when a whole's figure and its parts' figures all come from one document whose whole is
 * not stated as a maximum: a smaller figure there may count something the text names apart
 * (the same reasoning as internallyInconsistent).
 */
function oneDocument(claimsById: ReadonlyMap<string, LinkClaim>, wholeId: string, partIds: readonly string[]): boolean {
  const whole = claimsById.get(wholeId);
  if (!whole || whole.qualifier === "up_to") return false;
  return partIds.every((id) => claimsById.get(id)?.documentId === whole.documentId);
}

/**
 * A part larger than its whole, the only way a part and its whole contradict: a child fact (a
 * victim group, a place inside, a shorter period, a breakdown) whose documented minimum is above
 * the most any voice's figure for the whole allows. One finding per part, against the whole's
 * most permissive voice; a whole with an "at least" figure is never exceeded.
 */
function partLargerThanWhole(whole: Fact, children: readonly Fact[], claimsById: ReadonlyMap<string, LinkClaim>): Contradiction[] {
  const out: Contradiction[] = [];
  let wv: Voice | null = null;
  for (const v of whole.voices) {
    if (v.hi === null) return out;
    if (!wv || (v.hi as number) > (wv.hi as number)) wv = v;
  }
  if (!wv || wv.hi === null) return out;
  for (const part of children) {
    let top: Voice | null = null;
    for (const v of part.voices) if (!top || v.lo > top.lo) top = v;
    if (!top || top.lo <= wv.hi || oneDocument(claimsById, wv.figureClaimId, [top.figureClaimId])) continue;
    const reason = partLargerReason(top, part.scope, wv, whole.scope);
    out.push(contradiction(reason, [wv.figureClaimId, top.figureClaimId], [whole.id, part.id], {
      kind: "parts_exceed_whole", independent: top.id !== wv.id, sameDocument: false, scope: whole.scope,
      registered: Number(wv.registered) + Number(top.registered), lowerHi: wv.hi, higherLo: top.lo,
    }));
  }
  return out;
}

/**
 * Parts that exceed the whole: a single part larger than the whole (partLargerThanWhole), and,
 * for each voice, its figures for disjoint parts of a fact (its child facts that split the
 * period, or that split the place) adding up to more than the most its own figure for the
 * whole allows. Parts below their whole are never contradictions. `facts` holds the wholes and
 * their children (with their claims); only `wholes` (default: all) are checked.
 */
export function partsExceedWhole(facts: readonly Fact[], byId: ReadonlyMap<string, Fact>, wholes: readonly Fact[] = facts): Contradiction[] {
  const out: Contradiction[] = [];
  const claimsById = new Map<string, LinkClaim>();
  for (const f of facts) for (const c of f.claims) claimsById.set(c.id, c);
  for (const whole of wholes) {
    if (whole.children.length < 1 || !comparable(whole)) continue;
    const children = whole.children.map((id) => byId.get(id) as Fact);
    for (const c of partLargerThanWhole(whole, children, claimsById)) out.push(c);
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
        if (oneDocument(claimsById, wv.figureClaimId, used.map((u) => u.voice.figureClaimId))) continue;
        const reason = partsSumReason(wv, whole.scope, used.map((u) => ({ voice: u.voice, scope: u.fact.scope })), split, sum);
        out.push(contradiction(
          reason,
          [wv.figureClaimId, ...used.map((u) => u.voice.figureClaimId)],
          [whole.id, ...used.map((u) => u.fact.id)],
          { kind: "parts_exceed_whole", independent: false, sameDocument: false, scope: whole.scope, registered: wv.registered ? 2 : 0, lowerHi: wv.hi, higherLo: sum },
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
