// Facets of the claims list remembered per version of the store (issue 24). The claims page asks
// for the same facets again with every page of one filter, and several readers often look at the
// same view; counting them is a sum over a tally at best and a grouping of many claims at worst
// (columns no tally holds together). Every change to the claims, their documents, sources and
// restrictions appends to the audit trail in its own transaction, so the trail's head (seq and
// hash) names the version of the ledger: an answer is reused only while the head is the one read
// before it was counted. Identical questions asked at once share one count. Per database handle
// (the store's copies for each reader share it), at most ENTRIES answers, the least recently used
// dropped first.

/** Answers kept per database handle. */
const ENTRIES = 256;

interface Entry<V> {
  version: string;
  value: Promise<V>;
}

/** A small map of answers, each valid for one version of the store. */
export class VersionedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(private readonly size = ENTRIES) {}

  /** The answer for `key` at `version`: remembered, being counted, or counted now by `count`. */
  get(key: string, version: string, count: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.version === version) {
      this.entries.set(key, hit); // most recently used last
      return hit.value;
    }
    const value = count();
    const entry = { version, value };
    this.entries.set(key, entry);
    // A failed count is not remembered (the next question counts again).
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return value;
  }

  get length(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, VersionedCache<unknown>>();

/** The cache of one database handle (created on first use). */
export function cacheOf<V>(handle: object): VersionedCache<V> {
  let cache = caches.get(handle);
  if (!cache) {
    cache = new VersionedCache<unknown>();
    caches.set(handle, cache);
  }
  return cache as VersionedCache<V>;
}
