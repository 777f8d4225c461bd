// One validated configuration object, built from command-line options and the environment.
import { userInfo } from "node:os";
import { resolve } from "node:path";

/** Everything configurable about a Tally run. */
export interface Config {
  /** Directory of the embedded store and the user's data files (source registry). */
  dataDir: string;
  /** postgres://… when the server database is used, else null (embedded SQLite). */
  databaseUrl: string | null;
  /** Who captures documents (recorded as provenance). */
  collector: string;
  /** Largest local file read, in bytes. */
  maxFileBytes: number;
  /** Limits for fetching URLs. */
  fetch: { timeoutMs: number; maxBytes: number; maxRedirects: number; blockPrivate?: boolean };
  /** Let the web server fetch URLs on private and local addresses (TALLY_ALLOW_PRIVATE_URLS=1; default off). */
  serverAllowsPrivateUrls: boolean;
  /** Extraction worker threads for ingest (0 = extract on the main thread). */
  workers: number;
  /** Documents per ingest write transaction; null: the store's default (batchLimits). */
  writeBatch: number | null;
}

/** Options as given on the command line (all optional). */
export interface ConfigInput {
  data?: string;
  db?: string;
  collector?: string;
  workers?: string | number;
  writeBatch?: string | number;
}

/** A configuration problem: every problem is listed at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
  }
}

function defaultCollector(): string {
  try {
    return userInfo().username || "unknown";
  } catch {
    return "unknown";
  }
}

function intFrom(name: string, value: string | undefined, fallback: number, problems: string[], min = 0): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    problems.push(`${name} must be a whole number ≥ ${min} (got "${value}")`);
    return fallback;
  }
  return n;
}

/** Builds the configuration: command-line options win over TALLY_* and DATABASE_URL variables. */
export function loadConfig(input: ConfigInput = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  // An explicit --data chooses the embedded store even when DATABASE_URL is set in the environment.
  const databaseUrl = input.db ?? (input.data !== undefined ? null : (env.TALLY_DATABASE_URL ?? env.DATABASE_URL ?? null));
  if (databaseUrl !== null && !/^postgres(?:ql)?:\/\//i.test(databaseUrl)) {
    problems.push(`the database URL must start with postgres:// (got "${databaseUrl.replace(/:[^:@/]*@/, ":***@")}")`);
  }
  const workersDefault = 1;
  const writeBatch = input.writeBatch === undefined ? env.TALLY_WRITE_BATCH : String(input.writeBatch);
  const config: Config = {
    dataDir: resolve(input.data ?? env.TALLY_DATA ?? "./tally-data"),
    databaseUrl,
    collector: input.collector ?? env.TALLY_COLLECTOR ?? defaultCollector(),
    maxFileBytes: intFrom("TALLY_MAX_FILE_BYTES", env.TALLY_MAX_FILE_BYTES, 50 * 1024 * 1024, problems, 1),
    fetch: {
      timeoutMs: intFrom("TALLY_FETCH_TIMEOUT_MS", env.TALLY_FETCH_TIMEOUT_MS, 20_000, problems, 1),
      maxBytes: intFrom("TALLY_FETCH_MAX_BYTES", env.TALLY_FETCH_MAX_BYTES, 20 * 1024 * 1024, problems, 1),
      maxRedirects: intFrom("TALLY_FETCH_MAX_REDIRECTS", env.TALLY_FETCH_MAX_REDIRECTS, 5, problems, 0),
    },
    serverAllowsPrivateUrls: env.TALLY_ALLOW_PRIVATE_URLS === "1",
    workers: intFrom("--workers", input.workers === undefined ? env.TALLY_WORKERS : String(input.workers), workersDefault, problems, 0),
    writeBatch: writeBatch === undefined || writeBatch === "" ? null : intFrom("--write-batch", writeBatch, 0, problems, 1),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
