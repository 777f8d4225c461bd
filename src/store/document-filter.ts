// Which documents a list or count is about: publisher, language, a range of publication dates,
// with or without claims, restricted or not, reference data or reports. One condition for both
// the page and its total, so that they always agree.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import type { Database } from "./schema.js";
import type { Access, DocumentListOptions } from "./store.js";
import { visibleClaim, visibleDocument } from "./visibility.js";

/** The collector recorded with the pseudo-documents of a reference dataset (`tally reference load`). */
export const REFERENCE_COLLECTOR = "tally reference";

/** The filter fields of DocumentListOptions. */
export type DocumentFilter = Omit<DocumentListOptions, "limit" | "offset">;

/** The publication date cut to the precision of `bound` ("2024", "2024-05", "2024-05-01"). */
const publishedTo = (bound: string) => sql<string>`substr(documents.published, 1, ${sql.lit(bound.length)})`;

/** The documents of `filter` the reader may see, as one condition (null: every document). */
export function documentWhere(eb: ExpressionBuilder<Database, "documents">, filter: DocumentFilter, access: Access): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  const visible = visibleDocument(eb, access);
  if (visible) parts.push(visible);
  if (filter.publisher !== undefined) parts.push(eb(eb.fn("lower", ["documents.publisher"]), "=", filter.publisher.toLowerCase()));
  if (filter.language !== undefined) parts.push(filter.language === null ? eb("documents.language", "is", null) : eb("documents.language", "=", filter.language));
  // A document dated "2024" is in a range from 2024-03: its date, cut to the bound's precision, is compared.
  if (filter.publishedFrom !== undefined) parts.push(eb(publishedTo(filter.publishedFrom), ">=", filter.publishedFrom));
  if (filter.publishedTo !== undefined) parts.push(eb(publishedTo(filter.publishedTo), "<=", filter.publishedTo));
  if (filter.restricted !== undefined) parts.push(eb("documents.restricted", "=", filter.restricted ? 1 : 0));
  if (filter.reference !== undefined) parts.push(filter.reference ? eb("documents.collector", "=", REFERENCE_COLLECTOR) : eb("documents.collector", "!=", REFERENCE_COLLECTOR));
  if (filter.hasClaims !== undefined) {
    const claims = eb
      .selectFrom("claims")
      .select("claims.id")
      .whereRef("claims.document_id", "=", "documents.id")
      .where("claims.status", "!=", "rejected")
      .where((sub) => visibleClaim(sub, access) ?? sub.lit(true));
    parts.push(filter.hasClaims ? eb.exists(claims) : eb.not(eb.exists(claims)));
  }
  return eb.and(parts);
}
