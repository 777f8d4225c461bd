// The stored facts of an audience as a reader holds them in memory: read once (FactStore.load),
// then kept current by applying only what changed (FactStore.changesSince), so that a server
// over a million claims shows a change within seconds instead of reading every fact again.
// What it gives is always what assemble() gives for a fresh load (test/facts/fact-update.test.ts).
import type { Contradiction, Fact, LinkClaim, LinkResult, Revision } from "../core/linking/index.js";
import { claimLookups } from "./claim-records.js";
import { conflictReason, heldConflict, heldRevision, revisionText, writeOut, type ReasonData } from "./held-reasons.js";
import type { FactClaimRecord, FactDelta, StoredFact, StoredFacts } from "../store/index.js";
import { merged, replacedGroups } from "./sorted-index.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => cmp(a.id, b.id);
const byKey = (a: Fact, b: Fact) => cmp(a.key, b.key);
const byKindAndId = (a: Contradiction, b: Contradiction) => cmp(a.kind, b.kind) || cmp(a.id, b.id);
const byRevision = (a: Revision, b: Revision) => cmp(a.factId, b.factId) || cmp(a.toClaimId, b.toClaimId) || cmp(a.fromClaimId, b.fromClaimId);

/**
 * A fact with the lists given, its fields written out in the order a stored fact read back has
 * them (the answers' JSON is the same): an object with every field in its own slots, where a
 * spread of the stored fact made one of several times the size (180,000 facts at a million claims).
 */
function factOf(f: Omit<Fact, "claims" | "children" | "contradictionIds">, claims: Fact["claims"], children: string[], contradictionIds: string[]): Fact {
  return {
    id: f.id,
    key: f.key,
    partition: f.partition,
    scope: f.scope,
    voices: f.voices,
    low: f.low,
    best: f.best,
    high: f.high,
    highIsMinimum: f.highIsMinimum,
    bestRule: f.bestRule,
    rule: f.rule,
    status: f.status,
    parentId: f.parentId,
    claims,
    children,
    contradictionIds,
  };
}

/** What LiveFacts keeps of a claim record. */
type ClaimRecord = Omit<FactClaimRecord, "datingKey">;
const slim = (r: FactClaimRecord): ClaimRecord =>
  r.datingKey === null ? r : { factId: r.factId, claim: r.claim, credited: r.credited, periodLabel: r.periodLabel };

export class LiveFacts {
  /** The version of the stored facts this view holds. */
  version: number;
  /**
   * Fact id → the claims added since it was last assembled (an empty list: it lost its claims).
   * Otherwise a fact's claims are those of its assembled form: no map of every fact's claims is kept.
   */
  private readonly pendingClaims = new Map<string, LinkClaim[]>();
  private readonly conflictById = new Map<string, Contradiction>();
  /**
   * The assembled facts (claims, children and contradictions filled in). The stored facts are not
   * kept beside them: a fact's revisions are in revisionsByFact, the rest is in the fact.
   */
  readonly facts = new Map<string, Fact>();
  /**
   * Claim id → its record (the claim, its fact, the name it credits, its period label), a copy
   * without the dating key: only the update reads that, from the store (one string per claim,
   * most of them distinct, 700,000 at a million claims).
   */
  private readonly records = new Map<string, ClaimRecord>();
  /** The claims, their facts, credited names and period labels, by claim id (read from the records). */
  readonly byClaim = claimLookups(this.records);
  /** Fact id → its revisions in the result's order (facts without revisions left out). */
  readonly revisionsByFact = new Map<string, Revision[]>();
  /** The linking result's three lists, kept in assemble()'s order: merged with what changed, never sorted again. */
  private sortedFacts: Fact[];
  private sortedContradictions: Contradiction[];
  private sortedRevisions: Revision[];
  private cachedResult: LinkResult | null = null;
  /** What the reasons held as codes are written from (held-reasons.ts). */
  private readonly reasonData: ReasonData = {
    claim: (id) => this.records.get(id)?.claim,
    fact: (id) => this.facts.get(id),
    factOfClaim: (id) => this.records.get(id)?.factId,
  };

