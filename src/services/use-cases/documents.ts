// Use cases of reading documents: a page of them, one with its claims and related documents,
// full-text search, and the audit trail. `tally docs|show|search|audit log` and GET /documents,
// /documents/{ref}, /search and /audit perform these.
import { z } from "zod";
import { ClaimEntity } from "../../shared/entities/claim.js";
import { FactsStatusSchema } from "../../shared/entities/fact.js";
import { MAX_SEARCH_WINDOW, SEARCH_WINDOW } from "../../shared/search-window.js";
import { NotFound } from "../../shared/errors.js";
import { CLAIM_STATUSES, type AuditEvent, type DocumentSummary, type RelatedDocument, type SearchResult, type StoredDocument } from "../../store/index.js";
import { roleAtLeast } from "../auth.js";
import { DocumentsOutput, listDocumentsPage } from "../documents.js";
import { snapshotOf } from "./facts.js";
import { useCase } from "./use-case.js";

// The stored document's shapes are the store's; their API presentation lives in src/api/present.ts.
const document = z.custom<StoredDocument>((v) => typeof v === "object" && v !== null);
const summary = z.custom<DocumentSummary>((v) => typeof v === "object" && v !== null);
const related = z.custom<RelatedDocument>((v) => typeof v === "object" && v !== null);

/** A page of documents, newest capture first, of one publisher or language when given; counted when asked. */
export const listDocuments = useCase({
  name: "documents.list",
  role: "viewer",
  input: z.object({
    limit: z.number().int().min(0),
    offset: z.number().int().min(0).default(0),
    publisher: z.string().optional(),
    /** null: documents with no language detected. */
    language: z.string().nullable().optional(),
    counted: z.boolean().default(false),
  }),
  output: z.object({ documents: z.array(summary), total: z.number().int().nullable() }),
  async run({ store }, { limit, offset, publisher, language, counted }) {
    const filter = { ...(publisher !== undefined ? { publisher } : {}), ...(language !== undefined ? { language } : {}) };
    const [documents, total] = await Promise.all([store.listDocuments({ limit, offset, ...filter }), counted ? store.countDocuments(filter) : null]);
    return { documents, total };
  },
});

/**
 * One document by number or SHA-256 prefix, with its claims (clutter included) and the documents
 * related to it. With `rejected`, analysts also get the rejected claims (to reopen them); with
 * `facts`, the fact each claim is counted in and how current the facts are.
 */
export const showDocument = useCase({
  name: "documents.show",
  role: "viewer",
  input: z.object({ ref: z.union([z.number().int().min(0), z.string().regex(/^[0-9a-f]{4,64}$/)]), rejected: z.boolean().default(false), facts: z.boolean().default(false) }),
  output: z.object({
    document,
    claims: z.array(ClaimEntity),
    related: z.array(related),
    /** With `facts`: claim id → the id of the fact it is counted in, and how current the facts are. */
    facts: z.record(z.string(), z.string()).optional(),
    factsStatus: FactsStatusSchema.optional(),
  }),
  async run(ctx, { ref, rejected, facts: withFacts }) {
    const { store, caller } = ctx;
    const doc = await store.getDocument(ref);
    if (!doc) throw new NotFound("document", ref, "id", `no document ${ref}`);
    const all = rejected && roleAtLeast(caller.role, "analyst");
    const [claims, rel] = await Promise.all([
      store.queryClaims({ documentId: doc.id, includeClutter: true, ...(all ? { status: [...CLAIM_STATUSES] } : {}) }, { limit: 100_000, offset: 0, sort: "id" }),
      store.relatedDocuments(doc.id),
    ]);
    if (!withFacts) return { document: doc, claims, related: rel };
    const { facts, status } = await snapshotOf(ctx);
    const factOf = facts ? await facts.factsOfClaims(claims.map((cl) => String(cl.id))) : {};
    return { document: doc, claims, related: rel, facts: factOf, factsStatus: status };
  },
});

/** Ranked full-text search over documents, over the `window` most recently stored matches. */
export const searchDocuments = useCase({
  name: "documents.search",
  role: "viewer",
  input: z.object({ words: z.string().trim().min(1), limit: z.number().int().min(0), window: z.number().int().min(1).max(Math.max(MAX_SEARCH_WINDOW, 1_000_000)).default(SEARCH_WINDOW) }),
  output: z.custom<SearchResult>((v) => typeof v === "object" && v !== null),
  run: ({ store }, { words, limit, window }) => store.search(words, { limit, window }),
});

/** Audit events matching a filter, oldest first (analysts and admins). */
export const listAuditEvents = useCase({
  name: "audit.list",
  role: "analyst",
  input: z.object({
    since: z.string().optional(),
    actor: z.string().optional(),
    objectType: z.string().optional(),
    objectId: z.string().optional(),
    afterSeq: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).optional(),
  }),
  output: z.object({ events: z.array(z.custom<AuditEvent>((v) => typeof v === "object" && v !== null)) }),
  async run({ store }, filter) {
    return { events: await store.listAuditEvents(filter) };
  },
});

/**
 * A page of documents with the workbench's filters (publisher, language, publication dates,
 * standing claims, restricted, reference data) and the total matching. The input is checked by the
 * documents' own schema (services/documents.ts), which names the field at fault.
 */
export const documentsPage = useCase({
  name: "documents.page",
  role: "viewer",
  input: z.looseObject({}),
  output: DocumentsOutput,
  run: ({ store }, input) => listDocumentsPage(store, input),
});
