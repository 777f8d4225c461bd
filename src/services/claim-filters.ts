// What the claim use cases add to the store's filter and facets: the network of a claim's source.
// A network is the source registry's (sources.json and the user's registry beside the store), not a
// column of the claims: a claim is in a network when the registry puts its credited source there
// (as registry-overview.ts counts them). The store counts the claims per source (from its running
// tallies when it can); the network facet sums those counts per network, and the network filter
// becomes the set of those sources (source records, and names as extracted without a record).
import type { z } from "zod";
import type { SourceRegistry } from "../core/sources.js";
import { Invalid } from "../shared/errors.js";
import { FACET_VALUES, type ClaimFacet, type FacetCount, type StoreClaimFacet } from "../shared/facets.js";
import type { ClaimFilter } from "../store/index.js";
import { loadRegistry } from "./registry-file.js";
import type { ClaimFilterInput } from "./use-cases/claim-inputs.js";
import type { ScopedContext } from "./use-cases/use-case.js";

/** The registry the context reads (the server's provider, or the data directory's files). */
const registryOf = (ctx: ScopedContext): Promise<SourceRegistry> => (ctx.registry ? ctx.registry() : loadRegistry(ctx.dataDir));

/** The network a credited name belongs to, as the registry overview decides it. */
function networkOfName(registry: SourceRegistry, name: string): string | null {
  return (registry.lookup(name) ?? registry.lookup(registry.normalize(name)))?.network ?? null;
}

/** A network's id from its id or name in any case; Invalid (field `network`) when the registry has none such. */
function networkId(registry: SourceRegistry, asked: string): string {
  const q = asked.trim().toLowerCase();
  if (registry.networks.has(q)) return q;
  for (const n of registry.networks.values()) if (n.name.toLowerCase() === q) return n.id;
  throw new Invalid(`network ${JSON.stringify(asked)} is not a network of the source registry (see \`tally sources\`)`, "network");
}

/** The store's filter of a use case's claim filter: a network becomes the set of its sources among the claims. */
export async function storeFilter(ctx: ScopedContext, input: z.output<typeof ClaimFilterInput>): Promise<ClaimFilter> {
  const { network, ...rest } = input;
  const f = rest as ClaimFilter;
  if (network === undefined) return f;
  const registry = await registryOf(ctx);
  const id = networkId(registry, network);
  const ids: number[] = [];
  const names: string[] = [];
  for (const row of await ctx.store.countsBySource(f)) {
    if (row.source === null || networkOfName(registry, row.source) !== id) continue;
    if (row.sourceId !== null) ids.push(row.sourceId);
    else names.push(row.source);
  }
  return { ...f, sourceIn: { ids, names } };
}

/** The claims of a filter per network of their source (null: no source, or one the registry does not place), most first. */
async function networkFacet(ctx: ScopedContext, f: ClaimFilter): Promise<FacetCount[]> {
  const registry = await registryOf(ctx);
  const counts = new Map<string | null, number>();
  for (const row of await ctx.store.countsBySource(f)) {
    const network = row.source === null ? null : networkOfName(registry, row.source);
    counts.set(network, (counts.get(network) ?? 0) + row.claims);
  }
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .slice(0, FACET_VALUES)
    .map(([value, count]) => {
      const name = value === null ? undefined : registry.networks.get(value)?.name;
      return { value, count, ...(name && name !== value ? { label: name } : {}) };
    });
}

/** The facets of a filter's claims: the store's fields from the store, the network from its counts per source. */
export async function claimFacetsOf(ctx: ScopedContext, f: ClaimFilter, fields: readonly ClaimFacet[]): Promise<Record<string, FacetCount[]>> {
  const own = fields.filter((x): x is StoreClaimFacet => x !== "network");
  const [counted, network] = await Promise.all([own.length > 0 ? ctx.store.claimFacets(f, own) : {}, fields.includes("network") ? networkFacet(ctx, f) : null]);
  return network ? { ...counted, network } : counted;
}
