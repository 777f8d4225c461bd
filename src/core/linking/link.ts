// Linking claims into facts: group by scope, count voices, estimate, nest, find contradictions.
// Everything happens within partitions (event family × country), so a new document only
// recomputes the partitions its claims fall in.
import { defaultRegistry } from "../sources.js";
import { breakdownParts } from "./breakdown.js";
import { hashKey } from "./hash.js";
import { flat } from "./strings.js";
import { datingErrors, incompatibleFigures, partsExceedWhole, revisionsOf, hasVoicesHeardApart, rivalPairs, withinVoiceConflicts } from "./contradictions.js";
import { ESTIMATE_RULE, estimate, factStatus } from "./estimate.js";
import { nestFacts } from "./nesting.js";
import { claimPartition, claimScope, partitionKey, scopeKey } from "./scope.js";
import { collectVoices } from "./voices.js";
import type { Contradiction, Fact, FactScope, LinkClaim, LinkOptions, LinkResult, Revision } from "./types.js";

const defaultNetworkOf = (name: string): string | null => defaultRegistry.networkOf(name);

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Caches a name lookup for the duration of one linking run. */
export function memo(f: (name: string) => string | null): (name: string) => string | null {
  const cache = new Map<string, string | null>();
  return (name) => {
    let v = cache.get(name);
    if (v === undefined) {
      v = f(name);
      cache.set(name, v);
    }
    return v;
  };
}

/** Appends without spreading, which overflows the stack for very large arrays. */
function append<T>(to: T[], items: readonly T[]): void {
  for (const x of items) to.push(x);
}

/** The id of the fact for a scope key. */
export function factId(key: string): string {
  return flat(`fact_${hashKey(key)}`);
}

/**
 * Groups one partition's claims by scope. A claim that names no victim group is about all
 * victims: it never joins a group's fact, which nests under it instead. A figure its document
 * gives as a breakdown of a larger one ("32 of them children") gets a part scope of its own.
 */
function groupByScope(claims: readonly LinkClaim[]): Map<string, { scope: FactScope; claims: LinkClaim[] }> {
  const groups = new Map<string, { scope: FactScope; claims: LinkClaim[] }>();
  const parts = breakdownParts(claims);
  for (const c of claims) {
    const scope = claimScope(c, parts.has(c.id));
    const key = scopeKey(scope);
    const g = groups.get(key);
    if (g) g.claims.push(c);
    else groups.set(key, { scope, claims: [c] });
  }
  return groups;
}

/**
 * Groups claims by scope as linkClaims does (breakdowns found within each partition), e.g. the
 * claims of the documents an update touches.
 */
export function scopeGroups(claims: readonly LinkClaim[]): Map<string, { scope: FactScope; claims: LinkClaim[] }> {
  const byPartition = new Map<string, LinkClaim[]>();
  for (const c of claims) {
    const p = partitionOf(c);
    const list = byPartition.get(p);
    if (list) list.push(c);
    else byPartition.set(p, [c]);
  }
  const out = new Map<string, { scope: FactScope; claims: LinkClaim[] }>();
  for (const list of byPartition.values()) for (const [k, g] of groupByScope(list)) out.set(k, g);
  return out;
}

/** One scope's fact, computed from its claims alone, with the findings that concern it alone. */
export interface GroupResult {
  /** parentId, children and contradictionIds are left empty: they depend on other facts. */
  fact: Fact;
  /** Incompatible figures and internal inconsistencies within the fact. */
  own: Contradiction[];
  revisions: Revision[];
  /** Standing figures of voices that another voice contradicts (used by datingErrors). */
  contradictedClaims: string[];
}

/** Standing figures of a fact's voices that another voice of it contradicts (as linkGroup gives them). */
export function contradictedClaims(fact: Pick<Fact, "scope" | "voices" | "claims">): string[] {
  const out = new Set<string>();
  for (const [i, j] of rivalPairs(fact, new Map(fact.claims.map((c) => [c.id, c])))) {
    for (const v of [fact.voices[i], fact.voices[j]]) if (v) out.add(v.figureClaimId);
  }
  return [...out].sort();
}

