// Renders claims for the terminal (a table) and for machines (JSON Lines in the interchange format).
import type { Claim } from "../core/types.js";
import { renderTable } from "./bidi.js";

/** A claim in the exact field order of the interchange format (FORMAT.md), extras after. */
export function interchange(c: Claim): Record<string, unknown> {
  const out: Record<string, unknown> = {
    document: c.document,
    event: c.event,
    count: c.count,
    qualifier: c.qualifier,
    period: c.period,
    place: c.place,
    victims: c.victims,
    source: c.source,
    quote: c.quote,
    span: c.span,
  };
  if (c.clutter) out.clutter = true;
  const extra = c as Claim & { sources?: string[] };
  if (extra.sources) out.sources = extra.sources;
  if (c.countSpan) out.countSpan = c.countSpan;
  if (c.page !== undefined) out.page = c.page;
  if (c.periodLabel) out.periodLabel = c.periodLabel;
  if (c.periodFrom) out.periodFrom = c.periodFrom;
  if (c.confidence !== undefined) out.confidence = c.confidence;
  if (c.confidenceReason) out.confidenceReason = c.confidenceReason;
  if (c.extractor) out.extractor = c.extractor;
  return out;
}

/** One line of JSON per claim. */
export function toJsonLine(c: Claim): string {
  return JSON.stringify(interchange(c));
}

const QUALIFIER_TEXT: Record<Claim["qualifier"], string> = {
  exact: "",
  at_least: "≥ ",
  more_than: "> ",
  about: "~ ",
  up_to: "≤ ",
};

/** A period as people read it: "2019-11", "2020", "2018-01-01 – 2021-02-28". */
export function periodText(p: Claim["period"]): string {
  if (!p) return "—";
  const { start, end } = p;
  if (start.endsWith("-01-01") && end.endsWith("-12-31")) {
    const a = start.slice(0, 4);
    const b = end.slice(0, 4);
    return a === b ? a : `${a}–${b}`;
  }
  if (start.slice(0, 7) === end.slice(0, 7) && start.endsWith("-01")) {
    const last = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)).getUTCDate();
    if (Number(end.slice(8, 10)) === last) return start.slice(0, 7);
  }
  return start === end ? start : `${start} – ${end}`;
}

/** A readable table of claims, with the quote cut to fit. */
export function claimsTable(claims: Claim[], width = process.stdout.columns ?? 160): string {
  const quoteWidth = Math.max(30, Math.min(80, width - 110));
  const options = {
    head: ["document", "event", "count", "period", "place", "victims", "source", "quote"],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [22, 13, 12, 13, 12, 16, 16, quoteWidth],
  };
  const rows = claims.map((c) => {
    const quote = c.quote.replace(/\s+/g, " ");
    return [
      c.document,
      c.event + (c.clutter ? " (clutter)" : ""),
      `${QUALIFIER_TEXT[c.qualifier]}${c.count.toLocaleString("en-US")}`,
      c.periodLabel ? `${periodText(c.period)}\n${c.periodLabel}` : periodText(c.period),
      c.place ?? "—",
      c.victims.join(", ") || "—",
      c.source ?? "—",
      quote.length > quoteWidth * 2 ? `${quote.slice(0, quoteWidth * 2 - 1)}…` : quote,
    ];
  });
  return renderTable(options, rows);
}
