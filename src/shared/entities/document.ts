// The document as lists and searches show it: its summary (no text) and a search's ranked hits.
// Plain zod, shared by the API's answers and OpenAPI document and the pages' types.
import { z } from "zod";

export const DocumentSummarySchema = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    mediaType: z.string(),
    url: z.string().nullable(),
    path: z.string().nullable(),
    publisher: z.string().nullable(),
    published: z.string().nullable(),
    capturedAt: z.string(),
    collector: z.string(),
    language: z.string().nullable().meta({ description: "ISO 639-1 code of the language detected at ingest", example: "fa" }),
    languageName: z.string().nullable().meta({ example: "Persian" }),
    simhash: z.string().nullable(),
    size: z.number().int(),
    claimCount: z.number().int(),
    restricted: z.boolean(),
    unsupported: z
      .string()
      .optional()
      .meta({ description: "why the document has no claims, when its language has no extraction rules", example: "no claims extracted: language Turkish has no extraction rules" }),
  })
  .meta({ id: "DocumentSummary" });

export const SearchSchema = z
  .object({
    q: z.string(),
    hits: z.array(
      z.object({
        documentId: z.number().int(),
        name: z.string(),
        title: z.string().nullable(),
        publisher: z.string().nullable(),
        published: z.string().nullable(),
        snippet: z.string().meta({ description: "text around the match; matched words wrapped in [ and ]" }),
        score: z.number(),
      }),
    ),
    ranked: z.number().int().meta({ description: "matching documents ranked: the most recently stored ones, at most `window`" }),
    complete: z.boolean().meta({ description: "false when more documents match than were ranked (older ones were left out); add words to narrow" }),
  })
  .meta({ id: "SearchResults" });
