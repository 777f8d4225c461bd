// Facts, conflicts and a timeline as tables to download: the columns, each from a field of the
// entity (src/shared/entities/fact.ts), and the rows in the list's order. The export use cases
// (src/services/use-cases/exports.ts) give these tables; `tally facts|conflicts|timeline --format
// csv` and the API's `/facts.csv`, `/conflicts.csv` and `/timeline.csv` write them with `csvOf`.
import { z } from "zod";
import { formatFigure } from "../../core/linking/index.js";
import { toCsv } from "../csv.js";
import type { ConflictSchema, FactSummarySchema, TimelineSchema } from "./fact.js";

type FactSummaryEntity = z.infer<typeof FactSummarySchema>;
type ConflictEntity = z.infer<typeof ConflictSchema>;
type TimelineEntity = z.infer<typeof TimelineSchema>;

/** One cell: empty when null. */
export const CsvCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type CsvCell = z.infer<typeof CsvCellSchema>;

/** A table to download: its file's name (`tally-<name>.csv`), the header and the rows. */
export const CsvTableSchema = z.object({ name: z.string(), columns: z.array(z.string()), rows: z.array(z.array(CsvCellSchema)) });
export type CsvTable = z.infer<typeof CsvTableSchema>;

/** The columns of a table: a name and the cell of one item. */
type Columns<T> = ReadonlyArray<readonly [string, (item: T) => CsvCell]>;

function table<T>(name: string, columns: Columns<T>, items: readonly T[]): CsvTable {
  return { name, columns: columns.map(([c]) => c), rows: items.map((item) => columns.map(([, cell]) => cell(item))) };
}

const FACT_CSV: Columns<FactSummaryEntity> = [
  ["id", (f) => f.id],
  ["event", (f) => f.event],
  ["place", (f) => f.place],
  ["period_start", (f) => f.period?.start ?? null],
  ["period_end", (f) => f.period?.end ?? null],
  ["victims", (f) => f.victims.join(";")],
  ["low", (f) => f.low],
  ["best", (f) => f.best],
  ["high", (f) => f.high],
  ["high_is_minimum", (f) => f.highIsMinimum],
  ["status", (f) => f.status],
  ["voices", (f) => f.voices.map((v) => `${v.label}: ${v.figure}`).join("; ")],
  ["claims", (f) => f.claims],
  ["contradictions", (f) => f.contradictions],
  ["parent", (f) => f.parentId],
];

const CONFLICT_CSV: Columns<ConflictEntity> = [
  ["id", (c) => c.id],
  ["severity", (c) => c.severity],
  ["kind", (c) => c.kind],
  ["largest", (c) => c.largest],
  ["facts", (c) => c.facts.map((f) => f.id).join(";")],
  ["claims", (c) => c.claims.map((x) => x.id).join(";")],
  ["documents", (c) => [...new Set(c.claims.map((x) => x.document))].join(";")],
  ["reason", (c) => c.reason],
];

/** The facts list as a table. */
export function factsTable(facts: readonly FactSummaryEntity[]): CsvTable {
  return table("facts", FACT_CSV, facts);
}

/** Contradictions as a table. */
export function conflictsTable(conflicts: readonly ConflictEntity[]): CsvTable {
  return table("conflicts", CONFLICT_CSV, conflicts);
}

/** A voice's figure in a timeline row ("at least 975"), or "" when it gives none. */
export function voiceCell(row: TimelineEntity["rows"][number], id: string): string {
  const v = row.voices[id];
  return v ? formatFigure(v.count, v.qualifier) : "";
}

/** A timeline as a table: a row per period, a column per voice (the place only when parts are shown, the parts' sum only when summed). */
export function timelineTable(t: TimelineEntity): CsvTable {
  type Row = TimelineEntity["rows"][number];
  const showPlace = t.rows.some((r) => r.place !== undefined);
  const showSum = t.rows.some((r) => r.partsSum !== undefined);
  const columns: Columns<Row> = [
    [t.by, (r) => r.label],
    ...(showPlace ? [["place", (r: Row) => r.place ?? t.place] as const] : []),
    ["fact", (r) => r.factId],
    ["low", (r) => r.low],
    ["best", (r) => r.best],
    ["high", (r) => r.high],
    ["high_is_minimum", (r) => r.highIsMinimum],
    ["status", (r) => r.status],
    ...(showSum ? [["parts_sum", (r: Row) => r.partsSum?.best ?? null] as const] : []),
    ...t.voices.map((v) => [v.label, (r: Row) => voiceCell(r, v.id)] as const),
  ];
  return table(`timeline-${t.event}`, columns, t.rows);
}

/** A table as CSV (RFC 4180, CRLF between lines, none after the last). */
export function csvOf(t: Pick<CsvTable, "columns" | "rows">): string {
  return toCsv(t.columns, t.rows);
}
