// Security headers on every response, and the checks that keep other web sites (and DNS
// rebinding) from using a server on this machine: Host must be one the server was told to
// answer to, and a state-changing request must come from the server's own pages.
import type { MiddlewareHandler } from "hono";
import { ApiError } from "./errors.js";

/** The Content-Security-Policy of every response: no inline or foreign script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** Sets the security headers on every response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  };
}

function hostname(host: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (m) return (m[1] as string).toLowerCase();
  return host.replace(/:\d+$/, "").toLowerCase();
}

/**
 * Rejects requests for other host names (when `allowedHosts` is given) and cross-site requests
 * that change state (POST, PUT, PATCH, DELETE) by their Origin or Sec-Fetch-Site headers.
 */
export function requestGuard(allowedHosts: readonly string[] | null): MiddlewareHandler {
  const allowed = allowedHosts ? new Set(allowedHosts.map((h) => h.toLowerCase())) : null;
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (allowed && host !== undefined && !allowed.has(hostname(host))) {
      throw new ApiError(403, "forbidden", `this server answers only to ${[...allowed].join(", ")}`);
    }
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      const site = c.req.header("sec-fetch-site");
      if (site === "cross-site" || site === "same-site") throw new ApiError(403, "forbidden", "requests that change the ledger must come from Tally's own pages");
      const origin = c.req.header("origin");
      if (origin !== undefined && origin !== "null") {
        let originHost = "";
        try {
          originHost = new URL(origin).host;
        } catch {
          // unreadable origin: treated as foreign
        }
        if (host === undefined || originHost.toLowerCase() !== host.toLowerCase()) throw new ApiError(403, "forbidden", "requests that change the ledger must come from Tally's own pages");
      } else if (origin === "null") {
        throw new ApiError(403, "forbidden", "requests that change the ledger must come from Tally's own pages");
      }
    }
    await next();
  };
}
