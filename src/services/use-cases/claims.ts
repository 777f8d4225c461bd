// Use cases of reading claims: a filtered page of them, the review queue, one claim with its
// history (the export, read a batch at a time, is in exports.ts). `tally claims`, `tally review
// list|show`, GET /claims, /review/queue and /claims/{id} all perform these.
import { z } from "zod";
import { CLAIM_SORTS, ClaimEntity, ClaimHistoryEntrySchema, QUEUE_ORDERS } from "../../shared/entities/claim.js";
import { NotFound } from "../../shared/errors.js";
import { roleAtLeast } from "../auth.js";
import { claimHistory } from "../claim-history.js";
import { ClaimFilterInput } from "./claim-inputs.js";
import { useCase } from "./use-case.js";
import { consequentialClaims } from "../consequential.js";
import { FacetsOutput, factsOf } from "./facts.js";
import { CLAIM_FACETS } from "../../shared/facets.js";
import { cursorAfter, keyOfCursor } from "../claim-cursor.js";
import { claimFacetsOf, storeFilter } from "../claim-filters.js";

const page = { limit: z.number().int().min(0), offset: z.number().int().min(0).default(0) };

/** A page of the claims matching a filter, in one of the readers' orders, and how many match. */
export const listClaims = useCase({
  name: "claims.list",
  role: "viewer",
  input: z.object({
    filter: ClaimFilterInput,
    sort: z.enum(CLAIM_SORTS).default("period"),
    ...page,
    /** Start after the claim this token names (the `next` of an earlier page in the same order), instead of (or before) `offset`. */
    cursor: z.string().max(400).optional(),
    /** Count the matches only up to this many when no running tally holds their number (then total is not exact). */
    countUpTo: z.number().int().min(1).optional(),
    /** Also count every matching claim by these fields (the most frequent values of each). */
    facets: z.array(z.enum(CLAIM_FACETS)).optional(),
  }),
  output: z.object({
    claims: z.array(ClaimEntity),
    total: z.number().int(),
    totalExact: z.boolean(),
    /** The cursor of the page after this one, null when no claim follows. */
    next: z.string().nullable(),
    facets: FacetsOutput,
  }),
  async run(ctx, { filter, sort, limit, offset, cursor, countUpTo, facets: fields }) {
    const { store } = ctx;
    const f = await storeFilter(ctx, filter);
    const after = cursor === undefined ? undefined : keyOfCursor(sort, cursor);
    const counted = countUpTo === undefined ? store.countClaims(f).then((count) => ({ count, exact: true })) : store.countClaimsUpTo(f, countUpTo);
    // One claim more than the page says whether another page follows.
    const read = limit === 0 ? Promise.resolve([]) : store.queryClaims(f, { limit: limit + 1, offset, sort, ...(after ? { after } : {}) });
    const [rows, total, facets] = await Promise.all([read, counted, fields && fields.length > 0 ? claimFacetsOf(ctx, f, fields) : null]);
    const claims = rows.slice(0, limit);
    const last = claims[claims.length - 1];
    const next = rows.length > limit && last ? cursorAfter(sort, last) : null;
    return { claims, total: total.count, totalExact: total.exact, next, ...(facets ? { facets } : {}) };
  },
});

/** The review queue: proposed claims (or those of the statuses asked), least certain first unless told. */
export const reviewQueue = useCase({
  name: "review.queue",
  role: "analyst",
  input: z.object({ filter: ClaimFilterInput, order: z.enum(QUEUE_ORDERS).default("uncertain"), ...page }),
  output: z.object({ claims: z.array(ClaimEntity), total: z.number().int() }),
  async run(ctx, { filter, order, limit, offset }) {
    const { store } = ctx;
    const f = await storeFilter(ctx, { ...filter, status: filter.status ?? "proposed" });
    // Most consequential: the claims of the ranked conflicts first (services/consequential.ts).
    const claimsOf = async () => (order === "consequential" ? consequentialClaims(store, await factsOf(ctx), f, { limit, offset }) : store.queryClaims(f, { limit, offset, sort: order }));
    const [claims, total] = await Promise.all([claimsOf(), store.countClaims(f)]);
    return { claims, total };
  },
});

/** One claim, with its history for analysts (null for viewers). */
export const showClaim = useCase({
  name: "claims.show",
  role: "viewer",
  input: z.object({ id: z.number().int().min(1) }),
  output: z.object({ claim: ClaimEntity, history: z.array(ClaimHistoryEntrySchema).nullable() }),
  async run({ store, caller }, { id }) {
    const claim = await store.getClaim(id);
    if (!claim) throw new NotFound("claim", id);
    return { claim, history: roleAtLeast(caller.role, "analyst") ? await claimHistory(store, claim.documentId, id) : null };
  },
});
