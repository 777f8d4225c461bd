// Small helpers for in-memory indexes kept current rather than rebuilt: sets of ids per key, and
// sorted lists that take changed items by binary search (stored facts in memory, LiveFacts, the
// server's lookups).

/** The first index of a sorted list whose item is not before `probe` (binary search). */
export function lowerBound<T>(list: readonly T[], probe: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (probe(list[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sorted list with the items of some groups replaced: `groupOf` gives an item's group, which is the
 * first key of `order`, so each group is one run found by binary search. Few groups change at a time;
 * the list is copied once, not filtered or sorted.
 */
export function replacedGroups<T>(list: readonly T[], groups: ReadonlySet<string>, groupOf: (item: T) => string, added: T[], order: (a: T, b: T) => number): T[] {
  const cuts: [number, number][] = [];
  for (const g of groups) {
    const start = lowerBound(list, (x) => groupOf(x) < g);
    const end = lowerBound(list, (x) => groupOf(x) <= g);
    if (end > start) cuts.push([start, end]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  const kept: T[] = [];
  let at = 0;
  for (const [start, end] of cuts) {
    for (let i = at; i < start; i++) kept.push(list[i] as T);
    at = end;
  }
  for (let i = at; i < list.length; i++) kept.push(list[i] as T);
  return merged(kept, added, order);
}

/** `kept` (in order) merged with `added` (sorted here): each added item placed by binary search, the rest copied. */
export function merged<T>(kept: readonly T[], added: T[], order: (a: T, b: T) => number): T[] {
  added.sort(order);
  const out: T[] = [];
  let at = 0;
  for (const item of added) {
    let lo = at;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (order(kept[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = at; i < lo; i++) out.push(kept[i] as T);
    out.push(item);
    at = lo;
  }
  for (let i = at; i < kept.length; i++) out.push(kept[i] as T);
  return out;
}

/** Adds `value` to the set under `key`. */
export function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (set) set.add(value);
  else index.set(key, new Set([value]));
}

/** Removes `value` from the set under `key`, and the set when it is left empty. */
export function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) index.delete(key);
}
