// Right-to-left text (Persian, Arabic, Hebrew) in the terminal. A terminal lays a line out by the
// Unicode bidirectional algorithm (or not at all): a table row holding Persian in two cells could
// show them swapped, with the borders between them moved, and its width counter (string-width,
// through cli-table3) counts combining marks, ZWNJ and direction marks as one column each though
// the terminal draws them in none, which shifts the borders of every row that has them. Cells
// lose those zero-width characters, and when a table holds right-to-left text its vertical
// borders are flanked by left-to-right marks, so that each cell's text is reordered inside its
// cell only and each line reads left to right.
import Table from "cli-table3";

/** Characters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko… and their presentation forms). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;
/** Characters a terminal draws in no column that string-width counts as one: marks, ZWNJ/ZWJ, direction marks and controls, BOM. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** Left-to-right mark, first strong character of a line. */
const LRM = "\u200e";
/** First strong isolate … pop directional isolate: the text inside takes its own direction without disturbing the line. */
const FSI = "\u2068";
const PDI = "\u2069";

/** Whether the text has right-to-left characters. */
export function hasRtl(text: string): boolean {
  return RTL.test(text);
}

/** Text for a table cell: right-to-left text without the zero-width characters string-width would count. */
export function cellText(text: string): string {
  return hasRtl(text) ? text.replace(ZERO_WIDTH, "") : text;
}

/** Text isolated from the line around it when it has right-to-left characters (for lines, not table cells). */
export function isolate(text: string): string {
  return hasRtl(text) ? `${FSI}${text}${PDI}` : text;
}

/** Options of a table (cli-table3's). */
type TableOptions = ConstructorParameters<typeof Table>[0];

/**
 * A cli-table3 table of these rows, printed: cells cleaned with `cellText`, and, when any cell
 * holds right-to-left text, left-to-right marks on both sides of each vertical border.
 */
export function renderTable(options: TableOptions, rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const cells = rows.map((row) => row.map((c) => (typeof c === "string" ? cellText(c) : c)));
  const rtl = rows.some((row) => row.some((c) => typeof c === "string" && hasRtl(c)));
  const table = new Table(rtl ? { ...options, chars: { left: `│${LRM}`, middle: `${LRM}│${LRM}`, right: `${LRM}│` } } : options);
  for (const row of cells) table.push(row);
  return table.toString();
}
