// The lookups of one linking, built once and kept with it: the fact of each claim, revisions per
// fact, facts per event family, contradictions most consequential first, and per-place sums.
import type { Contradiction, Fact, LinkClaim, LinkResult, Revision } from "../core/linking/index.js";
import type { FactClaimRecord } from "../store/index.js";
import { claimLookups, type ByClaim } from "./claim-records.js";
import { conflictReason, revisionText, type ReasonData } from "./held-reasons.js";
import type { LiveFacts } from "./live-facts.js";
import { merged } from "./sorted-index.js";
import type { LruMap } from "../core/lru-map.js";
import type { ScopeOverview } from "./fact-views.js";

/** A linking run with its lookups. */
export interface Linked {
  result: LinkResult;
  facts: Map<string, Fact>;
  claims: ByClaim<LinkClaim>;
  contradictions: ReadonlyMap<string, Contradiction>;
  /** Claim id → the source name as stored. */
  credited: ByClaim<string | null>;
  /** Claim id → the period as its text names it in its own calendar, for the claims that have one. */
  periodLabels: ByClaim<string>;
  /** Built on first use (or by prepare()). */
  lookups?: Lookups;
  /** Claim id → its fact, and fact id → its revisions (in lookups' order), when kept current elsewhere (LiveFacts). */
  kept?: { factOfClaim: ByClaim<string>; revisions: Map<string, Revision[]> };
  /** The lookups of the linking this one updates, and the contradictions changed or removed since: ranked by merging. */
  previous?: { lookups: Lookups; conflicts: ReadonlySet<string> };
  /** The reasons of contradictions and revisions held as codes (LiveFacts): absent, every reason is its sentence. */
  reasons?: Pick<LiveFacts, "reasonOf" | "revisionOf">;
  /** Overviews answered from this linking, which never changes: the dashboard's landing page asks the same ones again and again. */
  overviews?: LruMap<string, ScopeOverview>;
}

/** A linking's lookups from a fresh assembly of stored facts (one event family). */
export function linkedOf(result: LinkResult, records: readonly FactClaimRecord[]): Linked {
  const { claims, credited, periodLabels, factOfClaim } = claimLookups(new Map(records.map((r) => [r.claim.id, r])));
  const facts = new Map(result.facts.map((f) => [f.id, f]));
  // Stored facts handed over by a rebuild hold some reasons as codes (held-reasons.ts).
  const data: ReasonData = { claim: (id) => claims.get(id), fact: (id) => facts.get(id), factOfClaim: (id) => factOfClaim.get(id) };
  return {
    result,
    facts,
    claims,
    contradictions: new Map(result.contradictions.map((c) => [c.id, c])),
    credited,
    periodLabels,
    reasons: {
      reasonOf: (c) => conflictReason(c, data),
      revisionOf: (r) => {
        const reason = revisionText(r, data);
        return reason === r.reason ? r : { ...r, reason };
      },
    },
  };
}

/** A linking's lookups over a LiveFacts (its maps are shared, not copied). */
export function linkedOfView(view: LiveFacts, previous?: Linked["previous"]): Linked {
  const { claims, credited, periodLabels, factOfClaim } = view.byClaim;
  return {
    result: view.result(),
    facts: view.facts,
    claims,
    contradictions: view.conflicts,
    credited,
    periodLabels,
    kept: { factOfClaim, revisions: view.revisionsByFact },
    reasons: view,
    ...(previous ? { previous } : {}),
  };
}

/** A contradiction's reason, written if it is held as a code. */
export function reasonOf(linked: Linked, con: Contradiction): string {
  return linked.reasons ? linked.reasons.reasonOf(con) : con.reason;
}

/** Revisions with their reasons written out. */
export function revisionsWritten(linked: Linked, list: readonly Revision[]): Revision[] {
  const reasons = linked.reasons;
  return reasons ? list.map((r) => reasons.revisionOf(r)) : [...list];
}

/** Overviews kept per linking (event × place × limit). */
export const OVERVIEWS_KEPT = 64;

/** Indexes over one linking for the server's frequent questions. */
export interface Lookups {
  /** Claim id → the fact it is counted in. */
  factOfClaim: ByClaim<string>;
  /** Fact id → its revisions. */
  revisions: Map<string, Revision[]>;
  /** Event family → its facts. */
  byFamily: Map<string, Fact[]>;
  /** Contradictions in the order of conflicts(): most consequential first (RANKING_RULE). */
  ranked: Contradiction[];
  /** Event family → place → what its facts add to an overview. */
  byPlace: Map<string, Map<string, PlaceFacts>>;
}

/** The facts of one family and place, summed up for overviews. */
export interface PlaceFacts {
  facts: number;
  voices: Set<string>;
  /** Places (in `ranked`) of the contradictions touching these facts. */
  conflicts: Set<number>;
}

const SEVERITY_RANK: Record<Contradiction["severity"], number> = { high: 0, medium: 1, low: 2 };

/** The largest figure among a contradiction's claims. */
export function largestOf(con: Contradiction, claims: ByClaim<LinkClaim>): number {
  return con.claims.reduce((m, id) => Math.max(m, claims.get(id)?.count ?? 0), 0);
}

