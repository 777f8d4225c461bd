// Facts, conflicts and a timeline as CSV: `tally facts|conflicts|timeline --format csv` and the
// API's `/facts.csv`, `/conflicts.csv` and `/timeline.csv` (exactly the rows of the JSON answers), and one
// fact or conflict as its page shows it (`/facts/{id}.csv`, `/conflicts/{id}.csv`).
import { toCsv } from "../shared/csv.js";
import { conflictsTable, csvOf, factsTable, timelineTable, voiceCell as sharedVoiceCell } from "../shared/entities/fact-csv.js";
import type { ClaimView, ConflictView, FactDetail, FactSummary, Timeline } from "./facts.js";

/** The facts list as CSV (the columns: src/shared/entities/fact-csv.ts). */
export function factsCsv(facts: FactSummary[]): string {
  return csvOf(factsTable(facts));
}

/** Conflicts as CSV. */
export function conflictsCsv(conflicts: ConflictView[]): string {
  return csvOf(conflictsTable(conflicts));
}

/** A voice's figure in a timeline row ("at least 975"), or "" when it gives none. */
export function voiceCell(_t: Timeline, row: Timeline["rows"][number], id: string): string {
  return sharedVoiceCell(row, id);
}

/** A timeline as CSV. */
export function timelineCsv(t: Timeline): string {
  return csvOf(timelineTable(t));
}

const claimColumns = ["claim_id", "figure", "count", "qualifier", "voice", "network", "standing", "document_id", "document", "published", "quote"];
const claimCells = (c: ClaimView) => [c.id, c.figure, c.count, c.qualifier, c.voice ?? c.source ?? "publisher", c.network, c.standing, c.documentId, c.document, c.published, c.quote];

/** One fact as its page shows it: a row per claim (every voice side by side), the fact's columns repeated. */
export function factCsv(f: FactDetail): string {
  return toCsv(
    ["fact_id", "description", "event", "place", "period_start", "period_end", "low", "best", "high", "high_is_minimum", "status", ...claimColumns],
    f.claimViews.map((c) => [f.id, f.description, f.event, f.place, f.period?.start, f.period?.end, f.low, f.best, f.high, f.highIsMinimum, f.status, ...claimCells(c)]),
  );
}

/** One conflict as its page shows it: a row per claim in contradiction, the conflict's columns repeated. */
export function conflictCsv(k: ConflictView): string {
  return toCsv(
    ["conflict_id", "severity", "kind", "reason", "facts", ...claimColumns],
    k.claims.map((c) => [k.id, k.severity, k.kind, k.reason, k.facts.map((f) => f.id).join(";"), ...claimCells(c)]),
  );
}
