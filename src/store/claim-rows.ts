// Converts claims between the domain shape and table rows.
import type { Insertable, Selectable } from "kysely";
import type { EventType, PeriodOrigin, Qualifier, VictimGroup } from "../core/types.js";
import { yearOf } from "./iso-range.js";
import { pageAt, pageStarts } from "../shared/page-map.js";
import type { ClaimsTable } from "./schema.js";
import type { ClaimFields, ClaimStatus, FactOverride, NewClaim, StoredClaim } from "./store.js";

/** The row for a new claim of a document. */
export function claimRow(
  c: NewClaim,
  ctx: { documentId: number; published: string | null; extractorVersion: string; sourceId: number | null; now: string },
): Insertable<ClaimsTable> {
  return {
    document_id: ctx.documentId,
    event: c.event,
    count: c.count,
    qualifier: c.qualifier,
    period_start: c.period?.start ?? null,
    period_end: c.period?.end ?? null,
    year: yearOf(c.period?.start) ?? yearOf(ctx.published),
    place: c.place ?? null,
    victims: JSON.stringify(c.victims),
    source: c.source ?? null,
    source_id: ctx.sourceId,
    quote: c.quote,
    span_start: c.span[0],
    span_end: c.span[1],
    count_start: c.countSpan?.[0] ?? null,
    count_end: c.countSpan?.[1] ?? null,
    clutter: c.clutter ? 1 : 0,
    extractor_version: ctx.extractorVersion,
    created_at: ctx.now,
    period_label: c.periodLabel ?? null,
    period_from: c.periodFrom ?? null,
    confidence: c.confidence ?? null,
    confidence_reason: c.confidenceReason ?? null,
  };
}

/** A claims row joined with its document's name and publication date. */
export type ClaimRowWithDocument = Selectable<ClaimsTable> & { document_name: string; document_published: string | null; document_text_map?: string | null };

/** The stored claim a row describes. */
export function toStoredClaim(r: ClaimRowWithDocument): StoredClaim {
  const claim: StoredClaim = {
    id: Number(r.id),
    document: r.document_name,
    documentId: Number(r.document_id),
    documentPublished: r.document_published,
    event: r.event as EventType,
    count: Number(r.count),
    qualifier: r.qualifier as Qualifier,
    period: r.period_start !== null && r.period_end !== null ? { start: r.period_start, end: r.period_end } : null,
    place: r.place,
    victims: JSON.parse(r.victims) as VictimGroup[],
    source: r.source,
    sourceId: r.source_id === null ? null : Number(r.source_id),
    quote: r.quote,
    span: [Number(r.span_start), Number(r.span_end)],
    clutter: Number(r.clutter) === 1,
    extractor: r.extractor_version,
    createdAt: r.created_at,
    status: r.status as ClaimStatus,
    proposal: r.proposal === null ? null : (JSON.parse(r.proposal) as ClaimFields),
    reviewReason: r.review_reason,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at,
    restricted: Number(r.restricted) === 1,
    supersededBy: r.superseded_by === null ? null : Number(r.superseded_by),
    factOverride: r.fact_override === null ? null : (JSON.parse(r.fact_override) as FactOverride),
  };
  if (r.count_start !== null && r.count_end !== null) claim.countSpan = [Number(r.count_start), Number(r.count_end)];
  const pages = pageStarts(r.document_text_map);
  if (pages) claim.page = pageAt(pages, claim.span[0]);
  if (r.period_label !== null) claim.periodLabel = r.period_label;
  if (r.period_from !== null) claim.periodFrom = r.period_from as PeriodOrigin;
  if (r.confidence !== null) claim.confidence = Number(r.confidence);
  if (r.confidence_reason !== null) claim.confidenceReason = r.confidence_reason;
  return claim;
}

/** The correctable fields of a claim row. */
export function fieldsOf(r: Selectable<ClaimsTable>): ClaimFields {
  return {
    event: r.event as EventType,
    count: Number(r.count),
    qualifier: r.qualifier as Qualifier,
    period: r.period_start !== null && r.period_end !== null ? { start: r.period_start, end: r.period_end } : null,
    place: r.place,
    victims: JSON.parse(r.victims) as VictimGroup[],
    source: r.source,
  };
}

/** The column values that store a claim's fields (year needs the document's publication date). */
export function fieldColumns(f: ClaimFields, published: string | null) {
  return {
    event: f.event,
    count: f.count,
    qualifier: f.qualifier,
    period_start: f.period?.start ?? null,
    period_end: f.period?.end ?? null,
    year: yearOf(f.period?.start) ?? yearOf(published),
    place: f.place,
    victims: JSON.stringify(f.victims),
    source: f.source,
  };
}
