// What one request may cost: a body limit on every route (refused with 413 from the declared
// Content-Length before any of the body is read, or as soon as a streamed body passes it), and
// per-address rate limits on the routes that guess or mint credentials.
import type { Context, MiddlewareHandler } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { ApiError } from "./errors.js";

/** Largest JSON body of an API request other than an upload: 1 MB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Room for the multipart framing around an uploaded file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** The client's address (for per-address limits); "unknown" in-process. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}

function tooLarge(c: Context, limit: number, what: string): never {
  // The rest of the body is not wanted: the connection is not kept for another request.
  c.header("Connection", "close");
  throw new ApiError(413, "payload_too_large", `the ${what} is over the ${limit} byte limit`);
}

/**
 * Refuses a request body over its limit: `uploadBytes` (plus multipart framing) for the paths in
 * `uploadPaths`, `maxBytes` for every other. A declared Content-Length over the limit is refused
 * before reading; a streamed (chunked) body is counted as it arrives and refused when it passes
 * the limit, so no more than the limit is ever held in memory.
 */
export function requestBodyLimit(o: { maxBytes: number; uploadBytes: number; uploadPaths: ReadonlySet<string> }): MiddlewareHandler {
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const upload = o.uploadPaths.has(c.req.path);
    const limit = upload ? o.uploadBytes + MULTIPART_OVERHEAD_BYTES : o.maxBytes;
    const what = upload ? "upload" : "request body";
    const declared = c.req.header("content-length");
    if (declared !== undefined && !c.req.header("transfer-encoding")) {
      if (!/^\d+$/.test(declared.trim()) || Number(declared) > limit) tooLarge(c, upload ? o.uploadBytes : limit, what);
      return next();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        tooLarge(c, upload ? o.uploadBytes : limit, what);
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}

/** Counts attempts per key in fixed windows; `hit` throws 429 once a key is over its allowance. */
export class RateLimiter {
  private readonly counts = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt for `key`; throws 429 (with Retry-After) when it has made too many. */
  hit(key: string, what: string): void {
    const now = this.now();
    const a = this.counts.get(key);
    if (!a || now - a.since > this.windowMs) {
      if (this.counts.size >= 10_000) this.counts.clear();
      this.counts.set(key, { count: 1, since: now });
      return;
    }
    a.count++;
    this.check(key, what);
  }

  /** Throws 429 when `key` is over its allowance in the current window (without counting). */
  check(key: string, what: string): void {
    const now = this.now();
    const a = this.counts.get(key);
    if (a && now - a.since <= this.windowMs && a.count > this.perWindow) {
      throw new ApiError(429, "too_many_requests", `too many ${what} from this address; try again later`, Math.max(1, Math.ceil((a.since + this.windowMs - now) / 1000)));
    }
  }
}

/** Rate limits of the credential routes: token requests and failed API-token sign-ins. */
export interface CredentialLimits {
  /** Requests to the token routes (create, revoke) per address per window (default 30). */
  tokenRequestsPerWindow?: number;
  /** Requests with an unknown or revoked API token per address per window (default 20). */
  badTokensPerWindow?: number;
  /** The window (default 10 minutes). */
  windowMs?: number;
  now?: () => number;
}

/** The limiters of one API instance. */
export function credentialLimiters(o: CredentialLimits = {}): { tokens: RateLimiter; badTokens: RateLimiter } {
  const windowMs = o.windowMs ?? 10 * 60_000;
  return {
    tokens: new RateLimiter(o.tokenRequestsPerWindow ?? 30, windowMs, o.now),
    badTokens: new RateLimiter(o.badTokensPerWindow ?? 20, windowMs, o.now),
  };
}

/** Counts every state-changing request to the token routes per address. */
export function tokenRateLimit(limiter: RateLimiter): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") limiter.hit(clientAddress(c), "token requests");
    return next();
  };
}
