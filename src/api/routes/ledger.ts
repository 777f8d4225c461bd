// Routes over the stored ledger: documents, claims, search (their downloads: routes/exports.ts).
import { createRoute } from "@hono/zod-openapi";
import type { ClaimFacet } from "../../shared/facets.js";
import { listClaims as listClaimsCase } from "../../services/use-cases/claims.js";
import { documentsPage, listDocuments as listDocumentsCase, searchDocuments, showDocument } from "../../services/use-cases/documents.js";
import { performFor } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { claimFilterOf, claimOut, documentSummaryOut, httpRecord } from "../present.js";
import {
  ClaimListSchema,
  ClaimsQuery,
  DocumentDetailSchema,
  DocumentListSchema,
  DocumentRef,
  DocumentsQuery,
  SearchQuery,
  SearchSchema,
} from "../schemas.js";
import { E400, E404, E500, json } from "./common.js";

const listDocuments = createRoute({
  method: "get",
  path: "/documents",
  tags: ["ledger"],
  summary: "Stored documents, newest capture first",
  request: { query: DocumentsQuery },
  responses: { 200: json(DocumentListSchema, "a page of documents"), ...E400, ...E500 },
});

const getDocument = createRoute({
  method: "get",
  path: "/documents/{ref}",
  tags: ["ledger"],
  summary: "One document: working text, claims (with their facts), related documents, provenance",
  request: { params: DocumentRef },
  responses: { 200: json(DocumentDetailSchema, "the document"), ...E400, ...E404, ...E500 },
});

const listClaims = createRoute({
  method: "get",
  path: "/claims",
  tags: ["ledger"],
  summary: "Claims matching a filter (as `tally claims`), sorted and paged",
  request: { query: ClaimsQuery },
  responses: { 200: json(ClaimListSchema, "a page of claims with the total matching"), ...E400, ...E500 },
});

const search = createRoute({
  method: "get",
  path: "/search",
  tags: ["ledger"],
  summary: "Ranked full-text search over documents, with snippets",
  request: { query: SearchQuery },
  responses: { 200: json(SearchSchema, "ranked hits"), ...E400, ...E500 },
});

/** Matching claims counted at most (issue 24): past it, `total` is this and `totalExact` false. */
export const CLAIMS_COUNT_UP_TO = 10_000;

const uc = { listDocuments: listDocumentsCase, showDocument, listClaims: listClaimsCase, searchDocuments };

function parseRef(ref: string): number | string {
  return /^\d+$/.test(ref) ? Number(ref) : ref.toLowerCase();
}

export function registerLedger(app: Api, deps: ApiDeps): void {

  app.openapi(listDocuments, async (c) => c.json(await performFor(c, deps, documentsPage, c.req.valid("query")), 200));

  app.openapi(getDocument, async (c) => {
    const { ref } = c.req.valid("param");
    // Reviewers see rejected claims too (to reopen them); readers only the standing ones.
    const { document: doc, claims, related, facts: factOf = {}, factsStatus: status } = await performFor(c, deps, uc.showDocument, { ref: parseRef(ref), rejected: true, facts: true });
    if (!status) throw new Error("documents.show answered without the facts it was asked for");
    return c.json(
      {
        document: { ...documentSummaryOut(doc), text: doc.text, createdAt: doc.createdAt },
        provenance: {
          sha256: doc.sha256,
          mediaType: doc.mediaType,
          size: doc.size,
          url: doc.url,
          path: doc.path,
          publisher: doc.publisher,
          published: doc.published,
          capturedAt: doc.capturedAt,
          collector: doc.collector,
          language: doc.language,
          http: httpRecord(doc.headers),
        },
        claims: claims.map(claimOut),
        facts: factOf,
        factsStatus: status,
        related: related.map((r) => ({ document: documentSummaryOut(r.document), kind: r.kind, similarity: r.similarity })),
      },
      200,
    );
  });

  app.openapi(listClaims, async (c) => {
    const q = c.req.valid("query");
    const filter = claimFilterOf(q);
    const fields = q.facets ? (q.facets.split(",").map((f) => f.trim()) as ClaimFacet[]) : [];
    // A period's claims are counted up to CLAIMS_COUNT_UP_TO ("10,000+") unless a tally holds their number.
    const { claims, total, totalExact, next, facets } = await performFor(c, deps, uc.listClaims, {
      filter, sort: q.sort, limit: q.limit, offset: q.offset, cursor: q.cursor, countUpTo: CLAIMS_COUNT_UP_TO, ...(fields.length > 0 ? { facets: fields } : {}),
    });
    return c.json({ total, totalExact, limit: q.limit, offset: q.offset, sort: q.sort, next, claims: claims.map(claimOut), ...(facets ? { facets } : {}) }, 200);
  });

  app.openapi(search, async (c) => {
    const q = c.req.valid("query");
    const result = await performFor(c, deps, uc.searchDocuments, { words: q.q, limit: q.limit, window: q.window });
    return c.json({ q: q.q, ...result }, 200);
  });
}
