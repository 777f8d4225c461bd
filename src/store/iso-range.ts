// Turns ISO date prefixes (YYYY, YYYY-MM, YYYY-MM-DD) into the first or last day they cover.
import { Invalid } from "../shared/errors.js";

const PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First day covered by an ISO date prefix: "2022" → "2022-01-01". */
export function rangeStart(prefix: string): string {
  const [, y, m, d] = parse(prefix);
  return `${y}-${m ?? "01"}-${d ?? "01"}`;
}

/** Last day covered by an ISO date prefix: "2024-02" → "2024-02-29". */
export function rangeEnd(prefix: string): string {
  const [, y, m, d] = parse(prefix);
  if (d !== undefined) return `${y}-${m}-${d}`;
  if (m === undefined) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, "0")}`;
}

/** Year of an ISO date or prefix, or null. */
export function yearOf(iso: string | null | undefined): number | null {
  const match = iso ? /^(\d{4})/.exec(iso) : null;
  return match?.[1] ? Number(match[1]) : null;
}

function parse(prefix: string): [string, string, string | undefined, string | undefined] {
  const match = PREFIX.exec(prefix.trim());
  if (!match?.[1]) throw new Invalid(`not an ISO date or prefix (YYYY, YYYY-MM, YYYY-MM-DD): ${JSON.stringify(prefix)}`);
  return [match[0], match[1], match[2], match[3]];
}
