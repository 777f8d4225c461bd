// What a reader may see. Restricted material (a document, a claim, or a source such as a witness)
// is left out of every read for readers without access: lists, counts, search, facts, exports.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { Database } from "./schema.js";
import type { Access } from "./store.js";

/** Everything, restricted material included: the operator of an embedded store, admins, analysts. */
export const FULL_ACCESS: Access = Object.freeze({ restricted: true });
/** Nothing restricted: viewers, public exports. */
export const PUBLIC_ACCESS: Access = Object.freeze({ restricted: false });

/** Claims the reader may see: not restricted, not in a restricted document, not credited to a restricted source. */
export function visibleClaim(eb: ExpressionBuilder<Database, "claims">, access: Access): Expression<SqlBool> | null {
  if (access.restricted) return null;
  return eb.and([
    eb("claims.restricted", "=", 0),
    eb("claims.document_id", "not in", eb.selectFrom("documents as rd").select("rd.id").where("rd.restricted", "=", 1)),
    eb.or([
      eb("claims.source_id", "is", null),
      eb("claims.source_id", "not in", eb.selectFrom("sources as rs").select("rs.id").where("rs.restricted", "=", 1)),
    ]),
  ]);
}

/** Documents the reader may see. */
export function visibleDocument(eb: ExpressionBuilder<Database, "documents">, access: Access): Expression<SqlBool> | null {
  return access.restricted ? null : eb("documents.restricted", "=", 0);
}