/**
 * Links the claims of one scope (all of them, in any order) into its fact. A fact depends only
 * on its own claims; its place among other facts (parent, parts that exceed it, dating errors)
 * is worked out separately (nestFacts/chooseParent, partsExceedWhole, datingErrors).
 */
export function linkGroup(key: string, scope: FactScope, claims: readonly LinkClaim[], networkOf: (n: string) => string | null): GroupResult {
  const sortedClaims = [...claims].sort((a, b) => cmp(a.id, b.id));
  const claimsById = new Map(sortedClaims.map((c) => [c.id, c]));
  const voices = collectVoices(sortedClaims, networkOf);
  const pairs = rivalPairs({ scope, voices }, claimsById);
  const contradicted = new Set<string>();
  for (const [i, j] of pairs) {
    for (const v of [voices[i], voices[j]]) if (v) contradicted.add(v.figureClaimId);
  }
  const fact: Fact = {
    id: factId(key),
    key,
    partition: partitionKey(scope),
    scope,
    claims: sortedClaims,
    voices,
    ...estimate(voices),
    rule: ESTIMATE_RULE,
    status: factStatus(voices, pairs.length > 0, scope.period !== null, hasVoicesHeardApart(voices, claimsById)),
    parentId: null,
    children: [],
    contradictionIds: [],
  };
  const own = [...incompatibleFigures(fact, claimsById), ...withinVoiceConflicts(fact, claimsById)];
  return { fact, own, revisions: revisionsOf(fact, claimsById), contradictedClaims: [...contradicted].sort() };
}

/** A fact computed before, with the findings that concern it alone, for reuse when unchanged. */
interface Reusable {
  signature: string;
  fact: Fact;
  own: Contradiction[];
  revisions: Revision[];
  contradictedClaims: string[];
}

const signatureOf = (claims: readonly LinkClaim[]) => claims.map((c) => c.id).join("\u0000");

/** Links the claims of one partition; scope groups whose claims are unchanged reuse `reuse`. */
function linkPartition(
  partition: string,
  claims: readonly LinkClaim[],
  networkOf: (n: string) => string | null,
  reuse?: ReadonlyMap<string, Reusable>,
): LinkResult {
  const facts: Fact[] = [];
  const contradictions: Contradiction[] = [];
  const revisions: Revision[] = [];
  const contradictedClaims = new Set<string>();
  for (const [key, group] of groupByScope(claims)) {
    const sortedClaims = [...group.claims].sort((a, b) => cmp(a.id, b.id));
    const previous = reuse?.get(key);
    if (previous && previous.signature === signatureOf(sortedClaims)) {
      facts.push({ ...previous.fact, parentId: null, children: [], contradictionIds: [] });
      append(contradictions, previous.own);
      append(revisions, previous.revisions);
      for (const id of previous.contradictedClaims) contradictedClaims.add(id);
      continue;
    }
    const r = linkGroup(key, group.scope, sortedClaims, networkOf);
    r.fact.partition = partition;
    for (const id of r.contradictedClaims) contradictedClaims.add(id);
    facts.push(r.fact);
    append(contradictions, r.own);
    append(revisions, r.revisions);
  }
  nestFacts(facts);
  const byId = new Map(facts.map((f) => [f.id, f]));
  append(contradictions, partsExceedWhole(facts, byId));
  append(contradictions, datingErrors(facts, contradictedClaims));
  for (const con of contradictions) {
    for (const fid of con.facts) byId.get(fid)?.contradictionIds.push(con.id);
  }
  for (const f of facts) f.contradictionIds.sort();
  return { facts, contradictions, revisions };
}

function partitionOf(c: LinkClaim): string {
  return claimPartition(c);
}

function linkPartitions(
  byPartition: ReadonlyMap<string, LinkClaim[]>,
  networkOf: (n: string) => string | null,
  reuse?: ReadonlyMap<string, Reusable>,
): LinkResult {
  const out: LinkResult = { facts: [], contradictions: [], revisions: [] };
  for (const [partition, claims] of byPartition) {
    const r = linkPartition(partition, claims, networkOf, reuse);
    append(out.facts, r.facts);
    append(out.contradictions, r.contradictions);
    append(out.revisions, r.revisions);
  }
  return out;
}

