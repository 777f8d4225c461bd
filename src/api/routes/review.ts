// Routes of analyst review: the queue, decisions on claims, claims added by hand, supersession,
// merging and splitting facts, restriction, and the audit trail.
import { createRoute, z } from "@hono/zod-openapi";
import { DecisionInput, ManualClaimInput } from "../../services/use-cases/claim-inputs.js";
import { reviewQueue, showClaim } from "../../services/use-cases/claims.js";
import { listAuditEvents } from "../../services/use-cases/documents.js";
import { addClaim, clearFactAssignment, mergeFacts, restrict, reviewClaim, splitFact, supersedeClaim } from "../../services/use-cases/review.js";
import { ClaimHistoryEntrySchema } from "../../shared/entities/claim.js";
import { performFor, performs } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { claimFilterOf, claimOut } from "../present.js";
import { ClaimFilterQuery, ClaimSchema } from "../schemas.js";
import { E400, E403, E404, E500, json } from "./common.js";


const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, type: "integer", example: 1 }) });
const FactParam = z.object({ id: z.string().regex(/^fact_[0-9a-f]+$/).openapi({ param: { name: "id", in: "path" }, example: "fact_0123abcd" }) });
const Decision = DecisionInput.meta({ id: "ReviewDecision" });
const HistoryEntry = ClaimHistoryEntrySchema;
const ClaimDetail = z.object({ claim: ClaimSchema, history: z.array(HistoryEntry).nullable().openapi({ description: "null for viewers" }) }).openapi("ClaimDetail");
export const QueueQuery = ClaimFilterQuery.extend({
  order: z.enum(["uncertain", "oldest", "consequential"]).default("uncertain").openapi({ description: "the extractor's least certain readings first (default), oldest proposals first, or the claims of the most consequential conflicts first (then the largest figures)" }),
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ type: "integer" }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ type: "integer" }),
});
const AuditQuery = z.object({
  since: z.string().max(40).optional(),
  actor: z.string().max(100).optional(),
  object_type: z.string().max(40).optional(),
  object_id: z.string().max(100).optional(),
  after_seq: z.coerce.number().int().min(0).optional().openapi({ type: "integer" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ type: "integer" }),
});
const AuditEventSchema = z
  .object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), objectType: z.string(), objectId: z.string(), before: z.unknown(), after: z.unknown(), prevHash: z.string(), hash: z.string() })
  .openapi("AuditEvent");
const body = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

const routes = {
  queue: createRoute({ method: "get", path: "/review/queue", tags: ["review"], summary: "Proposed claims awaiting a decision", request: { query: QueueQuery }, responses: { 200: json(z.object({ total: z.number().int(), claims: z.array(ClaimSchema) }), "the queue"), ...E400, ...E403, ...E500 } }),
  claim: createRoute({ method: "get", path: "/claims/{id}", tags: ["review"], summary: "One claim with its history (analysts)", request: { params: IdParam }, responses: { 200: json(ClaimDetail, "the claim"), ...E404, ...E500 } }),
  review: createRoute({ method: "post", path: "/claims/{id}/review", tags: ["review"], summary: "Accept, correct, reject (with a reason) or reopen a claim", request: { params: IdParam, ...body(Decision) }, responses: { 200: json(ClaimSchema, "the claim after the decision"), ...E400, ...E403, ...E404, ...E500 } }),
  add: createRoute({ method: "post", path: "/documents/{id}/claims", tags: ["review"], summary: "Add a claim by hand from a span of the document's text", request: { params: IdParam, ...body(ManualClaimInput) }, responses: { 200: json(ClaimSchema, "the new claim"), ...E400, ...E403, ...E404, ...E500 } }),
  supersede: createRoute({ method: "post", path: "/claims/{id}/supersede", tags: ["review"], summary: "Mark a figure superseded by a later one of the same source (by: null clears it)", request: { params: IdParam, ...body(z.object({ by: z.number().int().min(1).nullable() })) }, responses: { 200: json(ClaimSchema, "the claim"), ...E400, ...E403, ...E404, ...E500 } }),
  merge: createRoute({ method: "post", path: "/facts/merge", tags: ["review"], summary: "Merge facts by hand: the claims of `from` join the fact `into`", request: body(z.object({ into: z.string().regex(/^fact_[0-9a-f]+$/), from: z.array(z.string().regex(/^fact_[0-9a-f]+$/)).min(1).max(100) })), responses: { 200: json(z.object({ fact: z.string(), claims: z.array(z.number().int()) }), "merged"), ...E400, ...E403, ...E500 } }),
  split: createRoute({ method: "post", path: "/facts/{id}/split", tags: ["review"], summary: "Split claims out of a fact into a fact of their own", request: { params: FactParam, ...body(z.object({ claimIds: z.array(z.number().int().min(1)).min(1).max(10_000) })) }, responses: { 200: json(z.object({ fact: z.string() }), "the new fact"), ...E400, ...E403, ...E500 } }),
  clear: createRoute({ method: "post", path: "/claims/fact-assignment/clear", tags: ["review"], summary: "Undo merges and splits of these claims", request: body(z.object({ claimIds: z.array(z.number().int().min(1)).min(1).max(10_000) })), responses: { 200: json(z.object({ ok: z.boolean() }), "cleared"), ...E400, ...E403, ...E500 } }),
  restrict: createRoute({ method: "post", path: "/restrict", tags: ["review"], summary: "Mark a document, claim or source restricted (hidden from viewers and public exports) or release it", request: body(z.object({ type: z.enum(["document", "claim", "source"]), id: z.union([z.number().int().min(1), z.string().trim().min(1).max(200)]).openapi({ description: "the record's id; for a source also its name or alias (a record is made for it, linked to its claims)" }), restricted: z.boolean() })), responses: { 200: json(z.object({ ok: z.boolean() }), "done"), ...E400, ...E403, ...E500 } }),
  audit: createRoute({ method: "get", path: "/audit", tags: ["review"], summary: "Audit events, oldest first (analysts and admins)", request: { query: AuditQuery }, responses: { 200: json(z.object({ events: z.array(AuditEventSchema) }), "events"), ...E400, ...E403, ...E500 } }),
};