/** Most consequential first (RANKING_RULE): by score, then severity, then the size of the figures, then id. */
export function byConsequence(a: { score: number; severity: Contradiction["severity"]; largest: number; id: string }, b: typeof a): number {
  return b.score - a.score || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.largest - a.largest || a.id.localeCompare(b.id);
}

/** The lookups of a linking, built once. */
export function lookups(linked: Linked): Lookups {
  if (linked.lookups) return linked.lookups;
  const byFamily = new Map<string, Fact[]>();
  for (const f of linked.result.facts) {
    const list = byFamily.get(f.scope.family);
    if (list) list.push(f);
    else byFamily.set(f.scope.family, [f]);
  }
  let factOfClaim = linked.kept?.factOfClaim;
  if (!factOfClaim) {
    const own = new Map<string, string>();
    for (const f of linked.result.facts) for (const c of f.claims) if (!own.has(c.id)) own.set(c.id, f.id);
    factOfClaim = own;
  }
  let revisions = linked.kept?.revisions;
  if (!revisions) {
    revisions = new Map<string, Revision[]>();
    for (const r of linked.result.revisions) {
      const list = revisions.get(r.factId);
      if (list) list.push(r);
      else revisions.set(r.factId, [r]);
    }
  }
  const ranked = linked.previous ? reranked(linked, linked.previous) : rankAll(linked);
  const byPlace = new Map<string, Map<string, PlaceFacts>>();
  for (const f of linked.result.facts) {
    if (f.scope.place === null) continue;
    let places = byPlace.get(f.scope.family);
    if (!places) byPlace.set(f.scope.family, (places = new Map()));
    let p = places.get(f.scope.place);
    if (!p) places.set(f.scope.place, (p = { facts: 0, voices: new Set(), conflicts: new Set() }));
    p.facts++;
    for (const v of f.voices) p.voices.add(v.id);
  }
  // Each contradiction's place in `ranked`, added to the places of the facts that list it (the
  // facts it names: a fact's contradictionIds are those naming it). No map of every
  // contradiction's rank is built (half a million entries at a million claims, made at the end
  // of a first linking, when the heap is largest).
  for (let r = 0; r < ranked.length; r++) {
    const con = ranked[r] as Contradiction;
    for (const id of con.facts) {
      const f = linked.facts.get(id);
      if (!f || f.scope.place === null || !f.contradictionIds.includes(con.id)) continue;
      byPlace.get(f.scope.family)?.get(f.scope.place)?.conflicts.add(r);
    }
  }
  linked.lookups = { factOfClaim, revisions, byFamily, ranked, byPlace };
  delete linked.previous; // the previous linking's lookups are no longer needed
  return linked.lookups;
}

type Ranked = { con: Contradiction; id: string; score: number; severity: Contradiction["severity"]; largest: number };

const rankedOf = (linked: Linked, con: Contradiction): Ranked => ({ con, id: con.id, score: con.score, severity: con.severity, largest: largestOf(con, linked.claims) });

/**
 * Every contradiction, most consequential first (byConsequence): their positions sorted over
 * typed arrays of the keys, instead of an object of the keys for each (half a million at a
 * million claims, made at the end of a first linking, when the heap is largest).
 */
function rankAll(linked: Linked): Contradiction[] {
  const cons = linked.result.contradictions;
  const n = cons.length;
  const score = new Float64Array(n);
  const severity = new Uint8Array(n);
  const largest = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const con = cons[i] as Contradiction;
    score[i] = con.score;
    severity[i] = SEVERITY_RANK[con.severity];
    largest[i] = largestOf(con, linked.claims);
    order[i] = i;
  }
  order.sort(
    (a, b) =>
      (score[b] as number) - (score[a] as number) ||
      (severity[a] as number) - (severity[b] as number) ||
      (largest[b] as number) - (largest[a] as number) ||
      (cons[a] as Contradiction).id.localeCompare((cons[b] as Contradiction).id) ||
      a - b,
  );
  return Array.from(order, (i) => cons[i] as Contradiction);
}

/**
 * The previous ranking without the contradictions changed or removed since, with the changed ones
 * placed by binary search: the same order as rankAll, without sorting them all again.
 */
function reranked(linked: Linked, previous: NonNullable<Linked["previous"]>): Contradiction[] {
  // Only the items compared are ranked again (log n of them per change), not all of them.
  const order = (a: Contradiction, b: Contradiction) => byConsequence(rankedOf(linked, a), rankedOf(linked, b));
  const kept = previous.lookups.ranked.filter((c) => !previous.conflicts.has(c.id));
  const added = [...previous.conflicts].flatMap((id) => linked.contradictions.get(id) ?? []);
  return merged(kept, added, order);
}

/** Claim id → the fact it is counted in. */
export function factOfClaim(linked: Linked): ByClaim<string> {
  return lookups(linked).factOfClaim;
}

/** The `n` smallest numbers of a set, in order. */
export function smallest(values: Iterable<number>, n: number): number[] {
  const out: number[] = [];
  for (const v of values) {
    if (out.length === n && v >= (out[n - 1] as number)) continue;
    let i = out.length;
    while (i > 0 && (out[i - 1] as number) > v) i--;
    out.splice(i, 0, v);
    if (out.length > n) out.pop();
  }
  return out;
}
