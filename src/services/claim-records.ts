// What a reader looks up by claim id among the claims of its facts (the claim, the name it credits,
// the period label of its text, its fact), read from one map of claim records. A server over a
// million claims kept a Map of a million entries for each (docs/performance.md); one suffices.
import type { LinkClaim } from "../core/linking/index.js";
import type { FactClaimRecord } from "../store/index.js";

/** Reads by claim id, as a Map's get and has. */
export interface ByClaim<T> {
  get(id: string): T | undefined;
  has(id: string): boolean;
  /** How many claims it knows (of the claims lookup, every claim). */
  readonly size: number;
}

/** The lookups by claim id over claim records. */
export interface ClaimLookups {
  claims: ByClaim<LinkClaim>;
  /** The source name as stored (null when the claim credits none). */
  credited: ByClaim<string | null>;
  /** The period as the claim's text names it, for the claims that have one. */
  periodLabels: ByClaim<string>;
  /** The fact each claim is counted in. */
  factOfClaim: ByClaim<string>;
}

/** The lookups over `records` (claim id → record), which may change afterwards: they read it when asked. */
export function claimLookups(records: ReadonlyMap<string, Omit<FactClaimRecord, "datingKey">>): ClaimLookups {
  const has = (id: string) => records.has(id);
  const lookup = <T>(get: (id: string) => T | undefined, known: (id: string) => boolean = has): ByClaim<T> => ({
    get,
    has: known,
    get size() {
      return records.size;
    },
  });
  return {
    claims: lookup((id) => records.get(id)?.claim),
    credited: lookup((id) => records.get(id)?.credited),
    periodLabels: lookup(
      (id) => records.get(id)?.periodLabel ?? undefined,
      (id) => Boolean(records.get(id)?.periodLabel),
    ),
    factOfClaim: lookup((id) => records.get(id)?.factId),
  };
}
