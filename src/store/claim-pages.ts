// How a page of claims is read fast (issue 24). A page returns 50 claims in an order; the planner,
// given a filter on a column with an index (a place, a status, a period's end), reads every
// matching claim by that index and sorts them all, which at a million claims takes 150-600 ms when
// the filter keeps many claims. When many claims match, walking the index of the page's order
// (migration 17) and keeping the matching ones stops after about page / share-matching rows.
//
// How many match without the period is known cheaply, and exactly, from the running tallies for
// every filter but a document's (claim-tallies.ts); a period only narrows that number. At or above
// FAST_PATHS.walkAtLeast matches (10,000: 1% of a million claims, about 5,000 rows walked for a
// page of 50) the page walks the order's index; below, the planner's plan sorts at most that many
// claims. Same claims, same order: only the plan differs (test/store's page contract).
import type { Kysely } from "kysely";
import type { ClaimWhereOptions, ResolvedClaimFilter } from "./claim-filter.js";
import { readableTally, tallyTotal } from "./claim-tallies.js";
import type { ClaimSort } from "./contracts/claims.js";
import type { Database, DialectName } from "./schema.js";

/**
 * The fast paths' switches: matches from which a page walks its order's index rather than sort
 * them, whether facets and totals are counted from the tallies when they hold them, and whether
 * facets are remembered per version of the store (facet-cache.ts; its key holds these switches).
 * Tests set them to compare the fast and slow paths on a small store; nothing else changes them.
 */
export const FAST_PATHS = { walkAtLeast: 10_000, facetsFromTallies: true, totalsFromTallies: true, facetCache: true };

/**
 * Orders with an index to walk (migration 17). "published" walks the documents' (latest first) and
 * each document's claims (claims_document_idx): claim-reads.ts then names the documents first.
 */
const WALKED: ReadonlySet<ClaimSort> = new Set(["period", "count", "id", "published"]);

/**
 * The claimWhere options of a page: walk the order's index when many claims match. Only SQLite
 * needs telling (its planner does not weigh the page's LIMIT); PostgreSQL's weighs it with its
 * statistics and walks the index by itself.
 */
export async function pageWhereOptions(db: Kysely<Database>, dialect: DialectName, f: ResolvedClaimFilter, sort: ClaimSort, upTo: number): Promise<ClaimWhereOptions> {
  if (dialect !== "sqlite" || !WALKED.has(sort) || f.documentId !== undefined) return {};
  const walk = { unindexed: { keepPeriodStart: sort === "period" } };
  const wide: ResolvedClaimFilter = { ...f, from: undefined, to: undefined };
  const tally = await readableTally(db, wide, "total");
  if (tally === null) return {};
  const n = await tallyTotal(db, tally, wide);
  if (n >= FAST_PATHS.walkAtLeast) return walk;
  if (f.victims === undefined || n === 0) return {};
  // A victim group is checked claim by claim after the other columns found the candidates (no
  // index holds both): when those are many more than a walk would read (about upTo × all / n
  // claims), walk. (execution, women, Iraq at a million claims: 6,200 matches among 92,000
  // candidates, 3.3 s; a walk reads about 8,000 claims.)
  const others: ResolvedClaimFilter = { ...wide, victims: undefined };
  const all: ResolvedClaimFilter = { access: f.access, includeClutter: f.includeClutter, status: f.status, excludeSuperseded: f.excludeSuperseded };
  const [othersTally, allTally] = await Promise.all([readableTally(db, others, "total"), readableTally(db, all, "total")]);
  if (othersTally === null || allTally === null) return {};
  const [candidates, total] = await Promise.all([tallyTotal(db, othersTally, others), tallyTotal(db, allTally, all)]);
  return (upTo * total) / n < candidates ? walk : {};
}
