// Use case: the review queue "most consequential first". A claim is consequential when it takes
// part in a contradiction: the claims of the ranked conflicts (FactsService.conflicts(), ranked by
// RANKING_RULE: independent voices, a precise scope, registered sources, the relative gap) come
// first, in that order; then the other claims, largest figures first. Not the largest figure alone:
// a huge figure nobody disputes (a historical death toll) is not what a reviewer should check first.
import type { ClaimFilter, StoredClaim, Store } from "../store/index.js";
import type { FactsQueries } from "./facts.js";

/** Conflicts whose claims are put first (the rest follow by size). */
export const CONSEQUENTIAL_CONFLICTS = 500;

/** The claim ids of the ranked conflicts, most consequential first, each once, with their documents. */
async function rankedClaims(facts: Pick<FactsQueries, "conflicts">): Promise<Array<{ id: number; documentId: number }>> {
  const conflicts = (await facts.conflicts()).slice(0, CONSEQUENTIAL_CONFLICTS);
  const seen = new Set<number>();
  const out: Array<{ id: number; documentId: number }> = [];
  for (const k of conflicts) {
    for (const c of k.claims) {
      const id = Number(c.id);
      if (!Number.isInteger(id) || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, documentId: c.documentId });
    }
  }
  return out;
}

/**
 * A page of the claims of `filter`, most consequential first (see the top of this file). Without
 * linked facts (`facts` null, e.g. while a large ledger is first linked) the largest figures come first.
 */
export async function consequentialClaims(store: Store, facts: Pick<FactsQueries, "conflicts"> | null, filter: ClaimFilter, page: { limit: number; offset: number }): Promise<StoredClaim[]> {
  const ranked = facts ? await rankedClaims(facts) : [];
  // The ranked claims the filter keeps: asked document by document, with the filter.
  const kept = new Map<number, StoredClaim>();
  for (const documentId of new Set(ranked.map((r) => r.documentId))) {
    const wanted = new Set(ranked.filter((r) => r.documentId === documentId).map((r) => r.id));
    const claims = await store.queryClaims({ ...filter, documentId }, { limit: 100_000, offset: 0, sort: "id" });
    for (const c of claims) if (wanted.has(c.id)) kept.set(c.id, c);
  }
  const first = ranked.flatMap((r) => kept.get(r.id) ?? []);
  const end = page.offset + page.limit;
  const fromFirst = first.slice(page.offset, end);
  if (fromFirst.length === page.limit) return fromFirst;
  // The rest by size: skip the ranked ones wherever they stand in that order.
  const restOffset = Math.max(0, page.offset - first.length);
  const need = page.limit - fromFirst.length;
  const bySize = await store.queryClaims(filter, { limit: restOffset + need + first.length, offset: 0, sort: "consequential" });
  const rest = bySize.filter((c) => !kept.has(c.id)).slice(restOffset, restOffset + need);
  return [...fromFirst, ...rest];
}
