// FactStore in memory, with the same indexes as the database tables: for the linking benchmark
// at a million claims and for tests of the update against a full linking.
import type { Period } from "../core/types.js";
import { addTo, removeFrom } from "./sorted-index.js";
import type { ConflictRecord, ConflictRef, FactAudience, FactChange, FactClaimRecord, FactDelta, FactPart, FactState, FactStore, StoredFact, StoredFacts } from "../store/index.js";

/** Index key of a fact: family, place and the year its period lies in ("*" when it spans years or is undated). */
function placeKey(f: StoredFact): string {
  const p = f.scope.period;
  const year = p && p.start.slice(0, 4) === p.end.slice(0, 4) ? p.start.slice(0, 4) : "*";
  return `${f.scope.family}|${f.scope.place ?? ""}|${year}`;
}

/** The stored facts of one audience. */
class Tables {
  state: FactState | null = null;
  /** Raised by every change; the version of the last rebuild; the version that last wrote or removed each fact and contradiction. */
  version = 0;
  rebuilt = 0;
  factChanged = new Map<string, number>();
  conflictChanged = new Map<string, number>();
  factDropped = new Map<string, number>();
  conflictDropped = new Map<string, number>();
  facts = new Map<string, StoredFact>();
  byPlace = new Map<string, Set<string>>();
  byParent = new Map<string | null, Set<string>>();
  claims = new Map<string, FactClaimRecord>();
  claimsOfFact = new Map<string, Set<string>>();
  claimsOfDocument = new Map<string, Set<string>>();
  claimsOfDatingKey = new Map<string, Set<string>>();
  conflicts = new Map<string, ConflictRecord>();
  conflictsOfFact = new Map<string, Set<string>>();

  putFact(f: StoredFact): void {
    this.dropFact(f.id);
    this.facts.set(f.id, f);
    addTo(this.byPlace, placeKey(f), f.id);
    addTo(this.byParent, f.parentId, f.id);
  }

  dropFact(id: string): void {
    const f = this.facts.get(id);
    if (!f) return;
    this.facts.delete(id);
    removeFrom(this.byPlace, placeKey(f), id);
    removeFrom(this.byParent, f.parentId, id);
  }

  putClaim(r: FactClaimRecord): void {
    this.claims.set(r.claim.id, r);
    addTo(this.claimsOfFact, r.factId, r.claim.id);
    addTo(this.claimsOfDocument, r.claim.documentId, r.claim.id);
    if (r.datingKey !== null) addTo(this.claimsOfDatingKey, r.datingKey, r.claim.id);
  }

  dropClaim(id: string): void {
    const r = this.claims.get(id);
    if (!r) return;
    this.claims.delete(id);
    removeFrom(this.claimsOfFact, r.factId, id);
    removeFrom(this.claimsOfDocument, r.claim.documentId, id);
    if (r.datingKey !== null) removeFrom(this.claimsOfDatingKey, r.datingKey, id);
  }

  putConflict(c: ConflictRecord): void {
    this.conflicts.set(c.contradiction.id, c);
    for (const f of c.contradiction.facts) addTo(this.conflictsOfFact, f, c.contradiction.id);
  }

  dropConflict(id: string): void {
    const c = this.conflicts.get(id);
    if (!c) return;
    this.conflicts.delete(id);
    for (const f of c.contradiction.facts) removeFrom(this.conflictsOfFact, f, id);
  }
}

export class MemoryFactStore implements FactStore {
  private readonly audiences = new Map<FactAudience, Tables>();

  private t(audience: FactAudience): Tables {
    let t = this.audiences.get(audience);
    if (!t) this.audiences.set(audience, (t = new Tables()));
    return t;
  }

  private claimsOf(audience: FactAudience, index: Map<string, Set<string>>, keys: readonly string[]): FactClaimRecord[] {
    const t = this.t(audience);
    const out: FactClaimRecord[] = [];
    for (const k of new Set(keys)) for (const id of index.get(k) ?? []) out.push(t.claims.get(id) as FactClaimRecord);
    return out;
  }

  state(audience: FactAudience): Promise<FactState | null> {
    return Promise.resolve(this.t(audience).state);
  }

  facts(audience: FactAudience, ids: readonly string[]): Promise<StoredFact[]> {
    const t = this.t(audience);
    return Promise.resolve([...new Set(ids)].flatMap((id) => t.facts.get(id) ?? []));
  }

  claimsOfFacts(audience: FactAudience, factIds: readonly string[]): Promise<FactClaimRecord[]> {
    return Promise.resolve(this.claimsOf(audience, this.t(audience).claimsOfFact, factIds));
  }

  claimsOfDocuments(audience: FactAudience, documentIds: readonly string[]): Promise<FactClaimRecord[]> {
    return Promise.resolve(this.claimsOf(audience, this.t(audience).claimsOfDocument, documentIds));
  }

  claims(audience: FactAudience, claimIds: readonly string[]): Promise<FactClaimRecord[]> {
    const t = this.t(audience);
    return Promise.resolve([...new Set(claimIds)].flatMap((id) => t.claims.get(id) ?? []));
  }

