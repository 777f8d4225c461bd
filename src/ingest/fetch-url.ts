// Fetches one http(s) URL with limits on time, size and redirects, keeping the raw bytes and
// headers as provenance. Every failure is an InputError naming the URL and a plain reason.

import { InputError } from "./errors.js";
import { privateAddressOf } from "./private-address.js";

/** Limits and identity for fetchUrl; every field has a default. */
export interface FetchOptions {
  /** Deadline for the whole fetch, redirects and body included (default 20,000 ms). */
  timeoutMs?: number;
  /** Largest body accepted, after content decoding (default 20 MB). */
  maxBytes?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** User-Agent header sent with every request. */
  userAgent?: string;
  /** Refuse URLs (and redirects) whose host resolves to a loopback, private or link-local address. */
  blockPrivate?: boolean;
}

/** A fetched response as stored for provenance. */
export interface FetchedResource {
  /** The URL the caller asked for. */
  requestedUrl: string;
  /** The URL that answered with the body, after redirects. */
  finalUrl: string;
  status: number;
  /** Response headers of the final response, names lowercased. */
  headers: Record<string, string>;
  /** The body exactly as received (after HTTP content decoding such as gzip). */
  bytes: Buffer;
  /** Media type from content-type, lowercased, without parameters; "" when absent. */
  mediaType: string;
  /** Charset parameter of content-type, lowercased; null when absent. */
  charset: string | null;
  /** When the fetch started (ISO 8601). */
  fetchedAt: string;
  /** URLs that answered with a redirect, in order (requestedUrl first when there were any). */
  redirects: string[];
}

/** Default limits of fetchUrl. */
export const FETCH_DEFAULTS = {
  timeoutMs: 20_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: "Tally/0.1 (evidence ledger; +https://github.com/)",
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const ACCEPT =
  "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, " +
  "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5";

const SYSTEM_ERRORS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  EPIPE: "connection closed",
  UND_ERR_SOCKET: "connection closed by the server",
  UND_ERR_CONNECT_TIMEOUT: "connection timed out",
  CERT_HAS_EXPIRED: "TLS certificate has expired",
  DEPTH_ZERO_SELF_SIGNED_CERT: "TLS certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "TLS certificate chain is self-signed",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "TLS certificate cannot be verified",
  ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host",
};

/** Formats a byte count for messages: 20971520 → "20 MB", 1500 → "1.5 KB", 10 → "10 bytes". */
export function formatBytes(n: number): string {
  const round = (x: number): string => String(Math.round(x * 10) / 10);
  if (n >= 1024 * 1024) return `${round(n / (1024 * 1024))} MB`;
  if (n >= 1024) return `${round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Formats a duration for messages: 20000 → "20 s", 150 → "0.15 s". */
function formatSeconds(ms: number): string {
  return `${Math.round(ms) / 1000} s`;
}

/** Splits a content-type header into its media type and charset. */
export function parseContentType(value: string | null): { mediaType: string; charset: string | null } {
  if (!value) return { mediaType: "", charset: null };
  const [type = "", ...params] = value.split(";");
  let charset: string | null = null;
  for (const p of params) {
    const eq = p.indexOf("=");
    if (eq < 0 || p.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const v = p.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1").toLowerCase();
    if (v) charset = v;
  }
  return { mediaType: type.trim().toLowerCase(), charset };
}

/** Parses an absolute URL and checks that its scheme is http or https. */
function checkUrl(raw: string, original: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(original, `not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InputError(original, `unsupported URL scheme "${url.protocol}" (only http and https)`);
  }
  return url;
}

/** Finds a system or undici error code in a fetch failure and its causes. */
function errorCode(err: unknown): string | null {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === "object" && !seen.has(e)) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.length > 0) {
      const c = errorCode(inner[0]);
      if (c) return c;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

/** Turns a network failure into a readable reason: "connection refused (ECONNREFUSED)". */
function networkReason(err: unknown): string {
  const code = errorCode(err);
  if (code) return `${SYSTEM_ERRORS[code] ?? "request failed"} (${code})`;
  const cause = (err as { cause?: { message?: unknown } } | null)?.cause?.message;
  const message = typeof cause === "string" ? cause : err instanceof Error ? err.message : String(err);
  return `request failed (${message})`;
}

/** Copies response headers into a plain object with lowercased names. */
function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}

/** Reads a body stream, aborting as soon as it grows past maxBytes. */
async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InputError(url, `response is over the ${formatBytes(maxBytes)} limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** Fetches an http(s) URL, following redirects itself, within time and size limits. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = opts.timeoutMs ?? FETCH_DEFAULTS.timeoutMs;
  const maxBytes = opts.maxBytes ?? FETCH_DEFAULTS.maxBytes;
  const maxRedirects = opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
  const userAgent = opts.userAgent ?? FETCH_DEFAULTS.userAgent;
  const fetchedAt = new Date().toISOString();

  let current = checkUrl(url, url);
  const redirects: string[] = [];
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);

  try {
    for (;;) {
      const href = current.href;
      if (opts.blockPrivate) {
        let hidden: string | null = null;
        try {
          hidden = await privateAddressOf(current.hostname);
        } catch {
          // an unresolvable host fails in fetch below with its own message
        }
        if (hidden) throw new InputError(url, `refusing to fetch ${href}: ${current.hostname} is a private or local address (${hidden}); the server fetches only public addresses`);
      }
      const res = await fetch(href, {
        redirect: "manual",
        signal: controller.signal,
        headers: { "user-agent": userAgent, accept: ACCEPT },
      });

      const location = res.headers.get("location");
      if (REDIRECT_STATUSES.has(res.status) && location) {
        await res.body?.cancel().catch(() => undefined);
        redirects.push(href);
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new InputError(url, `redirect to an invalid URL: ${location}`);
        }
        next = checkUrl(next.href, url);
        if (redirects.includes(next.href)) {
          const from = redirects.indexOf(next.href);
          throw new InputError(url, `redirect loop: ${[...redirects.slice(from), next.href].join(" → ")}`);
        }
        if (redirects.length > maxRedirects) {
          throw new InputError(url, `too many redirects (more than ${maxRedirects})`);
        }
        current = next;
        continue;
      }

      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        throw new InputError(url, `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
      }

      const declared = Number(res.headers.get("content-length"));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new InputError(url, `response is over the ${formatBytes(maxBytes)} limit`);
      }
      const bytes = await readLimited(res.body, maxBytes, url);
      const { mediaType, charset } = parseContentType(res.headers.get("content-type"));
      return {
        requestedUrl: url,
        finalUrl: href,
        status: res.status,
        headers: headerRecord(res.headers),
        bytes,
        mediaType,
        charset,
        fetchedAt,
        redirects,
      };
    }
  } catch (err) {
    if (timedOut) throw new InputError(url, `timed out after ${formatSeconds(timeoutMs)}`);
    if (err instanceof InputError) throw err;
    throw new InputError(url, networkReason(err));
  } finally {
    clearTimeout(timer);
  }
}
