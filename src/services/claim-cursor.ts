// The cursor of a claims list (issue 24): an opaque token naming where the next page starts, the
// key of the last claim given in the list's order (the store's ClaimKey) and that order. A client
// pages through millions of claims with it (`cursor=` in, `next` out) at the cost of the first
// page, where an offset would read and drop every claim before it. The token is base64url of a
// small JSON array; a token that is not one (or is another order's) is refused naming `cursor`.
import { Invalid } from "../shared/errors.js";
import { claimKey, keyFits, type ClaimKey, type ClaimSort, type StoredClaim } from "../store/index.js";

/** The token of a page starting after `claim` in the order `sort`. */
export function cursorAfter(sort: ClaimSort, claim: StoredClaim): string {
  const key = claimKey(sort, claim);
  return Buffer.from(JSON.stringify([sort, ...key.values, key.id]), "utf8").toString("base64url");
}

/** The key a token names for the order `sort`; Invalid (field `cursor`) when it is not a token of that order's. */
export function keyOfCursor(sort: ClaimSort, token: string, field = "cursor"): ClaimKey {
  const refuse = (why: string) => new Invalid(`${field} is not a cursor of this list (${why}): pass the \`next\` of a page in the order ${sort}`, field);
  if (token.length > 400 || !/^[\w-]+$/.test(token)) throw refuse("not a token");
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw refuse("not a token");
  }
  if (!Array.isArray(parsed) || parsed.length < 2) throw refuse("not a token");
  const [order, ...rest] = parsed as unknown[];
  if (order !== sort) throw refuse(typeof order === "string" ? `given for the order ${order}` : "not a token");
  const key = { values: rest.slice(0, -1) as ClaimKey["values"], id: rest[rest.length - 1] as number };
  if (!keyFits(sort, key)) throw refuse("not a token");
  return key;
}
