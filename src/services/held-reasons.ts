// Reasons written when shown. A contradiction's or revision's reason is a sentence of ~200
// characters built from its claims, its facts' scopes and their voices (src/core/linking/reasons.ts);
// a reader over a million claims held 890,000 of them (about 180 MB). LiveFacts keeps, in place
// of a reason it can write again, a one-character code naming how to write it: which builder, and
// in which order its claims come. The code is chosen when the contradiction is taken, by writing
// each candidate and keeping the one equal to the stored sentence: what is shown is the stored
// sentence, byte for byte. A reason no candidate gives is kept as it is.
import {
  datingReason,
  incompatibleReason,
  internalReason,
  partLargerReason,
  revisionReason,
  withinVoiceReason,
  type Contradiction,
  type ContradictionKind,
  type Fact,
  type LinkClaim,
  type LinkResult,
  type Revision,
} from "../core/linking/index.js";
import type { FactPart, StoredFacts } from "../store/index.js";

/** What writing a reason reads: the claims and facts as the reader holds them. */
export interface ReasonData {
  claim(id: string): LinkClaim | undefined;
  fact(id: string): Fact | undefined;
  factOfClaim(id: string): string | undefined;
}

/** What writing a reason reads, over a linking's result (its facts and their claims). */
export function reasonDataOf(result: Pick<LinkResult, "facts">): ReasonData {
  const facts = new Map<string, Fact>();
  const claims = new Map<string, { claim: LinkClaim; factId: string }>();
  for (const f of result.facts) {
    facts.set(f.id, f);
    for (const c of f.claims) claims.set(c.id, { claim: c, factId: f.id });
  }
  return { claim: (id) => claims.get(id)?.claim, fact: (id) => facts.get(id), factOfClaim: (id) => claims.get(id)?.factId };
}

// The codes: incompatible figures (claims in their order or reversed), the same within one
// network, one document's two figures, dating errors (no suspect, the earlier, the later),
// a part larger than its whole. Revisions have one way.
const INCOMPATIBLE = 1;
const INCOMPATIBLE_REVERSED = 2;
const WITHIN_VOICE = 3;
const WITHIN_VOICE_REVERSED = 4;
const INTERNAL = 5;
const INTERNAL_REVERSED = 6;
const DATING = 7;
const DATING_EARLIER = 8;
const DATING_LATER = 9;
const PART_LARGER = 10;
const REVISION = 1;

const CANDIDATES: Record<ContradictionKind, readonly number[]> = {
  incompatible_figures: [INCOMPATIBLE, INCOMPATIBLE_REVERSED, WITHIN_VOICE, WITHIN_VOICE_REVERSED],
  internal_inconsistency: [INTERNAL, INTERNAL_REVERSED],
  dating_error: [DATING, DATING_EARLIER, DATING_LATER],
  parts_exceed_whole: [PART_LARGER],
};

/** True when a held reason is a code (a written one is a sentence, never one character). */
const isCode = (reason: string) => reason.length === 1;
const codeOf = (n: number) => String.fromCharCode(n);

