// Stored facts kept current: a full rebuild from every claim, and the update after a change to
// some documents' claims, which reads and rewrites only what those claims touch:
// 1. the facts (scopes) of the documents' old and new claims, relinked from their claims alone;
// 2. their relatives (same family, a place on the same chain, an overlapping period), among which
//    the facts whose parent may change are re-nested (every container of such a fact is a relative);
// 3. the wholes whose parts changed, checked again for parts that exceed them;
// 4. the facts sharing a dating key (same count under another period) with a changed fact.
// The result equals a full linking of all claims (test/facts/fact-update.test.ts checks it).
import {
  claimPartition,
  contradictedClaims,
  datingErrors,
  datingKey,
  factId,
  Interner,
  linkClaims,
  linkGroup,
  parentFinder,
  parentRankOf,
  partsExceedWhole,
  placeChain,
  placeDescendants,
  scopeGroups,
  type Contradiction,
  type Fact,
  type FactScope,
  type LinkClaim,
  type LinkResult,
} from "../core/linking/index.js";
import { FactRowSharer } from "../store/fact-records.js";
import { handOver } from "./held-reasons.js";
import type { ConflictRecord, FactAudience, FactChange, FactClaimRecord, FactHead, FactPart, FactState, FactStore, StoredFact, StoredFacts } from "../store/index.js";

/** A claim as the linker sees it, with what the views show of the stored claim. */
export interface ClaimSnapshot {
  claim: LinkClaim;
  credited: string | null;
  periodLabel: string | null;
}

/** What an update touched, for the benchmark and the CLI's report. */
export interface UpdateStats {
  documents: number;
  /** Facts relinked from their claims. */
  relinked: number;
  /** Facts read to re-nest and re-check around them. */
  read: number;
  /** Milliseconds per step: relinking the facts, nesting, parts and wholes, dating errors, writing. */
  ms: { relink: number; nest: number; parts: number; dating: number; write: number };
}

const OWN_KINDS: ReadonlySet<Contradiction["kind"]> = new Set(["incompatible_figures", "internal_inconsistency"]);

/**
 * A linker's fact as stored: its fields written out in the order a spread of the fact gave them
 * (the stored JSON is the same), in an object with its own slots; a spread made one several times
 * the size, and a rebuild holds every stored fact until the reader has taken them.
 */
function stored(f: Fact, extra: { revisions: StoredFact["revisions"]; contradictedClaims: string[] }): StoredFact {
  const { id, key, partition, scope, voices, low, best, high, highIsMinimum, bestRule, rule, status, parentId } = f;
  return { id, key, partition, scope, voices, low, best, high, highIsMinimum, bestRule, rule, status, parentId, revisions: extra.revisions, contradictedClaims: extra.contradictedClaims };
}

/** A stored fact as a linker's fact (for nesting and checks), with the claims given. */
function asFact(f: FactHead | StoredFact, claims: LinkClaim[] = []): Fact {
  const { contradictedClaims: _contradicted, revisions: _revisions, ...fact } = f as FactHead & { revisions?: unknown };
  return { ...fact, claims, children: [], contradictionIds: [] };
}

