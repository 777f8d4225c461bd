// Loading inputs a chunk ahead of the work on them: while the caller works through one chunk (and
// waits on the pipeline), the next chunk's loads (file reads, a store lookup) are already under way.

/** A loaded chunk and the index of its first item. */
export interface AheadChunk<C> {
  start: number;
  chunk: C;
}

/**
 * Yields `items` in chunks of `size`, loaded by `load` (which should not reject: a rejection ends
 * the iteration). The next chunk is loaded while the caller works on the current one, unless
 * `overlap(current)` says no (a chunk of large files, say: then memory holds one chunk at a time).
 */
export async function* loadAhead<I, C>(
  items: readonly I[],
  size: number,
  load: (chunk: readonly I[], start: number) => Promise<C>,
  overlap: (chunk: C) => boolean = () => true,
): AsyncGenerator<AheadChunk<C>> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive whole number, not ${size}`);
  const loadAt = (start: number) => {
    const loading = load(items.slice(start, start + size), start);
    loading.catch(() => undefined); // rethrown where it is awaited; not unhandled if the caller stops early
    return loading;
  };
  let next: Promise<C> | null = items.length > 0 ? loadAt(0) : null;
  for (let start = 0; next !== null; start += size) {
    const chunk: C = await next;
    const following = start + size < items.length ? start + size : null;
    next = following !== null && overlap(chunk) ? loadAt(following) : null;
    yield { start, chunk };
    if (following !== null && next === null) next = loadAt(following);
  }
}