export function registerReview(app: Api, deps: ApiDeps): void {
  app.openapi(performs(routes.queue, reviewQueue), async (c) => {
    const q = c.req.valid("query");
    const { claims, total } = await performFor(c, deps, reviewQueue, { filter: { ...claimFilterOf(q), status: "proposed" }, order: q.order, limit: q.limit, offset: q.offset });
    return c.json({ total, claims: claims.map(claimOut) }, 200);
  });

  app.openapi(routes.claim, async (c) => {
    const { claim, history } = await performFor(c, deps, showClaim, { id: c.req.valid("param").id });
    return c.json({ claim: claimOut(claim), history }, 200);
  });

  app.openapi(performs(routes.review, reviewClaim), async (c) => {
    const claim = await performFor(c, deps, reviewClaim, { id: c.req.valid("param").id, decision: c.req.valid("json") });
    return c.json(claimOut(claim), 200);
  });

  app.openapi(performs(routes.add, addClaim), async (c) => {
    const claim = await performFor(c, deps, addClaim, { documentId: c.req.valid("param").id, claim: c.req.valid("json") });
    return c.json(claimOut(claim), 200);
  });

  app.openapi(performs(routes.supersede, supersedeClaim), async (c) => {
    const claim = await performFor(c, deps, supersedeClaim, { id: c.req.valid("param").id, by: c.req.valid("json").by });
    return c.json(claimOut(claim), 200);
  });

  app.openapi(performs(routes.merge, mergeFacts), async (c) => {
    const b = c.req.valid("json");
    return c.json(await performFor(c, deps, mergeFacts, { into: b.into, from: b.from }), 200);
  });

  app.openapi(performs(routes.split, splitFact), async (c) => {
    const { fact } = await performFor(c, deps, splitFact, { fact: c.req.valid("param").id, claimIds: c.req.valid("json").claimIds });
    return c.json({ fact }, 200);
  });

  app.openapi(performs(routes.clear, clearFactAssignment), async (c) => {
    return c.json(await performFor(c, deps, clearFactAssignment, { claimIds: c.req.valid("json").claimIds }), 200);
  });

  app.openapi(performs(routes.restrict, restrict), async (c) => {
    const b = c.req.valid("json");
    await performFor(c, deps, restrict, { type: b.type, id: b.id, restricted: b.restricted });
    return c.json({ ok: true }, 200);
  });

  app.openapi(performs(routes.audit, listAuditEvents), async (c) => {
    const q = c.req.valid("query");
    const { events } = await performFor(c, deps, listAuditEvents, {
      ...(q.since ? { since: q.since } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.object_type ? { objectType: q.object_type } : {}),
      ...(q.object_id ? { objectId: q.object_id } : {}),
      ...(q.after_seq !== undefined ? { afterSeq: q.after_seq } : {}),
      limit: q.limit,
    });
    return c.json({ events }, 200);
  });
}
