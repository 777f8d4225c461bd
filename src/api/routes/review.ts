// Routes of analyst review: the queue, decisions on claims, claims added by hand, supersession,
// merging and splitting facts, restriction, and the audit trail.
import { createRoute, z } from "@hono/zod-openapi";
import { claimHistory } from "../../services/claim-history.js";
import { consequentialClaims } from "../../services/consequential.js";
import { FactsService } from "../../services/facts.js";
import { loadRegistry } from "../../services/registry-file.js";
import { sourceRecord } from "../../services/source-records.js";
import type { ClaimSort, ReviewDecision } from "../../store/index.js";
import { EVENT_TYPES, QUALIFIERS, VICTIM_GROUPS } from "../../core/types.js";
import { requireRole, storeOf } from "../auth.js";
import { scopeOf } from "../facts-provider.js";
import type { Api, ApiDeps } from "../context.js";
import { ApiError } from "../errors.js";
import { claimFilterOf, claimOut } from "../present.js";
import { ClaimFilterQuery, ClaimSchema } from "../schemas.js";
import { E400, E403, E404, E500, json } from "./common.js";


const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, type: "integer", example: 1 }) });
const FactParam = z.object({ id: z.string().regex(/^fact_[0-9a-f]+$/).openapi({ param: { name: "id", in: "path" }, example: "fact_0123abcd" }) });
const Period = z.object({ start: z.string(), end: z.string() });
const Fields = z.object({
  event: z.enum(EVENT_TYPES),
  count: z.number().int().min(0),
  qualifier: z.enum(QUALIFIERS),
  period: Period.nullable(),
  place: z.string().max(500).nullable(),
  victims: z.array(z.enum(VICTIM_GROUPS)),
  source: z.string().max(500).nullable(),
});
const reason = z.string().trim().max(2000);
const Decision = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("accept"), reason: reason.optional() }),
    z.object({ action: z.literal("reject"), reason: reason.min(1, "a rejection needs a reason") }),
    z.object({ action: z.literal("correct"), fields: Fields.partial(), reason: reason.optional() }),
    z.object({ action: z.literal("reopen"), reason: reason.optional() }),
  ])
  .openapi("ReviewDecision");
