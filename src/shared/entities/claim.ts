// The claim: one schema for every place that shows, checks or writes one (the API's answers and
// OpenAPI document, the use cases' outputs, the CSV columns, the pages' types). Plain zod, so the
// browser loads it too; the API names it ("Claim") when it builds the OpenAPI document.
import { z } from "zod";
import { toCsv } from "../csv.js";
import { EVENT_TYPES, PERIOD_ORIGINS, QUALIFIERS, VICTIM_GROUPS } from "../../core/types.js";

/** Where a claim stands in review: proposed by the extractor, decided by an analyst, or added by hand. */
export const CLAIM_STATUSES = ["proposed", "accepted", "corrected", "rejected", "added"] as const;
/** Orders of claim lists a reader asks for (the review queue has three more of its own). */
export const CLAIM_SORTS = ["period", "count", "published", "id"] as const;
/** Orders of the review queue. */
export const QUEUE_ORDERS = ["uncertain", "oldest", "consequential"] as const;

/** A period as two ISO days, both included. */
export const PeriodSchema = z.object({ start: z.string(), end: z.string() }).meta({ id: "Period" });

/** The fields of a claim an analyst can set (the extractor's proposal has the same shape). */
export const ClaimFieldsSchema = z.object({
  event: z.enum(EVENT_TYPES),
  count: z.number(),
  qualifier: z.enum(QUALIFIERS),
  period: PeriodSchema.nullable(),
  place: z.string().nullable(),
  victims: z.array(z.enum(VICTIM_GROUPS)),
  source: z.string().nullable(),
});

const span = z.tuple([z.number().int(), z.number().int()]);

/** A stored claim: the interchange claim plus provenance and review. */
export const ClaimEntity = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  document: z.string(),
  documentPublished: z.string().nullable(),
  event: z.enum(EVENT_TYPES),
  count: z.number(),
  qualifier: z.enum(QUALIFIERS),
  period: PeriodSchema.nullable(),
  place: z.string().nullable(),
  victims: z.array(z.enum(VICTIM_GROUPS)),
  source: z.string().nullable(),
  sourceId: z.number().int().nullable(),
  quote: z.string(),
  span,
  countSpan: span.optional(),
  page: z.number().int().min(1).optional().meta({ description: "the page of the original (a PDF) the sentence starts on" }),
  periodLabel: z.string().optional().meta({ description: "the period as the text names it in its own calendar, beside the Gregorian one", example: "آبان ۱۴۰۳" }),
  periodFrom: z.enum(PERIOD_ORIGINS).optional().meta({ description: "where the period came from" }),
  confidence: z.number().min(0).max(1).optional().meta({ description: "the extractor's confidence, 0–1" }),
  confidenceReason: z.string().optional().meta({ description: "why the confidence is not higher" }),
  clutter: z.boolean(),
  extractor: z.string(),
  createdAt: z.string(),
  status: z.enum(CLAIM_STATUSES),
  proposal: ClaimFieldsSchema.nullable().meta({ description: "the extractor's proposal, when the decision differs from it" }),
  reviewReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  restricted: z.boolean(),
  supersededBy: z.number().int().nullable(),
  factOverride: z.unknown().nullable().meta({ description: "a hand-made fact assignment: {kind: merge, scope} or {kind: split, tag}" }),
});

/** A claim as the API, the use cases and the pages carry it. */
export type ClaimRecord = z.infer<typeof ClaimEntity>;
/** The fields of a claim an analyst can set. */
export type ClaimFieldsRecord = z.infer<typeof ClaimFieldsSchema>;

/** One step of a claim's history in the audit trail: who did what when, the claim before and after. */
export const ClaimHistoryEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});

/** Columns of the claims CSV (`tally claims --format csv` and the API's export), each with its cell. */
export const CLAIM_CSV: ReadonlyArray<readonly [string, (c: ClaimRecord) => unknown]> = [
  ["id", (c) => c.id],
  ["document", (c) => c.document],
  ["published", (c) => c.documentPublished],
  ["event", (c) => c.event],
  ["count", (c) => c.count],
  ["qualifier", (c) => c.qualifier],
  ["period_start", (c) => c.period?.start ?? ""],
  ["period_end", (c) => c.period?.end ?? ""],
  ["place", (c) => c.place ?? ""],
  ["victims", (c) => c.victims.join(";")],
  ["source", (c) => c.source ?? ""],
  ["quote", (c) => c.quote],
  ["span_start", (c) => c.span[0]],
  ["span_end", (c) => c.span[1]],
  ["clutter", (c) => c.clutter],
  ["extractor", (c) => c.extractor],
  ["status", (c) => c.status],
  ["period_label", (c) => c.periodLabel ?? ""],
  ["period_from", (c) => c.periodFrom ?? ""],
  ["confidence", (c) => c.confidence ?? ""],
  ["confidence_reason", (c) => c.confidenceReason ?? ""],
  ["page", (c) => c.page ?? ""],
];

/** Claims as CSV, one row per claim in the given order, each line ended by CRLF. */
export function claimsCsv(claims: readonly ClaimRecord[]): string {
  return toCsv(CLAIM_CSV.map(([name]) => name), claims.map((c) => CLAIM_CSV.map(([, cell]) => cell(c)))) + "\r\n";
}
