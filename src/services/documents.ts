// Use case: the list of stored documents, narrowed by publisher, language, a range of publication
// dates, with or without claims, restricted or not, reports or reference data; paged; and, when
// asked, the matching documents counted by publisher, language and year (facets). The API's
// `/documents` (and `/documents.csv`), `tally documents` and the web's documents page all call it.
import { z } from "zod";
import { toCsv } from "../shared/csv.js";
import type { CsvTable } from "../shared/entities/fact-csv.js";
import { Invalid } from "../shared/errors.js";
import type { DocumentListOptions, DocumentSummary, Store } from "../store/index.js";
import { nameOfLanguage, noRulesMessage } from "./language-support.js";
import { DocumentSummarySchema } from "../shared/entities/document.js";
import { DOCUMENT_FACETS } from "../shared/facets.js";

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** true/false, also as the strings of a query or a command line ("true", "false", "yes", "no", "1", "0"). */
const flag = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = v.trim().toLowerCase();
  return ["true", "yes", "1"].includes(s) ? true : ["false", "no", "0"].includes(s) ? false : v;
}, z.boolean({ error: "must be true or false" }));

/** True when the prefix names a real month and day ("2024-02-30" does not). */
function realDate(v: string): boolean {
  const [y, m, d] = v.split("-").map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  return d === undefined || (d >= 1 && d <= new Date(Date.UTC(y as number, m, 0)).getUTCDate());
}

const datePrefix = (what: string) =>
  z.string().trim().regex(ISO_PREFIX, `${what} must be a date YYYY, YYYY-MM or YYYY-MM-DD`).refine(realDate, `${what} is not a real date`);

/** What to list. */
export const DocumentsInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  publisher: z.string().trim().min(1, "publisher must not be empty").max(200).optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z]{2,3}|unknown)$/, "language must be a language code such as en, fa, ar or fr, or unknown")
    .optional(),
  from: datePrefix("from").optional(),
  to: datePrefix("to").optional(),
  hasClaims: flag.optional(),
  restricted: flag.optional(),
  reference: flag.optional(),
  /** Also count the matching documents by these fields, comma-separated (or a list). */
  facets: z
    .preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((e) => e.trim()).filter((e) => e !== "") : v),
      z.array(z.enum(DOCUMENT_FACETS, { error: `facets must be one or more of ${DOCUMENT_FACETS.join(", ")}, comma-separated` })),
    )
    .optional(),
});
export type DocumentsInput = z.input<typeof DocumentsInput>;

/** A document in the list: its summary, the name of its language, and why it has no claims when its language has no rules (the shared schema). */
export const DocumentListItem = DocumentSummarySchema;
export type DocumentListItem = z.infer<typeof DocumentListItem>;

/** A page of documents and the total matching. */
export const DocumentsOutput = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  documents: z.array(DocumentListItem),
  /** With `facets`: per field, its values among every matching document and how many have each, most first. */
  facets: z.record(z.string(), z.array(z.object({ value: z.string().nullable(), count: z.number().int() }))).optional(),
});
export type DocumentsOutput = z.infer<typeof DocumentsOutput>;

/** A stored document's summary as lists show it. */
export function documentListItem(d: DocumentSummary): DocumentListItem {
  const unsupported = d.claimCount === 0 ? noRulesMessage(d.language) : null;
  return {
    id: d.id,
    sha256: d.sha256,
    name: d.name,
    title: d.title,
    mediaType: d.mediaType,
    url: d.url,
    path: d.path,
    publisher: d.publisher,
    published: d.published,
    capturedAt: d.capturedAt,
    collector: d.collector,
    language: d.language,
    languageName: d.language ? nameOfLanguage(d.language) : null,
    simhash: d.simhash,
    size: d.size,
    claimCount: d.claimCount,
    restricted: d.restricted,
    ...(unsupported ? { unsupported } : {}),
  };
}

/** The input checked, or an Invalid naming the field at fault. */
export function parseDocumentsInput(input: unknown): z.infer<typeof DocumentsInput> {
  const parsed = DocumentsInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "input";
    const message = issue?.message ?? "invalid";
    throw new Invalid(message.startsWith(field) ? message : `${field}: ${message}`, field);
  }
  const q = parsed.data;
  if (q.from !== undefined && q.to !== undefined && q.from.slice(0, q.to.length) > q.to) throw new Invalid(`from (${q.from}) is after to (${q.to})`, "from");
  return q;
}

/** The store's filter of a checked input. */
function storeFilter(q: z.infer<typeof DocumentsInput>): Omit<DocumentListOptions, "limit" | "offset"> {
  return {
    ...(q.publisher !== undefined ? { publisher: q.publisher } : {}),
    ...(q.language !== undefined ? { language: q.language === "unknown" ? null : q.language } : {}),
    ...(q.from !== undefined ? { publishedFrom: q.from } : {}),
    ...(q.to !== undefined ? { publishedTo: q.to } : {}),
    ...(q.hasClaims !== undefined ? { hasClaims: q.hasClaims } : {}),
    ...(q.restricted !== undefined ? { restricted: q.restricted } : {}),
    ...(q.reference !== undefined ? { reference: q.reference } : {}),
  };
}

/** A page of the documents the input asks for, newest capture first, with the total matching. */
export async function listDocumentsPage(store: Store, input: unknown): Promise<DocumentsOutput> {
  const q = parseDocumentsInput(input);
  const filter = storeFilter(q);
  const fields = q.facets ?? [];
  const [documents, total, facets] = await Promise.all([
    store.listDocuments({ limit: q.limit, offset: q.offset, ...filter }),
    store.countDocuments(filter),
    fields.length > 0 ? store.documentFacets(filter, fields) : null,
  ]);
  return { total, limit: q.limit, offset: q.offset, documents: documents.map(documentListItem), ...(facets ? { facets } : {}) };
}

/** Columns of the documents CSV (`tally documents --format csv`, `/api/v1/documents.csv`). */
export const DOCUMENT_COLUMNS = ["id", "sha256", "name", "title", "media_type", "publisher", "published", "captured", "collector", "language", "claims", "restricted", "url", "path", "size"];

/** The documents of a page as a table to download (columns DOCUMENT_COLUMNS), in the page's order. */
export function documentsTable(page: DocumentsOutput): CsvTable {
  return {
    name: "documents",
    columns: DOCUMENT_COLUMNS,
    rows: page.documents.map((d) => [d.id, d.sha256, d.name, d.title, d.mediaType, d.publisher, d.published, d.capturedAt, d.collector, d.language, d.claimCount, d.restricted, d.url, d.path, d.size]),
  };
}

/** The documents of a page as CSV, one row each, in the page's order. */
export function documentsCsv(page: DocumentsOutput): string {
  const t = documentsTable(page);
  return toCsv(t.columns, t.rows) + "\r\n";
}
