// Shared copies for what the stored facts repeat. JSON.parse gives each row's strings their own
// copy (a fact id in every one of a fact's claims and contradictions, a document name in every
// claim of the document, a place, a date, a source): over a million claims those copies were
// hundreds of MB of a server's memory. A loader passes each parsed row through one FactRowSharer.
import { Interner } from "../core/linking/strings.js";
import type { Period, VictimGroup } from "../core/types.js";
import type { ConflictRecord, FactClaimRecord } from "./fact-store.js";

/**
 * Replaces the repeated values of parsed rows, in place, by one shared copy each. The claims it
 * gives share period objects and victim lists: nothing may change those in place.
 */
export class FactRowSharer {
  private readonly strings = new Interner();
  private readonly periods = new Map<string, Period>();
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
    c.published = s.maybe(c.published);
    c.place = s.maybe(c.place);
    c.source = s.maybe(c.source);
    c.sourceNetwork = s.maybe(c.sourceNetwork);
    c.reportedBy = s.maybe(c.reportedBy);
    c.duplicateGroup = s.get(c.duplicateGroup);
    if (c.period) {
      const key = `${c.period.start}..${c.period.end}`;
      let kept = this.periods.get(key);
      if (!kept) {
        kept = { start: s.get(c.period.start), end: s.get(c.period.end) };
        this.periods.set(key, kept);
      }
      c.period = kept;
    }
    const vkey = c.victims.join("+");
    const list = this.victims.get(vkey);
    if (list) c.victims = list;
    else this.victims.set(vkey, c.victims);
    return r;
  }

  /** A contradiction record with its owner and fact ids shared. */
  conflict(r: ConflictRecord): ConflictRecord {
    r.owner = this.strings.get(r.owner);
    const facts = r.contradiction.facts;
    for (let i = 0; i < facts.length; i++) facts[i] = this.strings.get(facts[i] as string);
    return r;
  }
}