const HistoryEntry = z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), before: z.unknown(), after: z.unknown(), reason: z.string().nullable() });
const ClaimDetail = z.object({ claim: ClaimSchema, history: z.array(HistoryEntry).nullable().openapi({ description: "null for viewers" }) }).openapi("ClaimDetail");
const QueueQuery = ClaimFilterQuery.extend({
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
  add: createRoute({ method: "post", path: "/documents/{id}/claims", tags: ["review"], summary: "Add a claim by hand from a span of the document's text", request: { params: IdParam, ...body(Fields.extend({ span: z.tuple([z.number().int().min(0), z.number().int().min(1)]), reason: reason.optional() })) }, responses: { 200: json(ClaimSchema, "the new claim"), ...E400, ...E403, ...E404, ...E500 } }),
  supersede: createRoute({ method: "post", path: "/claims/{id}/supersede", tags: ["review"], summary: "Mark a figure superseded by a later one of the same source (by: null clears it)", request: { params: IdParam, ...body(z.object({ by: z.number().int().min(1).nullable() })) }, responses: { 200: json(ClaimSchema, "the claim"), ...E400, ...E403, ...E404, ...E500 } }),
  merge: createRoute({ method: "post", path: "/facts/merge", tags: ["review"], summary: "Merge facts by hand: the claims of `from` join the fact `into`", request: body(z.object({ into: z.string().regex(/^fact_[0-9a-f]+$/), from: z.array(z.string().regex(/^fact_[0-9a-f]+$/)).min(1).max(100) })), responses: { 200: json(z.object({ fact: z.string(), claims: z.array(z.number().int()) }), "merged"), ...E400, ...E403, ...E500 } }),
  split: createRoute({ method: "post", path: "/facts/{id}/split", tags: ["review"], summary: "Split claims out of a fact into a fact of their own", request: { params: FactParam, ...body(z.object({ claimIds: z.array(z.number().int().min(1)).min(1).max(10_000) })) }, responses: { 200: json(z.object({ fact: z.string() }), "the new fact"), ...E400, ...E403, ...E500 } }),
  clear: createRoute({ method: "post", path: "/claims/fact-assignment/clear", tags: ["review"], summary: "Undo merges and splits of these claims", request: body(z.object({ claimIds: z.array(z.number().int().min(1)).min(1).max(10_000) })), responses: { 200: json(z.object({ ok: z.boolean() }), "cleared"), ...E400, ...E403, ...E500 } }),
  restrict: createRoute({ method: "post", path: "/restrict", tags: ["review"], summary: "Mark a document, claim or source restricted (hidden from viewers and public exports) or release it", request: body(z.object({ type: z.enum(["document", "claim", "source"]), id: z.union([z.number().int().min(1), z.string().trim().min(1).max(200)]).openapi({ description: "the record's id; for a source also its name or alias (a record is made for it, linked to its claims)" }), restricted: z.boolean() })), responses: { 200: json(z.object({ ok: z.boolean() }), "done"), ...E400, ...E403, ...E500 } }),
  audit: createRoute({ method: "get", path: "/audit", tags: ["review"], summary: "Audit events, oldest first (analysts and admins)", request: { query: AuditQuery }, responses: { 200: json(z.object({ events: z.array(AuditEventSchema) }), "events"), ...E400, ...E403, ...E500 } }),
};

export function registerReview(app: Api, deps: ApiDeps): void {
  app.openapi(routes.queue, async (c) => {
    requireRole(c, "analyst");
    const q = c.req.valid("query");
    const store = storeOf(c);
    const filter = { ...claimFilterOf(q), status: "proposed" as const };
    const sort: ClaimSort = q.order;
    const page = { limit: q.limit, offset: q.offset };
    // Most consequential: the claims of the ranked conflicts first (services/consequential.ts).
    const claimsOf = async () => (sort === "consequential" ? consequentialClaims(store, (await deps.facts.snapshot(scopeOf(store))).facts, filter, page) : store.queryClaims(filter, { ...page, sort }));
    const [claims, total] = await Promise.all([claimsOf(), store.countClaims(filter)]);
    return c.json({ total, claims: claims.map(claimOut) }, 200);
  });

  app.openapi(routes.claim, async (c) => {
    const { id } = c.req.valid("param");
    const store = storeOf(c);
    const claim = await store.getClaim(id);
    if (!claim) throw new ApiError(404, "not_found", `no claim ${id}`);
    const analyst = store.access.restricted;
    return c.json({ claim: claimOut(claim), history: analyst ? await claimHistory(store, claim.documentId, id) : null }, 200);
  });

  app.openapi(routes.review, async (c) => {
    const { id } = c.req.valid("param");
    const decision = c.req.valid("json") as ReviewDecision;
    return c.json(claimOut(await storeOf(c).reviewClaim(id, decision)), 200);
  });

  app.openapi(routes.add, async (c) => {
    const { id } = c.req.valid("param");
    const b = c.req.valid("json");
    return c.json(claimOut(await storeOf(c).addClaim(id, { ...b, span: [b.span[0], b.span[1]], ...(b.reason ? { reason: b.reason } : {}) })), 200);
  });

  app.openapi(routes.supersede, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(claimOut(await storeOf(c).supersedeClaim(id, c.req.valid("json").by)), 200);
  });

  app.openapi(routes.merge, async (c) => {
    const store = storeOf(c);
    const b = c.req.valid("json");
    // Merges and splits link afresh from the reader's claims (the served facts may be another thread's).
    const claims = await (await FactsService.open(store, deps.config.dataDir)).mergeFacts(b.into, b.from, store);
    return c.json({ fact: b.into, claims }, 200);
  });

  app.openapi(routes.split, async (c) => {
    const store = storeOf(c);
    const { id } = c.req.valid("param");
    const fact = await (await FactsService.open(store, deps.config.dataDir)).splitFact(id, c.req.valid("json").claimIds, store);
    return c.json({ fact }, 200);
  });

  app.openapi(routes.clear, async (c) => {
    await storeOf(c).setFactOverride(c.req.valid("json").claimIds, null);
    return c.json({ ok: true }, 200);
  });

  app.openapi(routes.restrict, async (c) => {
    const b = c.req.valid("json");
    const store = storeOf(c);
    if (typeof b.id === "string" && b.type !== "source") throw new ApiError(400, "invalid_request", `id: a ${b.type} is named by its number`);
    const id = typeof b.id === "number" ? b.id : (await sourceRecord(store, await loadRegistry(deps.config.dataDir), b.id as string)).id;
    await store.setRestricted({ type: b.type, id }, b.restricted);
    return c.json({ ok: true }, 200);
  });

  app.openapi(routes.audit, async (c) => {
    requireRole(c, "analyst");
    const q = c.req.valid("query");
    const events = await storeOf(c).listAuditEvents({
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
