// The API's request and response schemas (zod): they validate requests and are the source of
// the OpenAPI document (docs/openapi.json).
import { z } from "@hono/zod-openapi";
import { EVENT_TYPES, VICTIM_GROUPS } from "../core/types.js";
import { isIsoDatePrefix } from "../ingest/dates.js";
import { CLAIM_SORTS, CLAIM_STATUSES as STATUSES, ClaimEntity } from "../shared/entities/claim.js";
import { DocumentSummarySchema, SearchSchema } from "../shared/entities/document.js";
import { ConflictSchema, FactDetailSchema, FactsStatusSchema, FactSummarySchema, TimelineSchema } from "../shared/entities/fact.js";
import { MAX_SEARCH_WINDOW, SEARCH_WINDOW } from "../shared/search-window.js";
import { CLAIM_FACETS, CONFLICT_FACETS, CONFLICT_KINDS, CONFLICT_SEVERITIES, DOCUMENT_FACETS, FACT_FACETS, FACT_STATUSES } from "../shared/facets.js";

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

// The pattern documents the shape; the one date check of API and CLI (isIsoDatePrefix) refuses impossible dates.
const isoPrefix = (what: string) =>
  z
    .string()
    .regex(ISO_PREFIX, `${what} must be YYYY, YYYY-MM or YYYY-MM-DD`)
    .refine(isIsoDatePrefix, `${what} must be a real date: YYYY, YYYY-MM or YYYY-MM-DD`)
    .openapi({ example: "2023" });
const text = (what: string, example: string) => z.string().trim().min(1, `${what} must not be empty`).max(200).openapi({ example });
const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback).openapi({ type: "integer", example: fallback });
const offset = z.coerce.number().int().min(0).default(0).openapi({ type: "integer", example: 0 });

/** One or more event types, comma-separated. */
const events = z
  .string()
  .refine((v) => v.split(",").every((e) => (EVENT_TYPES as readonly string[]).includes(e.trim())), `event must be one or more of ${EVENT_TYPES.join(", ")}, comma-separated`)
  .openapi({ example: "execution", description: `one or more of ${EVENT_TYPES.join(", ")}, comma-separated` });

const event = z.enum(EVENT_TYPES).openapi({ example: "execution" });
const victims = z.enum(VICTIM_GROUPS).openapi({ example: "protesters" });

export const ClaimFilterQuery = z.object({
  event: events.optional(),
  from: isoPrefix("from").optional().openapi({ description: "claims whose period ends on or after this date" }),
  to: isoPrefix("to").optional().openapi({ description: "claims whose period starts on or before this date" }),
  place: text("place", "Iran").optional().openapi({ description: "place as extracted" }),
  source: text("source", "IHRNGO").optional().openapi({ description: "source name or alias" }),
  victims: victims.optional(),
  network: text("network", "un").optional().openapi({ description: "claims whose source the source registry puts in this network (its id or name)" }),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown")
    .optional()
    .openapi({ example: "fa", description: "claims of documents in this language (ISO 639-1; `unknown` for none detected)" }),
  clutter: z.enum(["true", "false"]).optional().openapi({ description: "include claims standing in page clutter" }),
  status: z
    .string()
    .refine((v) => v.split(",").every((e) => (STATUSES as readonly string[]).includes(e.trim())), `status must be one or more of ${STATUSES.join(", ")}, comma-separated`)
    .optional()
    .openapi({ description: "review statuses, comma-separated (default: all but rejected)", example: "proposed" }),
});

/** A cursor of the claims list: the `next` of a page. */
const cursor = z
  .string()
  .max(400)
  .optional()
  .openapi({ description: "start after the claim this cursor names: the `next` of an earlier page in the same `sort` (a keyset page: as fast at the millionth claim as at the first); `offset` then counts from it", example: "WyJwZXJpb2QiLG51bGwsN10" });

