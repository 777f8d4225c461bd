// The input schemas the claim use cases share: which claims (a filter), the fields an analyst
// sets, and a decision on a claim. The API builds its request schemas from these.
import { z } from "zod";
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS } from "../../core/types.js";
import { CLAIM_STATUSES } from "../../shared/entities/claim.js";

const event = z.enum(EVENT_TYPES);
const status = z.enum(CLAIM_STATUSES);

/** Which claims (the store's ClaimFilter): every field narrows the set. */
export const ClaimFilterInput = z.object({
  event: z.union([event, z.array(event).min(1)]).optional(),
  /** ISO date or prefix: claims whose period ends on or after it. */
  from: z.string().optional(),
  /** ISO date or prefix: claims whose period starts on or before its end. */
  to: z.string().optional(),
  place: z.string().optional(),
  /** Source name or alias. */
  source: z.string().optional(),
  victims: z.enum(VICTIM_GROUPS).optional(),
  /** A network of the source registry (its id or name): claims whose source it places there. */
  network: z.string().trim().min(1).max(200).optional(),
  /** Claims of documents in this language (ISO 639-1; `unknown`: none detected). */
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown")
    .optional(),
  documentId: z.number().int().min(1).optional(),
  includeClutter: z.boolean().optional(),
  /** Default: every status but rejected. */
  status: z.union([status, z.array(status)]).optional(),
});

/** A claim filter as the use cases take it (the store's, with a network of the registry). */
export type ClaimFilterIn = z.input<typeof ClaimFilterInput>;

const Period = z.object({ start: z.string(), end: z.string() });

/** The fields of a claim an analyst sets (all of them when adding one, some when correcting). */
export const ClaimFieldsInput = z.object({
  event: z.enum(EVENT_TYPES),
  count: z.number().int().min(0),
  qualifier: z.enum(QUALIFIERS),
  period: Period.nullable(),
  place: z.string().max(500).nullable(),
  victims: z.array(z.enum(VICTIM_GROUPS)),
  source: z.string().max(500).nullable(),
});

/** Why: at most 2,000 characters, spaces around it dropped. */
export const ReasonInput = z.string().trim().max(2000);

/** An analyst's decision on one claim (a rejection needs a reason). */
export const DecisionInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("accept"), reason: ReasonInput.optional() }),
  z.object({ action: z.literal("reject"), reason: ReasonInput.min(1, "a rejection needs a reason") }),
  z.object({ action: z.literal("correct"), fields: ClaimFieldsInput.partial(), reason: ReasonInput.optional() }),
  z.object({ action: z.literal("reopen"), reason: ReasonInput.optional() }),
]);

/** A claim added by hand: its fields and the span of the document's working text it rests on. */
export const ManualClaimInput = ClaimFieldsInput.extend({
  span: z.tuple([z.number().int().min(0), z.number().int().min(1)]),
  reason: ReasonInput.optional(),
});
