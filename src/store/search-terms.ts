// Makes user search input safe: words only, each quoted, so no input can change the query syntax.

/** The words of a search string (letters, digits and combining marks), at most 32 of them. */
export function searchTerms(input: string): string[] {
  return (input.normalize("NFC").match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).slice(0, 32);
}

/** An FTS5 MATCH expression requiring every term, each as a quoted string. */
export function fts5Query(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(" ");
}
