// Shared copies for what the stored facts repeat. JSON.parse gives each row's strings their own
// copy (a fact id in every one of a fact's claims and contradictions, a document name in every
// claim of the document, a place, a date, a source): over a million claims those copies were
// hundreds of MB of a server's memory. A loader passes each parsed row through one FactRowSharer.
import { Interner } from "../core/linking/strings.js";
import type { EventType, Period, Qualifier, VictimGroup } from "../core/types.js";
import type { Revision } from "../core/linking/index.js";
import type { ConflictRecord, FactClaimRecord, FactHead } from "./fact-store.js";

/**
 * Replaces the repeated values of parsed rows, in place, by one shared copy each. The claims it
 * gives share period objects and victim lists: nothing may change those in place.
 */
export class FactRowSharer {
  private readonly strings = new Interner();
  private readonly victims = new Map<string, VictimGroup[]>();

  /** A claim record with its repeated strings, period and victim list shared. */
  claim(r: FactClaimRecord): FactClaimRecord {
    const s = this.strings;
    r.factId = s.get(r.factId);
    r.datingKey = s.maybe(r.datingKey);
    r.credited = s.maybe(r.credited);
    r.periodLabel = s.maybe(r.periodLabel);
    const c = r.claim;
    c.documentId = s.get(c.documentId);
    c.documentName = s.get(c.documentName);
    c.event = s.get(c.event) as EventType;
    c.qualifier = s.get(c.qualifier) as Qualifier;
    c.published = s.maybe(c.published);
    c.place = s.maybe(c.place);
    c.source = s.maybe(c.source);
    c.sourceNetwork = s.maybe(c.sourceNetwork);
    c.reportedBy = s.maybe(c.reportedBy);
    c.duplicateGroup = s.get(c.duplicateGroup);
    if (c.language !== undefined) c.language = s.maybe(c.language);
    if (c.period) c.period = this.period(c.period);
    c.victims = this.victimList(c.victims);
    return r;
  }

  /**
   * A fact with its repeated strings shared: the estimate's rule (the same long text in every
   * fact), its partition, place, period and victims, its voices' names and its revisions' ids.
   */
  fact<F extends FactHead & { revisions?: Revision[] }>(f: F): F {
    const s = this.strings;
    f.id = s.get(f.id);
    f.rule = s.get(f.rule);
    f.bestRule = s.get(f.bestRule);
    f.partition = s.get(f.partition);
    f.scope.place = s.maybe(f.scope.place);
    if (f.scope.period) f.scope.period = this.period(f.scope.period);
    f.scope.victims = this.victimList(f.scope.victims);
    for (const v of f.voices) {
      v.id = s.get(v.id);
      v.label = s.get(v.label);
      for (let i = 0; i < v.sources.length; i++) v.sources[i] = s.get(v.sources[i] as string);
    }
    for (const r of f.revisions ?? []) {
      r.factId = f.id;
      r.voice = s.get(r.voice);
    }
    return f;
  }

  /** A contradiction record with its owner and fact ids shared. */
  conflict(r: ConflictRecord): ConflictRecord {
    r.owner = this.strings.get(r.owner);
    const facts = r.contradiction.facts;
    for (let i = 0; i < facts.length; i++) facts[i] = this.strings.get(facts[i] as string);
    return r;
  }

  private period(p: Period): Period {
    return this.strings.period(p);
  }

  private victimList(v: VictimGroup[]): VictimGroup[] {
    const key = v.join("+");
    const kept = this.victims.get(key);
    if (kept) return kept;
    this.victims.set(key, v);
    return v;
  }
}
