// Presentation helpers: query → store filter, stored rows → API objects and CSV.
import type { z } from "@hono/zod-openapi";
import type { EventType } from "../core/types.js";
import type { ClaimStatus, StoredClaim, StoredDocument } from "../services/use-cases/types.js";
import { documentListItem } from "../services/documents.js";
import type { ClaimFilterIn } from "../services/use-cases/claim-inputs.js";
import type { ClaimFilterQuery } from "./schemas.js";

/** The claim filter (as the use cases take it) of a validated claims query. */
export function claimFilterOf(q: z.infer<typeof ClaimFilterQuery>): ClaimFilterIn {
  const f: ClaimFilterIn = {};
  if (q.event !== undefined) {
    const events = q.event.split(",").map((e) => e.trim()) as EventType[];
    f.event = events.length === 1 ? (events[0] as EventType) : events;
  }
  if (q.from !== undefined) f.from = q.from;
  if (q.to !== undefined) f.to = q.to;
  if (q.place !== undefined) f.place = q.place;
  if (q.source !== undefined) f.source = q.source;
  if (q.victims !== undefined) f.victims = q.victims;
  if (q.network !== undefined) f.network = q.network;
  if (q.language !== undefined) f.language = q.language;
  if (q.clutter === "true") f.includeClutter = true;
  if (q.status !== undefined) f.status = q.status.split(",").map((x) => x.trim()) as ClaimStatus[];
  return f;
}

/** A claim as the API shows it (the stored claim; countSpan only when known). */
export function claimOut(c: StoredClaim) {
  return {
    id: c.id,
    documentId: c.documentId,
    document: c.document,
    documentPublished: c.documentPublished,
    event: c.event,
    count: c.count,
    qualifier: c.qualifier,
    period: c.period,
    place: c.place,
    victims: c.victims,
    source: c.source,
    sourceId: c.sourceId,
    quote: c.quote,
    span: c.span,
    ...(c.countSpan ? { countSpan: c.countSpan } : {}),
    ...(c.page !== undefined ? { page: c.page } : {}),
    ...(c.periodLabel ? { periodLabel: c.periodLabel } : {}),
    ...(c.periodFrom ? { periodFrom: c.periodFrom } : {}),
    ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
    ...(c.confidenceReason ? { confidenceReason: c.confidenceReason } : {}),
    clutter: c.clutter,
    extractor: c.extractor,
    createdAt: c.createdAt,
    status: c.status,
    proposal: c.proposal,
    reviewReason: c.reviewReason,
    reviewedBy: c.reviewedBy,
    reviewedAt: c.reviewedAt,
    restricted: c.restricted,
    supersededBy: c.supersededBy,
    factOverride: c.factOverride,
  };
}

export { claimsCsv } from "../shared/entities/claim.js";

/** A document's summary fields (no text, no offset map): as the documents use case lists them. */
export function documentSummaryOut(d: Omit<StoredDocument, "text" | "textMap" | "headers" | "createdAt">) {
  return documentListItem(d);
}

/** The recorded HTTP response of a fetched document, parsed; null when none or unreadable. */
export function httpRecord(headers: string | null): unknown {
  if (!headers) return null;
  try {
    return JSON.parse(headers) as unknown;
  } catch {
    return null;
  }
}