export const ClaimsQuery = ClaimFilterQuery.extend({
  sort: z.enum(CLAIM_SORTS).default("period").openapi({ example: "period" }),
  limit: limit(1000, 100),
  offset,
  cursor,
  facets: z
    .string()
    .refine((v) => v.split(",").every((e) => (CLAIM_FACETS as readonly string[]).includes(e.trim())), `facets must be one or more of ${CLAIM_FACETS.join(", ")}, comma-separated`)
    .optional()
    .openapi({ description: `also count the matching claims by these fields (${CLAIM_FACETS.join(", ")}), comma-separated: \`facets\` in the answer`, example: "event,place" }),
});

const FacetCountSchema = z.object({
  value: z.string().nullable().openapi({ description: "the value, as the filter takes it (null: none)" }),
  count: z.number().int(),
  label: z.string().optional().openapi({ description: "how the value reads, when not as itself (a network's name for its id)" }),
});

/** The claims of a download: the query of `/claims` (a page, or `limit=all`: every matching claim; written as it is read). */
export const ClaimsExportQuery = ClaimsQuery.extend({
  limit: z
    .union([z.literal("all"), z.coerce.number().int().min(1, "limit must be a whole number of at least 1, or all")])
    .default(100)
    .openapi({ example: 100, description: "this many claims from `offset` (or after `cursor`), or `all`: every matching claim; read from the store a batch at a time, each batch after the last claim read" }),
});

export const ExportQuery = ClaimsExportQuery.extend({
  format: z.enum(["csv", "json"]).default("csv").openapi({ example: "csv" }),
});

export const DocumentsQuery = z.object({
  limit: limit(500, 50),
  offset,
  publisher: text("publisher", "Example Wire").optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown")
    .optional()
    .openapi({ example: "fa", description: "only documents in this language (ISO 639-1; `unknown` for none detected)" }),
  from: isoPrefix("from").optional().openapi({ description: "published on or after (a date is compared at the precision given)", example: "2024-01" }),
  to: isoPrefix("to").optional().openapi({ description: "published on or before", example: "2024-12-31" }),
  hasClaims: z.enum(["true", "false"]).optional().openapi({ description: "only documents with (true) or without (false) standing claims" }),
  restricted: z.enum(["true", "false"]).optional().openapi({ description: "only restricted (true) or unrestricted (false) documents (viewers never see restricted ones)" }),
  reference: z.enum(["true", "false"]).optional().openapi({ description: "only the pseudo-documents of reference datasets (true) or only the rest (false)" }),
  facets: z
    .string()
    .refine((v) => v.split(",").every((e) => (DOCUMENT_FACETS as readonly string[]).includes(e.trim())), `facets must be one or more of ${DOCUMENT_FACETS.join(", ")}, comma-separated`)
    .optional()
    .openapi({ description: `also count the matching documents by these fields (${DOCUMENT_FACETS.join(", ")}; year of publication), comma-separated: \`facets\` in the answer`, example: "publisher,year" }),
});

export const DocumentRef = z.object({
  ref: z
    .string()
    .regex(/^(\d{1,12}|[0-9a-fA-F]{4,64})$/, "a document is named by its number or at least 4 hex digits of its SHA-256")
    .openapi({ param: { name: "ref", in: "path" }, example: "1" }),
});

/** A comma-separated list of facet names, each one of `allowed`. */
const facetNames = (allowed: readonly string[], what: string, example: string, how = "") =>
  z
    .string()
    .refine((v) => v.split(",").every((e) => allowed.includes(e.trim())), `facets must be one or more of ${allowed.join(", ")}, comma-separated`)
    .optional()
    .openapi({ description: `also count the matching ${what} by these fields (${allowed.join(", ")}${how}), comma-separated: \`facets\` in the answer`, example });