/** Sorts a result into its canonical, deterministic order. */
function canonical(r: LinkResult): LinkResult {
  return {
    facts: [...r.facts].sort((a, b) => cmp(a.key, b.key)),
    contradictions: [...r.contradictions].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id)),
    revisions: [...r.revisions].sort((a, b) => cmp(a.factId, b.factId) || cmp(a.toClaimId, b.toClaimId) || cmp(a.fromClaimId, b.fromClaimId)),
  };
}

/** Groups claims into facts with ranges, statuses, nesting, contradictions and revisions. */
export function linkClaims(claims: readonly LinkClaim[], opts: LinkOptions = {}): LinkResult {
  const networkOf = memo(opts.networkOf ?? defaultNetworkOf);
  const byPartition = new Map<string, LinkClaim[]>();
  for (const c of claims) {
    const p = partitionOf(c);
    const list = byPartition.get(p);
    if (list) list.push(c);
    else byPartition.set(p, [c]);
  }
  return canonical(linkPartitions(byPartition, networkOf));
}

/**
 * Updates a previous result with added claims (replacing claims with the same id) and removed
 * documents. Only the partitions (event family × country) these touch are regrouped, and within
 * them only the facts whose claims changed are recomputed; nesting and the checks across facts
 * (parts and wholes, dating errors) are redone for the touched partitions.
 */
export function updateFacts(
  previous: LinkResult,
  added: readonly LinkClaim[],
  removedDocumentIds: readonly string[] = [],
  opts: LinkOptions = {},
): LinkResult {
  const networkOf = memo(opts.networkOf ?? defaultNetworkOf);
  const removedDocs = new Set(removedDocumentIds);
  const addedIds = new Set(added.map((c) => c.id));
  const touched = new Set<string>(added.map(partitionOf));
  for (const f of previous.facts) {
    if (f.claims.some((c) => removedDocs.has(c.documentId) || addedIds.has(c.id))) touched.add(f.partition);
  }
  const byPartition = new Map<string, LinkClaim[]>();
  for (const p of touched) byPartition.set(p, []);
  for (const f of previous.facts) {
    if (!touched.has(f.partition)) continue;
    for (const c of f.claims) {
      if (!removedDocs.has(c.documentId) && !addedIds.has(c.id)) byPartition.get(f.partition)?.push(c);
    }
  }
  for (const c of added) byPartition.get(partitionOf(c))?.push(c);
  // Facts of touched partitions, with the findings that concern each alone, for reuse.
  const perFact = new Map<string, { own: Contradiction[]; revisions: Revision[] }>();
  for (const f of previous.facts) if (touched.has(f.partition)) perFact.set(f.id, { own: [], revisions: [] });
  for (const c of previous.contradictions) {
    const only = c.facts.length === 1 ? perFact.get(c.facts[0] as string) : undefined;
    if (only && (c.kind === "incompatible_figures" || c.kind === "internal_inconsistency")) only.own.push(c);
  }
  for (const r of previous.revisions) perFact.get(r.factId)?.revisions.push(r);
  const reuse = new Map<string, Reusable>();
  for (const f of previous.facts) {
    const own = perFact.get(f.id);
    if (!own) continue;
    const contradicted = new Set<string>();
    for (const [i, j] of rivalPairs(f, new Map(f.claims.map((c) => [c.id, c])))) {
      for (const v of [f.voices[i], f.voices[j]]) if (v) contradicted.add(v.figureClaimId);
    }
    reuse.set(f.key, { signature: signatureOf(f.claims), fact: f, own: own.own, revisions: own.revisions, contradictedClaims: [...contradicted] });
  }
  const fresh = linkPartitions(byPartition, networkOf, reuse);
  const partitionOfFact = new Map(previous.facts.map((f) => [f.id, f.partition]));
  const untouched = (factIds: string[]) => factIds.every((id) => !touched.has(partitionOfFact.get(id) ?? ""));
  const facts = previous.facts.filter((f) => !touched.has(f.partition));
  const contradictions = previous.contradictions.filter((c) => untouched(c.facts));
  const revisions = previous.revisions.filter((r) => untouched([r.factId]));
  append(facts, fresh.facts);
  append(contradictions, fresh.contradictions);
  append(revisions, fresh.revisions);
  return canonical({ facts, contradictions, revisions });
}
