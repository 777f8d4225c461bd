// Normalises publication dates found in metadata to ISO prefixes (YYYY, YYYY-MM or YYYY-MM-DD).

const ISO_PREFIX = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s]|[+-]\d|Z)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;

const pad = (n: number): string => String(n).padStart(2, "0");

/** True when year, month and day form a real calendar date (month and day optional). */
export function isValidDateParts(year: number, month?: number, day?: number): boolean {
  if (year < 1000 || year > 9999) return false;
  if (month === undefined) return day === undefined;
  if (month < 1 || month > 12) return false;
  if (day === undefined) return true;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** True when `value` is an ISO date prefix: YYYY, YYYY-MM or YYYY-MM-DD, and a real date. */
export function isIsoDatePrefix(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  return isValidDateParts(Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
}

/** A metadata date ("2023-05-14T10:00:00Z", "2023/05/14", "14 May 2023") as an ISO prefix, or null. */
export function normaliseDate(raw: string | null | undefined): string | null {
  const value = (raw ?? "").trim();
  if (!value || value.length > 100) return null;
  const iso = ISO_PREFIX.exec(value) ?? COMPACT.exec(value);
  if (iso) {
    const year = Number(iso[1]);
    const month = iso[2] === undefined ? undefined : Number(iso[2]);
    const day = iso[3] === undefined ? undefined : Number(iso[3]);
    if (!isValidDateParts(year, month, day)) return null;
    return [String(year), month === undefined ? null : pad(month), day === undefined ? null : pad(day)]
      .filter((p): p is string => p !== null)
      .join("-");
  }
  if (!/[a-z]/i.test(value) || !/\d{4}/.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const utc = /\d:\d\d/.test(value);
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const m = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  return isValidDateParts(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}