  constructor(loaded: StoredFacts) {
    this.version = loaded.version;
    // Each fact assembled in place: its lists filled as the claims, children and contradictions
    // are read, then sorted. No index of children or contradictions per fact is kept (a Set per
    // fact, half a million contradictions at a million claims): apply() finds those of the facts
    // it rebuilds by one pass over the facts and contradictions.
    for (const f of loaded.facts) this.facts.set(f.id, factOf(f, [], [], []));
    for (const r of loaded.claims) {
      const f = this.facts.get(r.factId);
      if (f) {
        f.claims.push(r.claim);
        this.records.set(r.claim.id, slim(r));
      } else this.addRecord(r);
    }
    // Reasons are held as codes where they can be written again: once the claims and facts are.
    for (const f of loaded.facts) this.putRevisions(f);
    for (const f of this.facts.values()) if (f.parentId) this.facts.get(f.parentId)?.children.push(f.id);
    for (const c of loaded.conflicts) {
      this.conflictById.set(c.contradiction.id, heldConflict(c.contradiction, this.reasonData));
      for (const id of c.contradiction.facts) this.facts.get(id)?.contradictionIds.push(c.contradiction.id);
    }
    for (const f of this.facts.values()) {
      f.claims.sort(byId);
      // Copies of their own length: a list grown by push keeps room for 16 more ids.
      if (f.children.length > 0) f.children = f.children.sort().slice();
      if (f.contradictionIds.length > 0) f.contradictionIds = f.contradictionIds.sort().slice();
    }
    this.sortedFacts = [...this.facts.values()].sort(byKey);
    this.sortedContradictions = [...this.conflictById.values()].sort(byKindAndId);
    this.sortedRevisions = [...this.revisionsByFact.values()].flat().sort(byRevision);
  }

  /** A contradiction's reason (the contradictions held keep a code in place of those written when shown). */
  reasonOf(con: Contradiction): string {
    return conflictReason(con, this.reasonData);
  }

  /** A revision with its reason written out (those held keep a code in its place). */
  revisionOf(r: Revision): Revision {
    const reason = revisionText(r, this.reasonData);
    return reason === r.reason ? r : { ...r, reason };
  }

  private putRevisions(f: StoredFact): void {
    if (f.revisions.length > 0) this.revisionsByFact.set(f.id, f.revisions.map((r) => heldRevision(r, this.reasonData)).sort(byRevision));
  }

  /** Contradiction id → the contradiction (its reason through reasonOf()). */
  get conflicts(): ReadonlyMap<string, Contradiction> {
    return this.conflictById;
  }

  private addRecord(r: FactClaimRecord): void {
    const list = this.pendingClaims.get(r.factId);
    if (list) list.push(r.claim);
    else this.pendingClaims.set(r.factId, [r.claim]);
    this.records.set(r.claim.id, slim(r));
  }

  private dropRecords(factId: string): void {
    for (const c of this.pendingClaims.get(factId) ?? this.facts.get(factId)?.claims ?? []) this.records.delete(c.id);
    this.pendingClaims.set(factId, []);
  }

  private putStored(f: StoredFact): void {
    this.dropStored(f.id);
    // Assembled (its claims, children and contradictions filled in) once the indexes are.
    this.facts.set(f.id, factOf(f, [], [], []));
    this.putRevisions(f);
  }

  private dropStored(id: string): void {
    const old = this.facts.get(id);
    if (!old) return;
    this.facts.delete(id);
    this.revisionsByFact.delete(id);
  }

  /**
   * (Re)builds the linker's fact of a stored one: its claims (those added since, or its own), and
   * the children and contradictions found for it (`children`, `conflicts`: fact id → ids).
   */
  private assemble(id: string, children: ReadonlyMap<string, string[]>, conflicts: ReadonlyMap<string, string[]>): void {
    const f = this.facts.get(id);
    const pending = this.pendingClaims.get(id);
    this.pendingClaims.delete(id);
    if (!f) return;
    // A new object (a fact changed is a new object, with lists of its own: fact-facets.ts keeps answers per claim list).
    this.facts.set(id, factOf(f, pending ? pending.sort(byId) : [...f.claims], (children.get(id) ?? []).sort(), (conflicts.get(id) ?? []).sort()));
  }

