// Facts, conflicts and a timeline as CSV: `tally facts|conflicts|timeline --format csv` and the
// API's `/facts.csv`, `/conflicts.csv` and `/timeline.csv` (exactly the rows of the JSON answers), and one
// fact or conflict as its page shows it (`/facts/{id}.csv`, `/conflicts/{id}.csv`).
import { formatFigure } from "../core/linking/index.js";
import { toCsv } from "../shared/csv.js";
import type { ClaimView, ConflictView, FactDetail, FactSummary, Timeline } from "./facts.js";

/** The facts list as CSV. */
export function factsCsv(facts: FactSummary[]): string {
  return toCsv(
    ["id", "event", "place", "period_start", "period_end", "victims", "low", "best", "high", "high_is_minimum", "status", "voices", "claims", "contradictions", "parent"],
    facts.map((f) => [
      f.id, f.event, f.place, f.period?.start, f.period?.end, f.victims.join(";"), f.low, f.best, f.high,
      f.highIsMinimum, f.status, f.voices.map((v) => `${v.label}: ${v.figure}`).join("; "), f.claims, f.contradictions, f.parentId,
    ]),
  );
}

/** Conflicts as CSV. */
export function conflictsCsv(conflicts: ConflictView[]): string {
  return toCsv(
    ["id", "severity", "kind", "largest", "facts", "claims", "documents", "reason"],
    conflicts.map((c) => [
      c.id, c.severity, c.kind, c.largest, c.facts.map((f) => f.id).join(";"), c.claims.map((x) => x.id).join(";"),
      [...new Set(c.claims.map((x) => x.document))].join(";"), c.reason,
    ]),
  );
}

/** A voice's figure in a timeline row ("at least 975"), or "" when it gives none. */
export function voiceCell(t: Timeline, row: Timeline["rows"][number], id: string): string {
  const v = row.voices[id];
  return v ? formatFigure(v.count, v.qualifier) : "";
}

/** A timeline as CSV. */
export function timelineCsv(t: Timeline): string {
  const showPlace = t.rows.some((r) => r.place !== undefined);
  const showSum = t.rows.some((r) => r.partsSum !== undefined);
  return toCsv(
    [t.by, ...(showPlace ? ["place"] : []), "fact", "low", "best", "high", "high_is_minimum", "status", ...(showSum ? ["parts_sum"] : []), ...t.voices.map((v) => v.label)],
    t.rows.map((r) => [
      r.label, ...(showPlace ? [r.place ?? t.place] : []), r.factId, r.low, r.best, r.high, r.highIsMinimum, r.status,
      ...(showSum ? [r.partsSum?.best] : []), ...t.voices.map((v) => voiceCell(t, r, v.id)),
    ]),
  );
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
