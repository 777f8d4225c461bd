// Use case: the source registry next to the store — each known source and network with the
// number of stored claims credited to it (raw names normalised through the registry), and the
// credited names the registry does not know.
import type { SourceEntry, SourceRegistry } from "../core/sources.js";
import type { Store } from "../store/index.js";

/** A registry source with its stored claims. */
export interface SourceOverview extends SourceEntry {
  networkName: string;
  claims: number;
}

/** A network with its member sources and their stored claims. */
export interface NetworkOverview {
  id: string;
  name: string;
  note: string | null;
  sources: string[];
  claims: number;
}

/** The registry and the store side by side. */
export interface RegistryOverview {
  sources: SourceOverview[];
  networks: NetworkOverview[];
  /** Names credited in stored claims that no registry entry matches, with their claims. */
  unregistered: { name: string; claims: number }[];
  /** Claims that credit no source (the publisher's own figures). */
  uncredited: number;
}

/** Counts stored (non-clutter) claims per registry source and network. */
export async function registryOverview(store: Store, registry: SourceRegistry): Promise<RegistryOverview> {
  const perSource = new Map<string, number>();
  const unregistered = new Map<string, number>();
  let uncredited = 0;
  for (const row of await store.countsBySource({})) {
    if (row.source === null) {
      uncredited += row.claims;
      continue;
    }
    const entry = registry.lookup(row.source) ?? registry.lookup(registry.normalize(row.source));
    if (entry) perSource.set(entry.id, (perSource.get(entry.id) ?? 0) + row.claims);
    else {
      const name = registry.normalize(row.source);
      unregistered.set(name, (unregistered.get(name) ?? 0) + row.claims);
    }
  }
  const sources = registry.data.sources.map((s) => ({
    ...s,
    networkName: registry.networks.get(s.network)?.name ?? s.network,
    claims: perSource.get(s.id) ?? 0,
  }));
  const networks = registry.data.networks.map((n) => {
    const members = sources.filter((s) => s.network === n.id);
    return {
      id: n.id,
      name: n.name,
      note: n.note ?? null,
      sources: members.map((s) => s.short),
      claims: members.reduce((a, s) => a + s.claims, 0),
    };
  });
  return {
    sources,
    networks,
    unregistered: [...unregistered.entries()]
      .map(([name, claims]) => ({ name, claims }))
      .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name)),
    uncredited,
  };
}