  relatives(audience: FactAudience, family: string, places: readonly (string | null)[], period: Period | null): Promise<StoredFact[]> {
    const t = this.t(audience);
    const out: StoredFact[] = [];
    // Years the period touches (a period within one year is indexed under it), and "*".
    const years = ["*"];
    if (period) for (let y = Number(period.start.slice(0, 4)); y <= Number(period.end.slice(0, 4)); y++) years.push(String(y).padStart(4, "0"));
    for (const place of new Set(places)) {
      for (const year of years) {
        for (const id of t.byPlace.get(`${family}|${place ?? ""}|${year}`) ?? []) {
          const f = t.facts.get(id) as StoredFact;
          const p = f.scope.period;
          if (period ? p !== null && p.start <= period.end && p.end >= period.start : p === null) out.push(f);
        }
      }
    }
    return Promise.resolve(out);
  }

  children(audience: FactAudience, parentIds: readonly string[]): Promise<StoredFact[]> {
    const t = this.t(audience);
    const out: StoredFact[] = [];
    for (const p of new Set(parentIds)) for (const id of t.byParent.get(p) ?? []) out.push(t.facts.get(id) as StoredFact);
    return Promise.resolve(out);
  }

  datingClaims(audience: FactAudience, keys: readonly string[]): Promise<FactClaimRecord[]> {
    return Promise.resolve(this.claimsOf(audience, this.t(audience).claimsOfDatingKey, keys));
  }

  conflictsOf(audience: FactAudience, factIds: readonly string[]): Promise<ConflictRef[]> {
    const t = this.t(audience);
    const out = new Map<string, ConflictRef>();
    for (const f of new Set(factIds)) {
      for (const id of t.conflictsOfFact.get(f) ?? []) {
        const ref = out.get(id);
        if (ref) ref.facts.push(f);
        else {
          const c = t.conflicts.get(id) as ConflictRecord;
          out.set(id, { id, kind: c.contradiction.kind, owner: c.owner, facts: [f] });
        }
      }
    }
    return Promise.resolve([...out.values()]);
  }

  apply(audience: FactAudience, change: FactChange, expectedSeq: number | null = null): Promise<boolean> {
    let t = this.t(audience);
    if (expectedSeq !== null && (t.state?.syncedSeq ?? -1) !== expectedSeq) return Promise.resolve(false);
    const version = t.version + 1;
    if (change.clear) {
      this.audiences.set(audience, (t = new Tables()));
      t.rebuilt = version;
    }
    t.version = version;
    for (const id of change.deleteFacts) {
      t.dropFact(id);
      t.factChanged.delete(id);
      t.factDropped.set(id, version);
    }
    for (const f of change.upsertFacts) {
      t.putFact(f);
      t.factChanged.set(f.id, version);
    }
    for (const p of change.parents) {
      const f = t.facts.get(p.id);
      if (f) {
        t.putFact({ ...f, parentId: p.parentId });
        t.factChanged.set(p.id, version);
      }
    }
    for (const d of change.removeDocuments) for (const id of [...(t.claimsOfDocument.get(d) ?? [])]) t.dropClaim(id);
    for (const r of change.addClaims) t.putClaim(r);
    for (const id of change.deleteConflicts) {
      t.dropConflict(id);
      t.conflictChanged.delete(id);
      t.conflictDropped.set(id, version);
    }
    for (const c of change.addConflicts) {
      t.putConflict(c);
      t.conflictChanged.set(c.contradiction.id, version);
    }
    t.state = { ...change.state };
    return Promise.resolve(true);
  }

  rebuild(audience: FactAudience, parts: Iterable<FactPart>, state: FactState): Promise<number> {
    const version = this.t(audience).version + 1;
    // Built apart and put in place at the end: readers see the facts before or after.
    const t = new Tables();
    t.version = version;
    t.rebuilt = version;
    for (const part of parts) {
      for (const f of part.facts) {
        t.putFact(f);
        t.factChanged.set(f.id, version);
      }
      for (const r of part.claims) t.putClaim(r);
      for (const c of part.conflicts) {
        t.putConflict(c);
        t.conflictChanged.set(c.contradiction.id, version);
      }
    }
    t.state = { ...state };
    this.audiences.set(audience, t);
    return Promise.resolve(version);
  }

  changesSince(audience: FactAudience, since: number): Promise<FactDelta | null> {
    const t = this.t(audience);
    if (t.rebuilt > since || t.version < since) return Promise.resolve(null);
    const after = (m: Map<string, number>) => [...m].filter(([, v]) => v > since).map(([id]) => id);
    const facts = after(t.factChanged).map((id) => t.facts.get(id) as StoredFact);
    return Promise.resolve({
      version: t.version,
      facts,
      claims: this.claimsOf(audience, t.claimsOfFact, facts.map((f) => f.id)),
      conflicts: after(t.conflictChanged).map((id) => t.conflicts.get(id) as ConflictRecord),
      droppedFacts: after(t.factDropped),
      droppedConflicts: after(t.conflictDropped),
    });
  }

  load(audience: FactAudience, family?: string): Promise<StoredFacts> {
    const t = this.t(audience);
    const facts = [...t.facts.values()].filter((f) => !family || f.scope.family === family);
    const ids = new Set(facts.map((f) => f.id));
    return Promise.resolve({
      version: t.version,
      facts,
      claims: [...t.claims.values()].filter((r) => ids.has(r.factId)),
      conflicts: [...t.conflicts.values()].filter((c) => c.contradiction.facts.some((id) => ids.has(id))),
    });
  }
}