export const FactsQuery = z.object({
  event: event.optional(),
  from: isoPrefix("from").optional().openapi({ description: "facts whose period ends on or after this date (undated facts are left out)" }),
  to: isoPrefix("to").optional().openapi({ description: "facts whose period starts on or before this date" }),
  place: text("place", "Iran").optional().openapi({ description: "facts about this place or places inside it" }),
  source: text("source", "Amnesty").optional().openapi({ description: "facts with a claim from this source (name, alias or network id)" }),
  victims: victims.optional(),
  status: z.enum(FACT_STATUSES).optional().openapi({ description: "how far the independent voices agree", example: "contested" }),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown")
    .optional()
    .openapi({ example: "fa", description: "facts with a claim from a document in this language (ISO 639-1; `unknown` for none detected)" }),
  facets: facetNames(FACT_FACETS, "facts", "event,place,year", "; a fact counts under its place and every place containing it, under every year its period touches, and under each language of its claims' documents"),
  limit: z.coerce.number().int().min(1).max(10_000).optional().openapi({ type: "integer", example: 50, description: "a page of this many facts (default: every matching fact)" }),
  offset,
  order: z.enum(["scope", "consequential"]).default("scope").openapi({ description: "scope: by event, place, period and victims (default); consequential: the facts of the most consequential conflicts first (as /conflicts ranks them), then by contradictions and name" }),
});

export const ConflictsQuery = z.object({
  event: event.optional().openapi({ description: "contradictions touching a fact of this event" }),
  from: isoPrefix("from").optional().openapi({ description: "contradictions touching a fact whose period ends on or after this date" }),
  to: isoPrefix("to").optional().openapi({ description: "contradictions touching a fact whose period starts on or before this date" }),
  place: text("place", "Iran").optional().openapi({ description: "contradictions touching a fact about this place or places inside it" }),
  source: text("source", "Amnesty").optional().openapi({ description: "contradictions with a claim from this source (name, alias or network id)" }),
  victims: victims.optional(),
  severity: z.enum(CONFLICT_SEVERITIES).optional().openapi({ example: "high" }),
  kind: z.enum(CONFLICT_KINDS).optional().openapi({ example: "incompatible_figures" }),
  facets: facetNames(CONFLICT_FACETS, "contradictions", "event,place,severity", "; the event, places and years of the facts they touch"),
});

export const FactRef = z.object({
  id: z.string().min(6).max(128).regex(/^[\w:.-]+$/, "a fact id is letters, digits and : . _ -").openapi({ param: { name: "id", in: "path" }, example: "execution:iran:2023" }),
});

/** How many voices a timeline keeps: those with the most figures (the rest are counted in hiddenVoices). */
const voicesLimit = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .optional()
  .openapi({ type: "integer", example: 7, description: "keep only this many voices, those with the most figures; the others are counted in hiddenVoices (default: all)" });

export const TimelineQuery = z.object({
  event: event.default("execution"),
  place: text("place", "Iran").default("Iran"),
  by: z.enum(["year", "month"]).default("year"),
  victims: victims.optional(),
  voices: voicesLimit,
  parts: z.enum(["none", "show", "sum"]).default("none").openapi({ description: "places inside the place: left out, shown as rows of their own, or summed per period" }),
});

export const OverviewQuery = z.object({
  event: event.default("execution"),
  place: text("place", "Iran").default("Iran"),
  voices: voicesLimit,
});

export const SearchQuery = z.object({
  q: z.string().trim().min(1, "q (the words to find) is required").max(500).openapi({ example: "executions Evin" }),
  limit: limit(100, 20),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_WINDOW)
    .default(SEARCH_WINDOW)
    .openapi({ type: "integer", example: SEARCH_WINDOW, description: "rank at most this many of the most recently stored matching documents" }),
});

const MAX_UPLOAD_TEXT = "see the server's upload limit (default 10 MB)";

export const UploadForm = z.object({
  file: z
    .custom<File>((v) => v instanceof File, "file is required: a .txt, .md or .html document")
    .openapi({ type: "string", format: "binary", description: `the document; .txt, .md, .markdown, .html or .htm; ${MAX_UPLOAD_TEXT}` }),
  published: isoPrefix("published").optional().openapi({ description: "publication date when the document has none" }),
  publisher: text("publisher", "Example Wire").optional().openapi({ description: "publisher when the document names none" }),
});

