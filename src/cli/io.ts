// What a command may touch of the outside world: output streams and the exit code. Tests
// pass their own to run commands in-process.
import { isIsoDatePrefix } from "../ingest/dates.js";

/** Output channels and result of one CLI run. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** A line with Tally's own colours, whose untrusted text is escaped already (escapeControls); default: out. */
  styled?: (line: string) => void;
  isTTY: boolean;
  exitCode: number;
}

/** A usage error: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** Checks a --format value (or another option's, named by `option`) against the allowed ones. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option = "--format"): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(", ")} (got "${value}")`);
}

/** Checks a whole-number option such as --limit or --offset. */
export function parseCount(value: string, option: string, max = 1_000_000, min = 0): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > max || Number(value) < min) throw new UsageError(`${option} must be a whole number from ${min} to ${max} (got "${value}")`);
  return Number(value);
}

/** Checks a date option: YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar. */
export function parseDateOption(value: string, option: string): string {
  // The one date check the API uses too.
  if (!isIsoDatePrefix(value.trim())) throw new UsageError(`${option} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value.trim();
}

/** Checks a publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
export function parsePublished(value: string): string {
  return parseDateOption(value, "--published");
}

/** Checks a language option: an ISO 639 code ("fa", "ar"), or `unknown` for documents without one (null). */
export function parseLanguage(value: string, option: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === "unknown" || v === "none") return null;
  if (!/^[a-z]{2,3}$/.test(v)) throw new UsageError(`${option} must be a language code such as en, fa, ar or fr, or unknown (got "${value}")`);
  return v;
}
