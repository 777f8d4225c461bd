// What a command may touch of the outside world: output streams and the exit code. Tests
// pass their own to run commands in-process.

/** Output channels and result of one CLI run. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  isTTY: boolean;
  exitCode: number;
}

/** A usage error: printed as one line, exit status 2. */
export class UsageError extends Error {}

/** Checks a --format value against the allowed ones. */
export function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--format must be one of ${allowed.join(", ")} (got "${value}")`);
}

/** Checks a publication date: YYYY, YYYY-MM or YYYY-MM-DD. */
export function parsePublished(value: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m || (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) || (m[3] && (Number(m[3]) < 1 || Number(m[3]) > 31))) {
    throw new UsageError(`--published must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  }
  return value.trim();
}
