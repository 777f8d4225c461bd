// Claims as CSV: the one column layout shared by `tally claims --format csv` and the API export.
import { toCsv } from "../shared/csv.js";
import type { StoredClaim } from "../store/index.js";

/** Columns of the claims CSV (the same as `tally claims --format csv`). */
export const CLAIM_COLUMNS = [
  "id", "document", "published", "event", "count", "qualifier", "period_start", "period_end", "place", "victims", "source", "quote", "span_start", "span_end", "clutter", "extractor", "status",
  "period_label", "period_from", "confidence", "confidence_reason", "page",
];

/** Claims as CSV, one row per claim, in the given order. */
export function claimsCsv(claims: StoredClaim[]): string {
  return toCsv(
    CLAIM_COLUMNS,
    claims.map((c) => [c.id, c.document, c.documentPublished, c.event, c.count, c.qualifier, c.period?.start ?? "", c.period?.end ?? "", c.place ?? "", c.victims.join(";"), c.source ?? "", c.quote, c.span[0], c.span[1], c.clutter, c.extractor, c.status, c.periodLabel ?? "", c.periodFrom ?? "", c.confidence ?? "", c.confidenceReason ?? "", c.page ?? ""]),
  ) + "\r\n";
}
