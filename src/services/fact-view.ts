// The stored facts of an audience as a reader holds them in memory: read once (FactStore.load),
// then kept current by applying only what changed (FactStore.changesSince), so that a server
// over a million claims shows a change within seconds instead of reading every fact again.
// What it gives is always what assemble() gives for a fresh load (test/facts/fact-view.test.ts).
import type { Contradiction, Fact, LinkClaim, LinkResult, Revision } from "../core/linking/index.js";
import type { FactClaimRecord, FactDelta, StoredFact, StoredFacts } from "../store/index.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => cmp(a.id, b.id);

function addTo(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

function removeFrom(index: Map<string, Set<string>>, key: string, value: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}

export class FactView {
  /** The version of the stored facts this view holds. */
  version: number;
  private readonly stored = new Map<string, StoredFact>();
  private readonly records = new Map<string, FactClaimRecord[]>();
  private readonly conflicts = new Map<string, Contradiction>();
  private readonly childrenOf = new Map<string, Set<string>>();
  private readonly conflictsOfFact = new Map<string, Set<string>>();
  /** The assembled facts (claims, children and contradictions filled in). */
  readonly facts = new Map<string, Fact>();
  readonly claims = new Map<string, LinkClaim>();
  readonly credited = new Map<string, string | null>();
  readonly periodLabels = new Map<string, string>();
  private cachedResult: LinkResult | null = null;

  constructor(loaded: StoredFacts) {
    this.version = loaded.version;
    for (const r of loaded.claims) this.addRecord(r);
    for (const f of loaded.facts) this.putStored(f);
    for (const c of loaded.conflicts) this.putConflict(c.contradiction);
    for (const id of this.stored.keys()) this.assemble(id);
  }

  private addRecord(r: FactClaimRecord): void {
    const list = this.records.get(r.factId);
    if (list) list.push(r);
    else this.records.set(r.factId, [r]);
    this.claims.set(r.claim.id, r.claim);
    this.credited.set(r.claim.id, r.credited);
    if (r.periodLabel) this.periodLabels.set(r.claim.id, r.periodLabel);
  }

  private dropRecords(factId: string): void {
    for (const r of this.records.get(factId) ?? []) {
      this.claims.delete(r.claim.id);
      this.credited.delete(r.claim.id);
      this.periodLabels.delete(r.claim.id);
    }
    this.records.delete(factId);
  }

  private putStored(f: StoredFact): void {
    this.dropStored(f.id);
    this.stored.set(f.id, f);
    if (f.parentId) addTo(this.childrenOf, f.parentId, f.id);
  }

  private dropStored(id: string): void {
    const old = this.stored.get(id);
    if (!old) return;
    this.stored.delete(id);
    this.facts.delete(id);
    if (old.parentId) removeFrom(this.childrenOf, old.parentId, id);
  }

  private putConflict(c: Contradiction): void {
    this.dropConflict(c.id);
    this.conflicts.set(c.id, c);
    for (const f of c.facts) addTo(this.conflictsOfFact, f, c.id);
  }

  private dropConflict(id: string): void {
    const old = this.conflicts.get(id);
    if (!old) return;
    this.conflicts.delete(id);
    for (const f of old.facts) removeFrom(this.conflictsOfFact, f, id);
  }

  /** (Re)builds the linker's fact of a stored one from the indexes. */
  private assemble(id: string): void {
    const f = this.stored.get(id);
    if (!f) {
      this.facts.delete(id);
      return;
    }
    const { revisions: _revisions, contradictedClaims: _contradicted, ...rest } = f;
    this.facts.set(id, {
      ...rest,
      claims: (this.records.get(id) ?? []).map((r) => r.claim).sort(byId),
      children: [...(this.childrenOf.get(id) ?? [])].sort(),
      contradictionIds: [...(this.conflictsOfFact.get(id) ?? [])].sort(),
    });
  }

  /** Applies what changed since this view's version; returns the number of facts rebuilt. */
  apply(delta: FactDelta): number {
    if (delta.version === this.version) return 0;
    // Facts whose assembled form may change: those written or removed, their old and new parents, and the facts of changed contradictions.
    const affected = new Set<string>();
    const touchFact = (id: string) => {
      affected.add(id);
      const parent = this.stored.get(id)?.parentId;
      if (parent) affected.add(parent);
    };
    const touchConflict = (id: string) => {
      for (const f of this.conflicts.get(id)?.facts ?? []) affected.add(f);
    };
    for (const id of delta.droppedFacts) {
      touchFact(id);
      this.dropRecords(id);
      this.dropStored(id);
    }
    for (const id of delta.droppedConflicts) {
      touchConflict(id);
      this.dropConflict(id);
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
      this.putConflict(c.contradiction);
      touchConflict(c.contradiction.id);
    }
    for (const id of affected) this.assemble(id);
    this.version = delta.version;
    this.cachedResult = null;
    return affected.size;
  }

  /** The facts as a linking result, ordered as assemble() orders them. */
  result(): LinkResult {
    if (this.cachedResult) return this.cachedResult;
    const revisions: Revision[] = [];
    for (const f of this.stored.values()) for (const r of f.revisions) revisions.push(r);
    this.cachedResult = {
      facts: [...this.facts.values()].sort((a, b) => cmp(a.key, b.key)),
      contradictions: [...this.conflicts.values()].sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id)),
      revisions: revisions.sort((a, b) => cmp(a.factId, b.factId) || cmp(a.toClaimId, b.toClaimId) || cmp(a.fromClaimId, b.fromClaimId)),
    };
    return this.cachedResult;
  }
}