  /** Applies what changed since this view's version; returns the number of facts rebuilt. */
  apply(delta: FactDelta): number {
    if (delta.version === this.version) return 0;
    // Facts whose assembled form may change: those written or removed, their old and new parents, and the facts of changed contradictions.
    const affected = new Set<string>();
    const before = new Map<string, Contradiction>();
    for (const id of [...delta.droppedConflicts, ...delta.conflicts.map((c) => c.contradiction.id)]) {
      const old = this.conflictById.get(id);
      if (old) before.set(id, old);
    }
    // The reasons written from the facts about to change are written out first: a contradiction
    // the store keeps unchanged keeps the sentence it had.
    const changing = new Set([...delta.droppedFacts, ...delta.facts.map((f) => f.id)]);
    for (const c of this.conflictById.values()) if (c.facts.some((id) => changing.has(id))) writeOut(c, this.reasonData);
    const touchFact = (id: string) => {
      affected.add(id);
      const parent = this.facts.get(id)?.parentId;
      if (parent) affected.add(parent);
    };
    const touchConflict = (id: string) => {
      for (const f of this.conflictById.get(id)?.facts ?? []) affected.add(f);
    };
    for (const id of delta.droppedFacts) {
      touchFact(id);
      this.dropRecords(id);
      this.dropStored(id);
    }
    for (const id of delta.droppedConflicts) {
      touchConflict(id);
      this.conflictById.delete(id);
    }
    for (const f of delta.facts) {
      touchFact(f.id);
      this.dropRecords(f.id);
    }
    for (const r of delta.claims) this.addRecord(r);
    for (const f of delta.facts) {
      this.putStored(f);
      touchFact(f.id);
    }
    for (const c of delta.conflicts) {
      touchConflict(c.contradiction.id);
      this.conflictById.set(c.contradiction.id, heldConflict(c.contradiction, this.reasonData));
      touchConflict(c.contradiction.id);
    }
    // The children and contradictions of the facts rebuilt, in one pass over all (what the
    // stored facts' parents and the contradictions' facts say now).
    const children = new Map<string, string[]>();
    const conflicts = new Map<string, string[]>();
    const add = (index: Map<string, string[]>, key: string, id: string) => {
      const list = index.get(key);
      if (list) list.push(id);
      else index.set(key, [id]);
    };
    for (const f of this.facts.values()) if (f.parentId && affected.has(f.parentId)) add(children, f.parentId, f.id);
    for (const c of this.conflictById.values()) for (const id of c.facts) if (affected.has(id)) add(conflicts, id, c.id);
    for (const id of affected) this.assemble(id, children, conflicts);
    // The sorted lists: what changed leaves them, its new form is merged in.
    this.sortedFacts = merged(
      this.sortedFacts.filter((f) => !affected.has(f.id)),
      [...affected].flatMap((id) => this.facts.get(id) ?? []),
      byKey,
    );
    // A contradiction is its own group (kind and id), found by binary search on both.
    const conflictKey = (c: Contradiction) => `${c.kind}\u0000${c.id}`;
    const conflictsChanged = new Set<string>();
    for (const id of [...delta.droppedConflicts, ...delta.conflicts.map((c) => c.contradiction.id)]) {
      const old = before.get(id);
      if (old) conflictsChanged.add(conflictKey(old));
    }
    this.sortedContradictions = replacedGroups(
      this.sortedContradictions,
      conflictsChanged,
      conflictKey,
      delta.conflicts.flatMap((c) => this.conflictById.get(c.contradiction.id) ?? []),
      byKindAndId,
    );
    const revised = new Set([...delta.droppedFacts, ...delta.facts.map((f) => f.id)]);
    this.sortedRevisions = replacedGroups(this.sortedRevisions, revised, (r) => r.factId, delta.facts.flatMap((f) => this.revisionsByFact.get(f.id) ?? []), byRevision);
    this.version = delta.version;
    this.cachedResult = null;
    return affected.size;
  }

  /** result() with every reason written out (new lists): what assemble() gives for a fresh load. */
  written(): LinkResult {
    const { facts, contradictions, revisions } = this.result();
    return { facts, contradictions: contradictions.map((c) => ({ ...c, reason: this.reasonOf(c) })), revisions: revisions.map((r) => this.revisionOf(r)) };
  }

  /**
   * The facts as a linking result, ordered as assemble() orders them (lists of their own: a later
   * apply() does not change them). Reasons may be held as codes: read them through reasonOf() and
   * revisionOf(), or take written().
   */
  result(): LinkResult {
    this.cachedResult ??= { facts: this.sortedFacts, contradictions: this.sortedContradictions, revisions: this.sortedRevisions };
    return this.cachedResult;
  }
}
