// Facets of a set of claims: for each asked field, its values and how many of the claims have each
// (the largest counts first), over exactly the claims a filter selects — the side panel of the
// claims page and `/api/v1/claims?facets=…`.
import { sql, type Kysely } from "kysely";
import { claimWhere, type ResolvedClaimFilter } from "./claim-filter.js";
import { FAST_PATHS } from "./claim-pages.js";
import { facetTally, talliesReadable, tallyFacet } from "./claim-tallies.js";
import type { Database } from "./schema.js";

import type { StoreClaimFacet, FacetCount } from "../shared/facets.js";

export { CLAIM_FACETS, type ClaimFacet, type StoreClaimFacet, type FacetCount } from "../shared/facets.js";

/** Values per facet, most claims first (then by value), at most `limit` each. */
export async function claimFacets(db: Kysely<Database>, f: ResolvedClaimFilter, fields: readonly StoreClaimFacet[], limit: number): Promise<Record<string, FacetCount[]>> {
  // From the running tallies when they hold the counts (see facetTally): a few thousand rows
  // instead of every matching claim.
  const tallies = FAST_PATHS.facetsFromTallies && (await talliesReadable(db, f));
  // Each field's query at once: a store with several readers (SQLite's threads, PostgreSQL's pool) answers them side by side.
  const counted = async (field: StoreClaimFacet): Promise<[string, FacetCount[]]> => {
    let rows: Array<{ value: string | number | null; n: number | string }>;
    const tally = tallies ? facetTally(f, field) : null;
    if (tally) rows = await tallyFacet(db, tally, f, field, limit);
    else if (field === "language") {
      // The language of each claim's document (no tally holds it).
      rows = await db
        .selectFrom("claims")
        .innerJoin("documents", "documents.id", "claims.document_id")
        .select(["documents.language as value", sql<number | string>`count(*)`.as("n")])
        .where((eb) => claimWhere(eb as never, f))
        .groupBy("documents.language")
        .orderBy("n", "desc")
        .orderBy("value")
        .limit(limit)
        .execute();
    } else if (field === "victims") {
      rows = await db
        .selectFrom("claim_victims")
        .innerJoin("claims", "claims.id", "claim_victims.claim_id")
        .select(["claim_victims.victim as value", sql<number | string>`count(*)`.as("n")])
        .where((eb) => claimWhere(eb as never, f))
        .groupBy("claim_victims.victim")
        .orderBy("n", "desc")
        .orderBy("value")
        .limit(limit)
        .execute();
    } else {
      const column = `claims.${field}` as const;
      rows = await db
        .selectFrom("claims")
        .select([sql<string | number | null>`${sql.ref(column)}`.as("value"), sql<number | string>`count(*)`.as("n")])
        .where((eb) => claimWhere(eb, f))
        .groupBy(column)
        .orderBy("n", "desc")
        .orderBy("value")
        .limit(limit)
        .execute();
    }
    return [field, rows.map((r) => ({ value: r.value === null ? null : String(r.value), count: Number(r.n) }))];
  };
  return Object.fromEntries(await Promise.all([...new Set(fields)].map(counted)));
}
