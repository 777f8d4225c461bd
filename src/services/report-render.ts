// A fact sheet (services/report.ts) as Markdown and as a standalone, printable HTML page. Every
// text that came from a document is escaped: a quote can never become markup in either.
import type { Report } from "./report.js";

const STANCE = "Tally records who claims what; it never asserts a figure as true on its own.";

const n = (v: number) => v.toLocaleString("en-US");
const band = (r: { low: number; best: number; high: number; highIsMinimum: boolean }) => `low ${n(r.low)} · best ${n(r.best)} · high ${n(r.high)}${r.highIsMinimum ? "+" : ""}`;
const words = (s: string) => s.replaceAll("_", " ");
const eventTitle = (e: string) => words(e);

/** Markdown text: characters that would be markup are escaped, line breaks become spaces. */
function md(s: string): string {
  return s.replace(/\s+/g, " ").replace(/([\\`*_{}[\]<>#|!~]|^[-+]|^\d+\.)/g, "\\$1");
}

/** The fact sheet as Markdown. */
export function reportMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`# Fact sheet: ${md(r.place)}, ${r.year}${r.event ? ` (${words(r.event)})` : ""}`, "");
  out.push(`Generated ${r.generatedAt} from the Tally ledger. ${STANCE} Each quote is cited with the number of its document (list at the end).`, "");
  if (r.facts.length === 0) out.push("No dated facts about this place in this year.", "");
  for (const t of r.timelines) {
    out.push(`## Timeline: ${eventTitle(t.event)}`, "");
    out.push(`| period | low | best | high | status | ${t.voices.map((v) => md(v.label)).join(" | ")} |`);
    out.push(`|---|---:|---:|---:|---|${t.voices.map(() => "---:").join("|")}|`);
    for (const row of t.rows) {
      out.push(`| ${row.label} | ${n(row.low)} | ${n(row.best)} | ${n(row.high)}${row.highIsMinimum ? "+" : ""} | ${words(row.status)} | ${t.voices.map((v) => md(row.voices[v.id] ?? "—")).join(" | ")} |`);
    }
    out.push("");
  }
  if (r.facts.length > 0) out.push("## Facts and every voice", "");
  for (const f of r.facts) {
    out.push(`### ${md(f.description)}`, "", `${band(f)} — ${words(f.status)}. ${md(f.bestRule)}`, "");
    for (const q of f.quotes) out.push(`- **${md(q.figure)}** — ${md(q.voice ?? "the publisher")}${q.network ? ` (${md(q.network)})` : ""}: “${md(q.quote)}” [${q.cite}${q.page !== undefined ? `, p. ${q.page}` : ""}]`);
    out.push("");
  }
  if (r.conflicts.length > 0) {
    out.push("## Conflicts", "");
    for (const k of r.conflicts) out.push(`- **${k.severity}** ${md(words(k.kind))}: ${md(k.reason)} (${k.facts.map((f) => md(f.description)).join("; ")})`);
    out.push("");
  }
  if (r.sources.length > 0) {
    out.push("## Sources", "", "| source | network | figures | documents |", "|---|---|---:|---:|");
    for (const s of r.sources) out.push(`| ${md(s.voice)} | ${md(s.network ?? "—")} | ${s.figures} | ${s.documents} |`);
    out.push("");
  }
  if (r.documents.length > 0) {
    out.push("## Documents cited", "");
    for (const d of r.documents) {
      out.push(`${d.cite}. ${md(d.title)} — ${md(d.publisher ?? "unknown publisher")}, ${d.published ?? "undated"}.${d.url && /^https?:\/\//i.test(d.url) ? ` <${d.url.replace(/[<>\s]/g, encodeURIComponent)}>` : ""} SHA-256 \`${d.sha256}\` (Tally document ${d.id}).`);
    }
    out.push("");
  }
  return out.join("\n");
}

/** HTML text, escaped. */
function h(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The styles of the standalone page: readable on screen, one clean column on paper. */
const STYLE = `
body { font-family: Georgia, "Times New Roman", serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.5; }
h1, h2, h3 { font-family: system-ui, sans-serif; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 0.5rem 0 1rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.meta { color: #555; font-size: 0.9rem; }
blockquote { margin: 0.25rem 0 0.5rem 1rem; }
@media print { body { margin: 0; max-width: none; font-size: 10.5pt; } h2 { break-after: avoid; } section.fact, tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
`;

/** The fact sheet as one standalone HTML page (no script; styles inline), printable. */
export function reportHtml(r: Report): string {
  const out: string[] = [];
  const title = `Fact sheet: ${r.place}, ${r.year}${r.event ? ` (${words(r.event)})` : ""}`;
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${h(title)}</title><style>${STYLE}</style></head><body>`);
  out.push(`<h1>${h(title)}</h1><p class="meta">Generated ${h(r.generatedAt)} from the Tally ledger. ${h(STANCE)} Each quote is cited with the number of its document.</p>`);
  if (r.facts.length === 0) out.push("<p>No dated facts about this place in this year.</p>");
  for (const t of r.timelines) {
    out.push(`<section><h2>Timeline: ${h(eventTitle(t.event))}</h2><table><thead><tr><th>period</th><th>low</th><th>best</th><th>high</th><th>status</th>${t.voices.map((v) => `<th>${h(v.label)}</th>`).join("")}</tr></thead><tbody>`);
    for (const row of t.rows) {
      out.push(`<tr><td>${h(row.label)}</td><td class="num">${h(n(row.low))}</td><td class="num">${h(n(row.best))}</td><td class="num">${h(n(row.high))}${row.highIsMinimum ? "+" : ""}</td><td>${h(words(row.status))}</td>${t.voices.map((v) => `<td class="num">${h(row.voices[v.id] ?? "—")}</td>`).join("")}</tr>`);
    }
    out.push("</tbody></table></section>");
  }
  if (r.facts.length > 0) out.push("<h2>Facts and every voice</h2>");
  for (const f of r.facts) {
    out.push(`<section class="fact"><h3>${h(f.description)}</h3><p>${h(band(f))} — ${h(words(f.status))}. <span class="meta">${h(f.bestRule)}</span></p><ul>`);
    for (const q of f.quotes) {
      out.push(`<li><strong>${h(q.figure)}</strong> — ${h(q.voice ?? "the publisher")}${q.network ? ` (${h(q.network)})` : ""}<blockquote dir="auto">“${h(q.quote)}” <a href="#doc-${q.cite}">[${q.cite}${q.page !== undefined ? `, p. ${q.page}` : ""}]</a></blockquote></li>`);
    }
    out.push("</ul></section>");
  }
  if (r.conflicts.length > 0) {
    out.push("<section><h2>Conflicts</h2><ul>");
    for (const k of r.conflicts) out.push(`<li><strong>${h(k.severity)}</strong> ${h(words(k.kind))}: ${h(k.reason)} <span class="meta">(${h(k.facts.map((f) => f.description).join("; "))})</span></li>`);
    out.push("</ul></section>");
  }
  if (r.sources.length > 0) {
    out.push("<section><h2>Sources</h2><table><thead><tr><th>source</th><th>network</th><th>figures</th><th>documents</th></tr></thead><tbody>");
    for (const s of r.sources) out.push(`<tr><td>${h(s.voice)}</td><td>${h(s.network ?? "—")}</td><td class="num">${s.figures}</td><td class="num">${s.documents}</td></tr>`);
    out.push("</tbody></table></section>");
  }
  if (r.documents.length > 0) {
    out.push("<section><h2>Documents cited</h2><ol>");
    for (const d of r.documents) {
      const url = d.url && /^https?:\/\//i.test(d.url) ? ` <a href="${h(d.url)}">${h(d.url)}</a>` : "";
      out.push(`<li id="doc-${d.cite}" value="${d.cite}">${h(d.title)} — ${h(d.publisher ?? "unknown publisher")}, ${h(d.published ?? "undated")}.${url} <span class="meta">SHA-256 ${h(d.sha256)} (Tally document ${d.id})</span></li>`);
    }
    out.push("</ol></section>");
  }
  out.push("</body></html>");
  return out.join("\n");
}