export const UrlIngestBody = z.object({
  // No regex flags: OpenAPI patterns are plain ECMAScript sources, and a flag would be part of the pattern.
  url: z.string().max(2000).regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+$/, "url must be an http:// or https:// address").openapi({ example: "https://example.org/report.html" }),
  published: isoPrefix("published").optional(),
  publisher: text("publisher", "Example Wire").optional(),
});

// ---- responses ----

export { ConflictSchema, DocumentSummarySchema, FactDetailSchema, FactsStatusSchema, FactSummarySchema, SearchSchema, TimelineSchema };


// `.meta`, not `.openapi`: the shared schema may be built before @hono/zod-openapi extends zod.
export const ClaimSchema = ClaimEntity.meta({ id: "Claim" });

export const DocumentListSchema = z
  .object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    documents: z.array(DocumentSummarySchema),
    facets: z
      .record(z.string(), z.array(FacetCountSchema))
      .optional()
      .openapi({ description: "with `facets`: per field, its values among all the matching documents (not only this page) and how many have each, most first (at most 20)" }),
  })
  .openapi("DocumentList");

export const DocumentDetailSchema = z
  .object({
    document: z.intersection(DocumentSummarySchema, z.object({ text: z.string(), createdAt: z.string() })),
    provenance: z.object({
      sha256: z.string(),
      mediaType: z.string(),
      size: z.number().int(),
      url: z.string().nullable(),
      path: z.string().nullable(),
      publisher: z.string().nullable(),
      published: z.string().nullable(),
      capturedAt: z.string(),
      collector: z.string(),
      language: z.string().nullable(),
      http: z.unknown().nullable().openapi({ description: "status, redirects and response headers of a fetched URL" }),
    }),
    claims: z.array(ClaimSchema),
    /** Claim id → the fact it belongs to. */
    facts: z.record(z.string(), z.string()).openapi({ description: "claim id → id of the fact the claim is counted in" }),
    factsStatus: FactsStatusSchema,
    related: z.array(z.object({ document: DocumentSummarySchema, kind: z.enum(["near_duplicate", "syndicated"]), similarity: z.number() })),
  })
  .openapi("DocumentDetail");

export const ClaimListSchema = z
  .object({
    total: z.number().int().openapi({ description: "claims matching; when totalExact is false, at least this many (10,000+)" }),
    totalExact: z.boolean().openapi({ description: "false when the matching claims were counted only up to `total`" }),
    limit: z.number().int(),
    offset: z.number().int(),
    sort: z.enum(CLAIM_SORTS),
    next: z.string().nullable().openapi({ description: "the cursor of the next page (pass it as `cursor` with the same filter and sort), null when no claim follows" }),
    claims: z.array(ClaimSchema),
    facets: z
      .record(z.string(), z.array(FacetCountSchema))
      .optional()
      .openapi({ description: "with `facets`: per field, its values among all the matching claims (not only this page) and how many have each, most first (at most 20)" }),
  })
  .openapi("ClaimList");

const facetsOf = (what: string) =>
  z
    .record(z.string(), z.array(FacetCountSchema))
    .optional()
    .openapi({ description: `with \`facets\`: per field, its values among all the matching ${what} and how many have each, most first (at most 20)` });

export const FactListSchema = z
  .object({
    total: z.number().int().openapi({ description: "facts matching the filter (all pages)" }),
    limit: z.number().int().nullable().openapi({ description: "the page's size asked, or null for every matching fact" }),
    offset: z.number().int(),
    facts: z.array(FactSummarySchema),
    facets: facetsOf("facts"),
  })
  .openapi("FactList");
export const ConflictListSchema = z.object({ conflicts: z.array(ConflictSchema), facets: facetsOf("contradictions") }).openapi("ConflictList");

export { IngestResultSchema } from "../shared/entities/ingest.js";
export { OverviewSchema, SourcesSchema } from "../shared/entities/overview.js";
