// A map of recently used entries bounded by their total weight (bytes, say) rather than their
// number: the near-duplicate index keeps shingles and texts whose sizes vary with the documents.

/** Bounded map: `get` marks an entry as recently used; `set` drops the least recently used entries while the total weight is over `capacity`. */
export class WeightedLru<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (value: V) => number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old) {
      this.total -= old.weight;
      this.map.delete(key);
    }
    const weight = Math.max(0, this.weigh(value));
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [oldest, entry] of this.map) {
      if (this.total <= this.capacity || oldest === key) break;
      this.map.delete(oldest);
      this.total -= entry.weight;
    }
  }

  /** Entries kept. */
  get size(): number {
    return this.map.size;
  }

  /** Their total weight. */
  get weight(): number {
    return this.total;
  }
}
