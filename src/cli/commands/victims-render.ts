// How `tally victims …` prints: tables on a terminal, JSON otherwise; the overlap as the 0/1
// per-source CSV that multiple systems estimation tools take, and the estimate with its label.
import type { EstimateResult } from "../../core/victims/estimate.js";
import type { Overlap } from "../../core/victims/overlap.js";
import { toCsv } from "../../shared/csv.js";
import type { VictimPersonEntity, VictimRecordEntity } from "../../shared/entities/victim.js";
import { renderTable } from "../bidi.js";

/** People as a table. */
export function personsTable(persons: readonly VictimPersonEntity[]): string {
  return renderTable(
    { head: ["id", "name", "age", "sex", "place", "date", "event", "records", "sources"] },
    persons.map((p) => [p.id, p.names.join(" / "), p.age ?? "", p.sex ?? "", p.place ?? "", p.date ?? "", p.event ?? "", p.records, p.sources.join(", ")]),
  );
}

/** A person's records as a table. */
export function recordsTable(records: readonly VictimRecordEntity[]): string {
  return renderTable(
    { head: ["record", "source", "name", "age", "sex", "place", "date", "event", "where"] },
    records.map((r) => [r.key, r.source, r.name, r.age ?? "", r.sex ?? "", r.place ?? "", r.date ?? "", r.event ?? "", r.kind === "row" ? `line ${r.line}` : `document ${r.documentId}${r.claimId !== null ? `, claim ${r.claimId}` : ""}`]),
  );
}

/** The overlap in the layout MSE tools read: one row per person, one 0/1 column per source. */
export function overlapCsv(o: Overlap): string {
  return toCsv(["person", ...o.sources], o.rows.map((r) => [r.person, ...r.in])) + "\r\n";
}

/** The estimate as lines: the label, the figure and its interval, the model, the assumptions; or the refusal. */
export function estimateLines(e: EstimateResult): string[] {
  if (!e.ok) return [`no estimate: ${e.reason}`, ...e.assumptions.map((a) => `  assumption: ${a}`)];
  const lines = [
    e.label,
    `  observed (named, unique): ${e.observed}`,
    `  estimated total: ${Math.round(e.estimate)} (${Math.round(e.interval.level * 100)}% interval ${Math.round(e.interval.low)}–${Math.round(e.interval.high)}, ${e.interval.method}); standard error ${e.standardError.toFixed(1)}`,
    `  method: ${e.method === "chapman" ? "Chapman (1951), variance of Seber (1970)" : `log-linear model ${e.model}, chosen by ${e.criterion?.toUpperCase()}`}`,
  ];
  for (const m of e.models ?? []) lines.push(`    ${m.name}: deviance ${m.deviance}, df ${m.df}, AIC ${m.aic}, BIC ${m.bic}, estimate ${Math.round(m.estimate)}`);
  for (const w of e.warnings) lines.push(`  warning: ${w}`);
  for (const a of e.assumptions) lines.push(`  assumption: ${a}`);
  return lines;
}