function written(code: number, con: Contradiction, d: ReasonData): string | null {
  if (con.claims.length !== 2) return null;
  const [id0, id1] = con.claims as [string, string];
  const c0 = d.claim(id0);
  const c1 = d.claim(id1);
  if (!c0 || !c1) return null;
  const [a, b] = code % 2 === 0 && code < DATING ? [c1, c0] : [c0, c1];
  if (code <= INTERNAL_REVERSED) {
    if (con.facts.length !== 1) return null;
    const fact = d.fact(con.facts[0] as string);
    if (!fact) return null;
    if (code <= INCOMPATIBLE_REVERSED) return incompatibleReason(fact.scope, a, b, a.documentId === b.documentId);
    if (code >= INTERNAL) return internalReason(fact.scope, a, b);
    const voice = fact.voices.find((v) => v.claimIds.includes(id0) && v.claimIds.includes(id1));
    return voice ? withinVoiceReason(voice.label, fact.scope, a, b) : null;
  }
  if (con.facts.length !== 2) return null;
  const f0 = d.fact(d.factOfClaim(id0) ?? "");
  const f1 = d.fact(d.factOfClaim(id1) ?? "");
  if (!f0 || !f1) return null;
  if (code === PART_LARGER) {
    const [whole, wholeClaim, part, partClaim] = f1.parentId === f0.id ? [f0, id0, f1, id1] : f0.parentId === f1.id ? [f1, id1, f0, id0] : [];
    if (!whole || !part) return null;
    const wv = whole.voices.find((v) => v.figureClaimId === wholeClaim);
    const top = part.voices.find((v) => v.figureClaimId === partClaim);
    return wv && top ? partLargerReason(top, part.scope, wv, whole.scope) : null;
  }
  // Dating errors: the earlier period first (then fact id, then claim id), as the linker orders them.
  const start = (f: Fact) => f.scope.period?.start ?? "";
  const x = { fact: f0, claim: c0 };
  const y = { fact: f1, claim: c1 };
  const [first, second] = start(f0) < start(f1) || (start(f0) === start(f1) && (f0.id < f1.id || (f0.id === f1.id && id0 < id1))) ? [x, y] : [y, x];
  const suspect = code === DATING_EARLIER ? first.claim : code === DATING_LATER ? second.claim : null;
  return datingReason(first.fact.scope, first.claim, first.fact.scope.period, second.claim, second.fact.scope.period, suspect);
}

/** A contradiction as a reader holds it: its reason replaced by a code when the code writes it exactly. */
export function heldConflict(con: Contradiction, d: ReasonData): Contradiction {
  let reason = con.reason;
  for (const code of CANDIDATES[con.kind] ?? []) {
    if (written(code, con, d) === con.reason) {
      reason = codeOf(code);
      break;
    }
  }
  // A copy, its fields in the same order: the object given may be shared (an in-memory store's).
  return { id: con.id, kind: con.kind, reason, claims: con.claims, facts: con.facts, independent: con.independent, score: con.score, severity: con.severity };
}

/** A contradiction's reason, written if it is held as a code. */
export function conflictReason(con: Contradiction, d: ReasonData): string {
  return isCode(con.reason) ? (written(con.reason.charCodeAt(0), con, d) ?? con.reason) : con.reason;
}

function writtenRevision(r: Revision, d: ReasonData): string | null {
  const fact = d.fact(r.factId);
  const voice = fact?.voices.find((v) => v.id === r.voice);
  const from = d.claim(r.fromClaimId);
  const to = d.claim(r.toClaimId);
  return fact && voice && from && to ? revisionReason(voice.label, fact.scope, from, to) : null;
}

/** A revision as a reader holds it (see heldConflict). */
export function heldRevision(r: Revision, d: ReasonData): Revision {
  const reason = writtenRevision(r, d) === r.reason ? codeOf(REVISION) : r.reason;
  return { factId: r.factId, voice: r.voice, fromClaimId: r.fromClaimId, toClaimId: r.toClaimId, fromCount: r.fromCount, toCount: r.toCount, reason };
}

/** A revision's reason, written if it is held as a code. */
export function revisionText(r: Revision, d: ReasonData): string {
  return isCode(r.reason) ? (writtenRevision(r, d) ?? r.reason) : r.reason;
}

/**
 * Hands a rebuild's written partition to the reader (`out`) with its reasons held as codes,
 * chosen from the partition's own linking (`result`): the 890,000 sentences of a million claims
 * are then not all alive at the end of the first linking, where the server's memory peaks.
 */
export function handOver(part: FactPart, result: Pick<LinkResult, "facts">, out: StoredFacts): void {
  const d = reasonDataOf(result);
  for (const f of part.facts) out.facts.push(f.revisions.length > 0 ? { ...f, revisions: f.revisions.map((r) => heldRevision(r, d)) } : f);
  for (const c of part.conflicts) out.conflicts.push({ owner: c.owner, contradiction: heldConflict(c.contradiction, d) });
}

/** Writes the reason of a held contradiction in place (before what it is written from changes). */
export function writeOut(con: Contradiction, d: ReasonData): void {
  if (isCode(con.reason)) con.reason = conflictReason(con, d);
}
