// A small CSV writer (RFC 4180): fields with commas, quotes or line breaks are quoted, quotes doubled.

/** A value of a CSV cell. */
export type CsvValue = string | number | boolean | null | undefined;

/** One field, quoted when it holds a comma, a quote, a line break or leading/trailing spaces. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV document: the header line, then one line per row, lines ending in CRLF as RFC 4180 asks. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n");
}
