// Page numbers of a document read from pages (a PDF): where each page starts in the working text.
// Kept in the document's `textMap` as `{"pages":[0, 1840, …]}` (page n starts at pages[n-1]), so
// that a claim's page follows from its span without a column of its own, and documents of other
// kinds (textMap null) have no pages.

/** The JSON a document's `textMap` holds for these page starts. */
export function pageMapJson(starts: readonly number[]): string {
  return JSON.stringify({ pages: starts });
}

/** The page starts a `textMap` holds, or null when it holds none (not read from pages, or another map). */
export function pageStarts(textMap: string | null | undefined): number[] | null {
  if (!textMap || !textMap.startsWith('{"pages":')) return null;
  try {
    const parsed = JSON.parse(textMap) as { pages?: unknown };
    const pages = parsed.pages;
    if (!Array.isArray(pages) || pages.length === 0 || !pages.every((p) => Number.isInteger(p) && (p as number) >= 0)) return null;
    return pages as number[];
  } catch {
    return null;
  }
}

/** The 1-based page on which `offset` of the working text stands. */
export function pageAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
