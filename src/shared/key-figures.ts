// The overview's key figures as label and value: one list for the page's script (Overview.tsx)
// and for the server, which puts them into the page's HTML so that they are on screen before the
// script has loaded (page-answers.ts).

/** What the key figures are made of (a part of the overview's answer). */
export interface FiguresOf {
  place: string;
  figures: { documents: number; claims: number; facts: number | null; conflicts: number | null; sources: number | null };
}

/** One key figure; `testId` names the one a test (or a benchmark) waits for. */
export interface KeyFigure {
  label: string;
  value: string;
  testId?: string;
}

/** A count as the pages write it (1,234). */
export const formatCount = (n: number): string => n.toLocaleString("en-GB");

/** A count that is not known yet (null: facts still being linked) shows as an ellipsis. */
const pending = (n: number | null): string => (n === null ? "…" : formatCount(n));

/** The overview's key figures, in the order they are shown. */
export function keyFigures(o: FiguresOf): KeyFigure[] {
  return [
    { label: "Documents in the ledger", value: formatCount(o.figures.documents), testId: "fig-documents" },
    { label: `Claims naming ${o.place}`, value: formatCount(o.figures.claims) },
    { label: "Facts", value: pending(o.figures.facts) },
    { label: "Independent voices", value: pending(o.figures.sources) },
    { label: "Open conflicts", value: pending(o.figures.conflicts) },
  ];
}