/** A claim's record; with `keys`, its dating key is the one copy kept there (a million claims share a few). */
function record(fact: Pick<Fact, "id" | "scope">, s: ClaimSnapshot, keys?: Interner): FactClaimRecord {
  const key = datingKey(fact, s.claim);
  return { factId: fact.id, datingKey: keys ? keys.maybe(key) : key, claim: s.claim, credited: s.credited, periodLabel: s.periodLabel };
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The owner of a contradiction of a full linking, as the update assigns it: the whole for parts
 * that exceed it (the one fact of the contradiction whose parent is not among them), else its
 * first fact.
 */
function ownerOf(c: Contradiction, facts: ReadonlyMap<string, Pick<Fact, "parentId">>): string {
  if (c.kind === "parts_exceed_whole") {
    const inside = new Set(c.facts);
    const whole = c.facts.find((id) => !inside.has(facts.get(id)?.parentId ?? ""));
    if (whole) return whole;
  }
  return c.facts[0] as string;
}

/**
 * One partition's linking as stored rows (facts, the claims they count, contradictions), with what
 * they repeat shared through `sharer` as the stored facts read back are (periods, victim lists,
 * best-rule texts, fact ids in revisions and contradictions): a rebuild hands them to the reader.
 */
function partOf(result: LinkResult, claims: readonly ClaimSnapshot[], keys: Interner, sharer: FactRowSharer): FactPart {
  const snapshots = new Map(claims.map((s) => [s.claim.id, s]));
  const facts = new Map(result.facts.map((f) => [f.id, f]));
  const revisions = new Map<string, StoredFact["revisions"]>();
  for (const r of result.revisions) {
    const list = revisions.get(r.factId);
    if (list) list.push(r);
    else revisions.set(r.factId, [r]);
  }
  const part: FactPart = {
    facts: result.facts.map((f) => sharer.fact(stored(f, { revisions: revisions.get(f.id) ?? [], contradictedClaims: contradictedClaims(f) }))),
    claims: [],
    conflicts: result.contradictions.map((c) => sharer.conflict({ owner: ownerOf(c, facts), contradiction: c })),
  };
  for (const f of result.facts) {
    for (const c of f.claims) part.claims.push(record(f, snapshots.get(c.id) ?? { claim: c, credited: null, periodLabel: null }, keys));
  }
  return part;
}

/** Claims by partition (event family × country), as rebuildFacts links them. */
export type ClaimPartitions = Map<string, ClaimSnapshot[]>;

/** Adds claims to their partitions' lists. */
export function partitionClaims(claims: Iterable<ClaimSnapshot>, into: ClaimPartitions = new Map()): ClaimPartitions {
  for (const s of claims) {
    const p = claimPartition(s.claim);
    const list = into.get(p);
    if (list) list.push(s);
    else into.set(p, [s]);
  }
  return into;
}

/**
 * Replaces the stored facts of an audience with a full linking of `claims`, and returns what is
 * stored now (what FactStore.load would read back, for a reader to hold without reading it),
 * except the claims' dating keys, left null (a reader never reads them), and the reasons held
 * as codes where they can be written again (held-reasons.ts; LiveFacts and linkedOf write them).
 * Linking never crosses a partition (event family × country), so the claims are linked and
 * written one partition at a time: the linker's output is held for one partition, not for all.
 * Claims given already partitioned are handed over: each partition's list is dropped from the
 * map once linked, so that its snapshots are not all held until the end.
 */
export async function rebuildFacts(
  fs: FactStore,
  audience: FactAudience,
  claims: readonly ClaimSnapshot[] | ClaimPartitions,
  networkOf: (n: string) => string | null,
  state: FactState,
): Promise<StoredFacts> {
  const byPartition = claims instanceof Map ? claims : partitionClaims(claims);
  const out: StoredFacts = { facts: [], claims: [], conflicts: [], version: 0 };
  const sharer = new FactRowSharer();
  function* parts(): Generator<FactPart> {
    for (const [p, snapshots] of byPartition) {
      byPartition.delete(p);
      // Dating keys name the family and place, so partitions never share one: one copy of each
      // within the partition, dropped with it.
      const result = linkClaims(snapshots.map((s) => s.claim), { networkOf });
      const part = partOf(result, snapshots, new Interner(), sharer);
      yield part;
      handOver(part, result, out); // once written, its reasons as codes (held-reasons.ts)
      // Once written, the claims are handed to the reader without their dating keys (only an
      // update reads those, from the store): 700,000 distinct strings at a million claims.
      for (const r of part.claims) out.claims.push(r.datingKey === null ? r : { factId: r.factId, datingKey: null, claim: r.claim, credited: r.credited, periodLabel: r.periodLabel });
    }
  }
  out.version = await fs.rebuild(audience, parts(), state);
  return out;
}

/** True when a fact of scope `outer` may be the parent of one of scope `inner`... either way round. */
function victimsRelated(k: FactScope, x: FactScope): boolean {
  const kv = k.victims.join("+");
  const xv = x.victims.join("+");
  return kv === "" || xv === "" || kv === xv;
}

/**
 * Updates the stored facts of an audience after the claims of `documentIds` changed: `fresh` are
 * the documents' claims now (those the audience sees). Returns false (and changes nothing) when
 * the stored facts moved past `expectedSeq` meanwhile.
 */
export async function updateDocuments(
  fs: FactStore,
  audience: FactAudience,
  documentIds: readonly string[],
  fresh: readonly ClaimSnapshot[],
  networkOf: (n: string) => string | null,
  state: FactState,
  expectedSeq: number | null = null,
): Promise<UpdateStats | null> {
  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - clock);
    clock = now;
    return ms;
  };
  const docs = new Set(documentIds);
  for (const s of fresh) docs.add(s.claim.documentId);
  const old = await fs.claimsOfDocuments(audience, [...docs]);
  const groups = scopeGroups(fresh.map((s) => s.claim));
  const snapshots = new Map(fresh.map((s) => [s.claim.id, s]));

  // 1. The facts of the old and new claims, relinked from their claims alone.
  const touched = new Set(old.map((r) => r.factId));
  const newGroups = new Map<string, { key: string; scope: FactScope; claims: LinkClaim[] }>();
  for (const [key, g] of groups) {
    const id = factId(key);
    touched.add(id);
    newGroups.set(id, { key, ...g });
  }
  const before = new Map((await fs.facts(audience, [...touched])).map((f) => [f.id, f]));
  const kept = new Map<string, LinkClaim[]>();
  for (const r of await fs.claimsOfFacts(audience, [...touched])) {
    if (docs.has(r.claim.documentId)) continue;
    const list = kept.get(r.factId);
    if (list) list.push(r.claim);
    else kept.set(r.factId, [r.claim]);
  }
  const alive = new Map<string, { fact: Fact; own: Contradiction[]; revisions: StoredFact["revisions"]; contradictedClaims: string[] }>();
  const scopes = new Map<string, FactScope>();
  for (const id of touched) {
    const g = newGroups.get(id);
    const prev = before.get(id);
    const key = g?.key ?? prev?.key;
    const scope = g?.scope ?? prev?.scope;
    if (key === undefined || scope === undefined) continue;
    scopes.set(id, scope);
    const claims = [...(kept.get(id) ?? []), ...(g?.claims ?? [])];
    if (claims.length > 0) alive.set(id, linkGroup(key, scope, claims, networkOf));
  }
  const dead = [...touched].filter((id) => before.has(id) && !alive.has(id));
  const relinkMs = lap();

  // 2. Nesting: relatives of every touched fact; re-nest the touched facts and those inside one.
  const relatives = new Map<string, Fact>();
  // One query per family, place and period (touched facts often share them), filtered by victims after.
  const asked = new Map<string, { scope: FactScope; victims: FactScope[] }>();
  for (const scope of scopes.values()) {
    const k = `${scope.family}|${scope.place ?? ""}|${scope.period ? `${scope.period.start}..${scope.period.end}` : ""}`;
    const q = asked.get(k);
    if (q) q.victims.push(scope);
    else asked.set(k, { scope, victims: [scope] });
  }
  for (const { scope, victims } of asked.values()) {
    const places = scope.place === null ? [null] : [...placeChain(scope.place), ...placeDescendants(scope.place)];
    for (const f of await fs.relatives(audience, scope.family, places, scope.period)) {
      if (!touched.has(f.id) && !relatives.has(f.id) && victims.some((v) => victimsRelated(v, f.scope))) relatives.set(f.id, asFact(f));
    }
  }
  // The parent of a re-nested fact, among the relatives and the touched facts (every container of it is one).
  const containers = parentFinder([...relatives.values(), ...[...alive.values()].map((a) => a.fact)]);
  const oldParent = new Map<string, string | null>();
  for (const f of relatives.values()) oldParent.set(f.id, f.parentId);
  for (const [id, f] of before) oldParent.set(id, f.parentId);
  const parentOf = new Map<string, string | null>();
  for (const a of alive.values()) parentOf.set(a.fact.id, containers(a.fact)?.id ?? null);
  const touchedScopes = [...scopes.entries()].map(([id, scope]) => ({ id, scope }) as Fact);
  for (const x of relatives.values()) {
    const chain = placeChain(x.scope.place);
    if (touchedScopes.some((k) => parentRankOf(x, k, chain) !== null)) {
      parentOf.set(x.id, containers(x)?.id ?? null);
    }
  }
  const parents: FactChange["parents"] = [];
  for (const x of relatives.values()) {
    const p = parentOf.get(x.id);
    if (p !== undefined && p !== x.parentId) parents.push({ id: x.id, parentId: p });
  }
  for (const a of alive.values()) a.fact.parentId = parentOf.get(a.fact.id) ?? null;

  const nestMs = lap();

  // 3. Wholes whose parts changed: the touched facts, and the old and new parents of every fact re-nested or relinked.
  const wholes = new Set<string>([...alive.keys()]);
  for (const id of [...touched, ...parents.map((p) => p.id)]) {
    const o = oldParent.get(id);
    const n = parentOf.get(id);
    if (o) wholes.add(o);
    if (n) wholes.add(n);
  }
  for (const id of dead) wholes.delete(id);
  const known = new Map<string, Fact>([...relatives].map(([id, f]) => [id, f]));
  for (const a of alive.values()) known.set(a.fact.id, a.fact);
  const missing = [...wholes].filter((id) => !known.has(id));
  for (const f of await fs.facts(audience, missing)) known.set(f.id, asFact(f));
  for (const f of await fs.children(audience, [...wholes])) if (!known.has(f.id) && !touched.has(f.id)) known.set(f.id, asFact(f));
  const childrenOf = new Map<string, string[]>();
  for (const f of known.values()) {
    const p = parentOf.get(f.id) ?? f.parentId;
    if (p && wholes.has(p)) {
      const list = childrenOf.get(p);
      if (list) list.push(f.id);
      else childrenOf.set(p, [f.id]);
    }
  }
  // The standing figures of the wholes and their parts (whether a part and its whole come from one document).
  const figureIds = new Set<string>();
  const inCheck = [...wholes, ...[...childrenOf.values()].flat()];
  for (const id of inCheck) for (const v of known.get(id)?.voices ?? []) figureIds.add(v.figureClaimId);
  const figures = new Map<string, LinkClaim>();
  for (const a of alive.values()) for (const c of a.fact.claims) if (figureIds.has(c.id)) figures.set(c.id, c);
  for (const r of await fs.claims(audience, [...figureIds].filter((id) => !figures.has(id)))) figures.set(r.claim.id, r.claim);
  const checkFacts = new Map<string, Fact>();
  for (const id of new Set(inCheck)) {
    const f = known.get(id);
    if (!f) continue;
    const parentId = parentOf.get(id) ?? f.parentId;
    checkFacts.set(id, { ...f, parentId, claims: f.voices.flatMap((v) => figures.get(v.figureClaimId) ?? []), children: [...(childrenOf.get(id) ?? [])].sort() });
  }
  const wholeFacts = [...wholes].flatMap((w) => checkFacts.get(w) ?? []);
  const partsFound: ConflictRecord[] = partsExceedWhole([...checkFacts.values()], checkFacts, wholeFacts).map((c) => ({ owner: ownerOf(c, checkFacts), contradiction: c }));

  const partsMs = lap();

  // 4. Dating errors: facts sharing a dating key with a claim of a touched fact, before or after.
  const keys = new Set<string>();
  for (const r of old) if (r.datingKey !== null) keys.add(r.datingKey);
  for (const a of alive.values()) for (const c of a.fact.claims) {
    const k = datingKey(a.fact, c);
    if (k !== null) keys.add(k);
  }
  const datingClaims = new Map<string, LinkClaim[]>();
  for (const r of await fs.datingClaims(audience, [...keys])) {
    if (touched.has(r.factId)) continue;
    const list = datingClaims.get(r.factId);
    if (list) list.push(r.claim);
    else datingClaims.set(r.factId, [r.claim]);
  }
  const contradicted = new Set<string>();
  const datingFacts: Fact[] = [];
  for (const f of await fs.facts(audience, [...datingClaims.keys()])) {
    for (const id of f.contradictedClaims) contradicted.add(id);
    datingFacts.push(asFact(f, (datingClaims.get(f.id) ?? []).sort(byId)));
  }
  for (const a of alive.values()) {
    for (const id of a.contradictedClaims) contradicted.add(id);
    datingFacts.push(a.fact);
  }
  const datingFound = datingErrors(datingFacts, contradicted)
    .filter((c) => c.facts.some((id) => touched.has(id)))
    .map((c) => ({ owner: c.facts[0] as string, contradiction: c }));

  const datingMs = lap();

  // What was stored of all that, replaced.
  const stale = await fs.conflictsOf(audience, [...touched, ...wholes]);
  const deleteConflicts = stale
    .filter((r) => {
      if (OWN_KINDS.has(r.kind)) return touched.has(r.owner);
      if (r.kind === "parts_exceed_whole") return wholes.has(r.owner) || touched.has(r.owner);
      return r.facts.some((id) => touched.has(id));
    })
    .map((r) => r.id);
  const addConflicts: ConflictRecord[] = [...partsFound, ...datingFound];
  for (const a of alive.values()) for (const c of a.own) addConflicts.push({ owner: a.fact.id, contradiction: c });
  const change: FactChange = {
    deleteFacts: dead,
    upsertFacts: [...alive.values()].map((a) => stored(a.fact, a)),
    parents,
    removeDocuments: [...docs],
    addClaims: [...alive.values()].flatMap((a) => a.fact.claims.flatMap((c) => (snapshots.has(c.id) ? [record(a.fact, snapshots.get(c.id) as ClaimSnapshot)] : []))),
    deleteConflicts,
    addConflicts,
    state,
  };
  if (!(await fs.apply(audience, change, expectedSeq))) return null;
  return {
    documents: docs.size,
    relinked: touched.size,
    read: relatives.size + checkFacts.size + datingFacts.length,
    ms: { relink: relinkMs, nest: nestMs, parts: partsMs, dating: datingMs, write: lap() },
  };
}

/** Stored facts as a linking result: facts with their claims, children and contradictions. */
export function assemble(stored: StoredFacts): LinkResult {
  const claims = new Map<string, LinkClaim[]>();
  for (const r of stored.claims) {
    const list = claims.get(r.factId);
    if (list) list.push(r.claim);
    else claims.set(r.factId, [r.claim]);
  }
  const facts = stored.facts.map((f) => asFact(f, (claims.get(f.id) ?? []).sort(byId)));
  const index = new Map(facts.map((f) => [f.id, f]));
  for (const f of facts) if (f.parentId) index.get(f.parentId)?.children.push(f.id);
  const contradictions = stored.conflicts.map((c) => c.contradiction);
  for (const c of contradictions) for (const id of c.facts) index.get(id)?.contradictionIds.push(c.id);
  for (const f of facts) {
    f.children.sort();
    f.contradictionIds.sort();
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    facts: facts.sort((a, b) => cmp(a.key, b.key)),
    contradictions: contradictions.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id)),
    revisions: stored.facts
      .flatMap((f) => f.revisions)
      .sort((a, b) => cmp(a.factId, b.factId) || cmp(a.toClaimId, b.toClaimId) || cmp(a.fromClaimId, b.fromClaimId)),
  };
}
