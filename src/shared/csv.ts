// CSV output (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes doubled.

function field(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  // A leading = + - @ would be read as a formula by spreadsheets: prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV document: a header line and one line per row. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map(csvLine).join("\r\n");
}

/** One line of a CSV document, without its line break (as `toCsv` writes each line). */
export function csvLine(row: readonly unknown[]): string {
  return row.map(field).join(",");
}
