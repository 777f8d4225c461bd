// Renders facts, conflicts and timelines as terminal tables, CSV and the side-by-side fact view.
import { renderTable } from "../bidi.js";
import { CONFLICT_RULE, RANKING_RULE, SCOPE_RULE, VOICE_RULE } from "../../core/linking/index.js";
import type { ConflictView, FactDetail, FactSummary, Timeline } from "../../services/facts.js";
import { periodText } from "../claim-format.js";
import { voiceCell } from "../../shared/entities/fact-csv.js";

function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** low / best / high in words, with "+" when high is itself a minimum. */
export function rangeText(f: { low: number; best: number; high: number; highIsMinimum: boolean }): string {
  return `${count(f.low)} / ${count(f.best)} / ${count(f.high)}${f.highIsMinimum ? "+" : ""}`;
}

function table(head: string[], rows: string[][], colWidths?: number[]): string {
  return renderTable({ head, style: { head: [], border: [] }, wordWrap: true, ...(colWidths ? { colWidths } : {}) }, rows);
}

/** Breaks a long unbroken name (a path) into lines of at most n characters. */
function chunk(s: string, n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += n) parts.push(s.slice(i, i + n));
  return parts.join("\n");
}

function cut(s: string, n: number): string {
  const one = s.replace(/\s+/g, " ");
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** The facts list as a table. */
export function factsTable(facts: FactSummary[]): string {
  return table(
    ["id", "event", "place", "period", "victims", "low / best / high", "status", "voices", "claims", "conflicts"],
    facts.map((f) => [
      f.id,
      f.event,
      f.place ?? "—",
      periodText(f.period),
      f.victims.join(", ") || "all",
      rangeText(f),
      f.status,
      f.voices.map((v) => `${v.label}: ${v.figure}`).join("\n"),
      String(f.claims),
      String(f.contradictions),
    ]),
  );
}

/** The side-by-side view of one fact. */
export function factText(f: FactDetail, width = 160): string {
  const lines: string[] = [];
  lines.push(`${f.id}  ${f.description}`);
  lines.push(`status: ${f.status} — ${f.voices.length} independent voice${f.voices.length === 1 ? "" : "s"}, ${f.claims} claim${f.claims === 1 ? "" : "s"}`);
  lines.push(`low ${count(f.low)} · best ${count(f.best)} · high ${count(f.high)}${f.highIsMinimum ? " (itself a minimum: at least)" : ""}`);
  lines.push(`chosen: ${f.bestRule}`);
  lines.push(`rule: ${f.rule}`);
  if (f.voices.length > 0) {
    lines.push("", "Voices (each counts once; its latest figure stands):");
    for (const v of f.voices) lines.push(`  - ${v.label}${v.registered ? "" : " (not in the source registry)"}: ${v.figure}`);
  }
  lines.push("", "Claims:");
  const quoteWidth = Math.max(30, Math.min(70, width - 120));
  lines.push(
    table(
      ["claim", "figure", "period", "source", "network", "document", "published", "sentence"],
      f.claimViews.map((c) => [
        c.id + (c.standing ? " *" : ""),
        c.figure,
        c.periodLabel ? `${periodText(c.period)}\n${c.periodLabel}` : periodText(c.period),
        (c.source ?? (c.reportedBy ? `(none; carried by ${c.reportedBy})` : "(none)")) +
          (c.credited && c.source && c.credited !== c.source ? `\n(credited: ${c.credited})` : ""),
        c.network ?? "—",
        chunk(c.document, 24) + (c.reportedBy && c.reportedBy !== c.source ? `\nby ${c.reportedBy}` : ""),
        c.published ?? "—",
        cut(c.quote, 600),
      ]),
      [10, 16, 13, 20, 14, 26, 12, quoteWidth],
    ),
  );
  lines.push("  * the voice's standing figure");
  lines.push("", f.conflicts.length ? "Contradictions:" : "Contradictions: none");
  for (const c of f.conflicts) lines.push(`  - [${c.severity}] ${c.kind}: ${c.reason}`);
  if (f.revisions.length) {
    lines.push("", "Revisions (a voice changing its own figure; not contradictions):");
    for (const r of f.revisions) lines.push(`  - ${r.reason}`);
  }
  lines.push("", `parent: ${f.parent ? `${f.parent.id}  ${f.parent.description} (${rangeText(f.parent)})` : "none"}`);
  lines.push(f.childFacts.length ? "children:" : "children: none");
  for (const c of f.childFacts) lines.push(`  - ${c.id}  ${c.description} (${rangeText(c)}, ${c.status})`);
  lines.push("", "Rules (docs/facts.md):");
  for (const [name, text] of [["scope", SCOPE_RULE], ["voices", VOICE_RULE], ["contradictions", CONFLICT_RULE], ["order of conflicts", RANKING_RULE]]) {
    lines.push(`  - ${name}: ${text}`);
  }
  return lines.join("\n");
}

/** Conflicts as a table. */
export function conflictsTable(conflicts: ConflictView[], width = 160): string {
  const reasonWidth = Math.max(40, Math.min(100, width - 70));
  return table(
    ["severity", "kind", "figures", "facts", "reason"],
    conflicts.map((c) => [
      c.severity,
      c.kind,
      c.claims.map((x) => `${x.figure} (${x.source ?? x.reportedBy ?? x.document})`).join("\n"),
      c.facts.map((f) => f.id).join("\n"),
      c.reason,
    ]),
    [10, 22, 30, 24, reasonWidth],
  );
}

function partsText(r: Timeline["rows"][number]): string {
  return r.partsSum ? `${count(r.partsSum.best)} (${r.partsSum.places.join(", ")})` : "";
}

/** A timeline as a table: one row per period (and place inside, with parts shown), one column per voice. */
export function timelineTable(t: Timeline): string {
  const showPlace = t.rows.some((r) => r.place !== undefined);
  const showSum = t.rows.some((r) => r.partsSum !== undefined);
  return table(
    [t.by, ...(showPlace ? ["place"] : []), "low", "best", "high", "status", ...(showSum ? ["sum of parts"] : []), ...t.voices.map((v) => v.label)],
    t.rows.map((r) => [
      r.label, ...(showPlace ? [r.place ?? t.place] : []), count(r.low), count(r.best), count(r.high) + (r.highIsMinimum ? "+" : ""), r.status,
      ...(showSum ? [partsText(r)] : []), ...t.voices.map((v) => voiceCell(r, v.id)),
    ]),
  );
}
