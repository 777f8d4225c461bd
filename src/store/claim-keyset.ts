// Keyset pages of claims (issue 24): a page that starts after a given claim of the list's order
// rather than at an offset, so that reading the millionth claim costs what reading the first does
// (OFFSET reads and drops every claim before it). Every order ends with the claim's id, so the key
// of the last claim read (its sort columns and id) names one place in the order: the claims after
// it are those whose key compares greater, with the order's directions and NULLs last.
import type { Expression, ExpressionBuilder, SqlBool } from "kysely";
import type { ClaimKey, ClaimSort, StoredClaim } from "./contracts/claims.js";
import type { Database } from "./schema.js";

/** One column of an order: its type (what a key's value must be), direction, and whether it holds NULLs (last). */
export interface KeyColumn {
  column: "claims.period_start" | "claims.count" | "documents.published" | "claims.created_at" | "claims.confidence";
  type: "text" | "integer" | "number";
  desc: boolean;
  nullable: boolean;
  /** The value of this column for a stored claim. */
  of(c: StoredClaim): string | number | null;
}

const periodStart: KeyColumn = { column: "claims.period_start", type: "text", desc: true, nullable: true, of: (c) => c.period?.start ?? null };
const count: KeyColumn = { column: "claims.count", type: "integer", desc: true, nullable: false, of: (c) => c.count };
const published: KeyColumn = { column: "documents.published", type: "text", desc: true, nullable: true, of: (c) => c.documentPublished };
const createdAt: KeyColumn = { column: "claims.created_at", type: "text", desc: false, nullable: false, of: (c) => c.createdAt };
const confidence: KeyColumn = { column: "claims.confidence", type: "number", desc: false, nullable: true, of: (c) => c.confidence ?? null };

/** The columns before the id of each order, as ClaimReads.queryClaims sorts. */
export const ORDER_KEYS: Readonly<Record<ClaimSort, readonly KeyColumn[]>> = {
  period: [periodStart],
  count: [count],
  published: [published],
  id: [],
  oldest: [createdAt],
  consequential: [count],
  uncertain: [confidence, createdAt],
};

/** The key of a claim in an order: where a page after it starts. */
export function claimKey(sort: ClaimSort, c: StoredClaim): ClaimKey {
  return { values: ORDER_KEYS[sort].map((k) => k.of(c)), id: c.id };
}

/** Whether a key has the shape of the order's (as many values as columns, each of its column's type or NULL where it may be). */
export function keyFits(sort: ClaimSort, key: ClaimKey): boolean {
  const cols = ORDER_KEYS[sort];
  if (!Number.isSafeInteger(key.id) || key.id < 0 || key.values.length !== cols.length) return false;
  return cols.every((col, i) => {
    const v = key.values[i];
    if (v === null) return col.nullable;
    if (col.type === "text") return typeof v === "string" && v.length <= 100;
    if (col.type === "integer") return Number.isSafeInteger(v);
    return typeof v === "number" && Number.isFinite(v);
  });
}

/**
 * The claims after `key` in the order: for some column, the ones before it equal to the key's and
 * this one past it (beyond its value in the direction, or NULL when the key's is not: NULLs come
 * last); or every column equal and a larger id.
 */
export function afterKey(eb: ExpressionBuilder<Database, "claims" | "documents">, sort: ClaimSort, key: ClaimKey): Expression<SqlBool> {
  const cols = ORDER_KEYS[sort];
  const equal: Expression<SqlBool>[] = [];
  const either: Expression<SqlBool>[] = [];
  cols.forEach((col, i) => {
    const v = key.values[i] ?? null;
    if (v !== null) {
      const beyond = eb(col.column, col.desc ? "<" : ">", v);
      either.push(eb.and([...equal, col.nullable ? eb.or([beyond, eb(col.column, "is", null)]) : beyond]));
      equal.push(eb(col.column, "=", v));
    } else equal.push(eb(col.column, "is", null));
  });
  either.push(eb.and([...equal, eb("claims.id", ">", key.id)]));
  return either.length === 1 ? (either[0] as Expression<SqlBool>) : eb.or(either);
}
