// Facts and what is said of them: a fact's summary and detail, a voice, a claim as a fact shows
// it, a contradiction, a timeline, and how current the linked facts are. One schema each for the
// API's answers and OpenAPI document, the use cases' outputs and the pages' types (plain zod: the
// browser loads it too; `.meta({ id })` names each in the OpenAPI document).
import { z } from "zod";
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS } from "../../core/types.js";
import { PeriodSchema as Period } from "./claim.js";

export const FactsStatusSchema = z
  .object({
    state: z.enum(["fresh", "stale", "linking"]).meta({
      description:
        "fresh: the facts are linked from the ledger as it is; stale: from the ledger before its latest changes, which are being linked; linking: the first linking is running and no facts are given yet",
    }),
    linkedAt: z.string().nullable().meta({ description: "when the facts given were linked (ISO 8601); null while there are none" }),
  })
  .meta({ id: "FactsStatus" });
export type FactsStatusEntity = z.infer<typeof FactsStatusSchema>;

export const VoiceSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    network: z.string().nullable(),
    networkName: z.string().nullable(),
    count: z.number(),
    qualifier: z.enum(QUALIFIERS),
    figure: z.string(),
    registered: z.boolean(),
    claimIds: z.array(z.string()),
  })
  .meta({ id: "Voice" });

export const FactSummarySchema = z
  .object({
    id: z.string(),
    description: z.string(),
    event: z.string(),
    place: z.string().nullable(),
    period: Period.nullable(),
    victims: z.array(z.enum(VICTIM_GROUPS)),
    low: z.number(),
    best: z.number(),
    high: z.number(),
    highIsMinimum: z.boolean(),
    bestRule: z.string().meta({ description: "which rule chose best, in words" }),
    status: z.string().meta({ description: "single_source, single_network, single_document (voices heard only in one document that credits at most one of them), corroborated, contested or undated (figures without a period, never compared)" }),
    voices: z.array(VoiceSchema),
    claims: z.number().int(),
    contradictions: z.number().int(),
    parentId: z.string().nullable(),
    children: z.array(z.string()),
  })
  .meta({ id: "FactSummary" });

export const FactClaimSchema = z
  .object({
    id: z.string(),
    documentId: z.number().int(),
    document: z.string(),
    published: z.string().nullable(),
    count: z.number(),
    qualifier: z.enum(QUALIFIERS),
    figure: z.string(),
    period: Period.nullable(),
    periodLabel: z.string().optional().meta({ description: "the period as the claim's text names it in its own calendar" }),
    place: z.string().nullable(),
    victims: z.array(z.enum(VICTIM_GROUPS)),
    source: z.string().nullable(),
    credited: z.string().nullable(),
    network: z.string().nullable(),
    reportedBy: z.string().nullable(),
    voice: z.string().nullable(),
    standing: z.boolean(),
    quote: z.string(),
  })
  .meta({ id: "FactClaim" });

export const ConflictSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    severity: z.enum(["high", "medium", "low"]),
    reason: z.string(),
    independent: z.boolean().meta({ description: "the claims come from independent voices (possibly reported side by side in one document)" }),
    score: z.number().meta({ description: "how consequential; conflicts are listed by it, highest first" }),
    largest: z.number(),
    facts: z.array(z.object({ id: z.string(), description: z.string() })),
    claims: z.array(FactClaimSchema),
  })
  .meta({ id: "Conflict" });

// An intersection (not .extend) keeps the OpenAPI document's `allOf: [FactSummary, …]`.
export const FactDetailSchema = z.intersection(FactSummarySchema, z.object({
  rule: z.string(),
  claimViews: z.array(FactClaimSchema),
  conflicts: z.array(ConflictSchema),
  revisions: z.array(
    z.object({ factId: z.string(), voice: z.string(), fromClaimId: z.string(), toClaimId: z.string(), fromCount: z.number(), toCount: z.number(), reason: z.string() }),
  ),
  parent: FactSummarySchema.nullable(),
  childFacts: z.array(FactSummarySchema),
})).meta({ id: "FactDetail" });

export const TimelineSchema = z
  .object({
    event: z.enum(EVENT_TYPES),
    place: z.string(),
    by: z.enum(["year", "month"]),
    voices: z.array(z.object({ id: z.string(), label: z.string() })),
    hiddenVoices: z.number().int().meta({ description: "voices left out of voices and rows by a voices limit; each row's fact lists them" }),
    rows: z.array(
      z.object({
        period: Period,
        label: z.string(),
        factId: z.string().nullable().meta({ description: "the row's fact; null for a period only the parts speak of (parts=sum)" }),
        place: z.string().optional().meta({ description: "set on rows of places inside the place asked for (parts=show)" }),
        partsSum: z
          .object({ low: z.number(), best: z.number(), high: z.number(), places: z.array(z.string()) })
          .optional()
          .meta({ description: "the sum of the outermost places inside with a figure for the period (parts=sum)" }),
        low: z.number(),
        best: z.number(),
        high: z.number(),
        highIsMinimum: z.boolean(),
        status: z.string(),
        voices: z.record(z.string(), VoiceSchema),
      }),
    ),
  })
  .meta({ id: "Timeline" });
