// How far a long ingest lets V8's heaps grow beyond what is alive. After each full collection V8
// lets a heap grow to its live size times a factor it picks (up to 4) from how fast collections
// go; the ingest's main thread keeps 60–120 MB alive, most of it the two batches between reading
// and storing, and its heap grew to 180–430 MB before the next collection (issue 26; more on a
// loaded machine, where collections look slow). A fixed factor of 1.25 keeps it near what is
// alive: 4,000 documents, main heap 183 → 116 MB, peak RSS 566 → 505 MB, the CPU a document the
// same (10.2 and 10.3 ms) in the same run.
import { setFlagsFromString } from "node:v8";

/** The growth allowed after a full collection, in per cent of the live heap (V8's --heap-growing-percent). */
export const INGEST_HEAP_GROWING_PERCENT = 25;

/**
 * Sets the process's heap growing factor (every thread's heap, including those started later).
 * A V8 flag that its heuristics read at each full collection; for commands that ingest, not for
 * a library caller, whose process it would change.
 */
export function limitHeapGrowth(percent: number = INGEST_HEAP_GROWING_PERCENT): void {
  if (!Number.isInteger(percent) || percent < 1) throw new RangeError(`heap growth must be a whole number of per cent, not ${percent}`);
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
