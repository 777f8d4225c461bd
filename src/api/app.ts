// The HTTP application of `tally serve`: the JSON API under /api/v1 and the built pages.
// Routes are thin: validate (zod), call the store or a service, present.
import type { Config } from "../config.js";
import type { Store } from "../services/use-cases/types.js";
import { type Api, router } from "./context.js";
import { ApiError, errorResponse, handleError } from "./errors.js";
import { FactsProvider } from "./facts-provider.js";
import { AuthService, type AuthOptions } from "../services/auth.js";
import { authenticate } from "./auth.js";
import { PUBLIC_PATHS, registerAuth } from "./routes/auth.js";
import { registerFacts } from "./routes/facts.js";
import { registerReview } from "./routes/review.js";
import { registerIngest } from "./routes/ingest.js";
import { registerLedger } from "./routes/ledger.js";
import { registerVictims } from "./routes/victims.js";
import { registerReport, registerSourcePage } from "./routes/report.js";
import { registerExports } from "./routes/exports.js";
import { registerListExports } from "./routes/list-exports.js";
import { registerPermalinks } from "./routes/permalinks.js";
import { requestGuard, securityHeaders } from "./security.js";
import { type CredentialLimits, credentialLimiters, DEFAULT_MAX_BODY_BYTES, requestBodyLimit, tokenRateLimit } from "./limits.js";
import { pageStart } from "./page-answers.js";
import { servePages } from "./static.js";

export const API_BASE = "/api/v1";

/** Default largest upload: 10 MB (or the configured file limit when smaller). */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  config: Config;
  /** Directory of the built pages (web-dist); null serves the API only. */
  webRoot?: string | null;
  /** Host names the server answers to (DNS-rebinding guard); null answers to any. */
  allowedHosts?: readonly string[] | null;
  maxUploadBytes?: number;
  /** Largest body of any other request (default DEFAULT_MAX_BODY_BYTES, 1 MB). */
  maxBodyBytes?: number;
  /** Rate limits of the token routes and of failed API-token sign-ins (tests shorten them). */
  credentialLimits?: CredentialLimits;
  /** True when the server listens on loopback only: the single-user mode (no accounts) is allowed there. Default true. */
  loopback?: boolean;
  /** Session cookies carry the Secure flag (default: when not on loopback). */
  secureCookies?: boolean;
  /** Name the local operator acts under in single-user mode (default "local"). */
  localName?: string;
  /** Login limits (tests shorten them). */
  authOptions?: AuthOptions;
  /** Where unexpected errors are written (default: stderr). */
  log?: (line: string) => void;
  /** The linked facts to answer from (default: a provider of its own over the store). */
  facts?: FactsProvider;
}

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Tally API",
    version: "1",
    description:
      "The JSON API of Tally, an evidence ledger of who claims what about state violence. Every error is `{ \"error\": { \"code\", \"message\" } }`.",
  },
  servers: [{ url: API_BASE }],
};

/** The largest upload of an app: as configured, else 10 MB or the file limit when smaller. */
function uploadLimit(opts: AppOptions): number {
  return opts.maxUploadBytes ?? Math.min(DEFAULT_MAX_UPLOAD_BYTES, opts.config.maxFileBytes);
}

/** The API alone (mounted at /api/v1 by createApp). */
export function createApi(opts: AppOptions): Api {
  const api = router();
  const loopback = opts.loopback ?? true;
  const auth = new AuthService(opts.store, opts.authOptions);
  const deps = {
    store: opts.store,
    config: opts.config,
    facts: opts.facts ?? new FactsProvider(opts.store, opts.config.dataDir),
    maxUploadBytes: uploadLimit(opts),
    auth,
    secureCookies: opts.secureCookies ?? !loopback,
  };
  api.use("*", async (c, next) => {
    await next();
    if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
  });
  const limiters = credentialLimiters(opts.credentialLimits);
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  api.use("*", authenticate({ auth, loopback, publicPaths: PUBLIC_PATHS, localName: opts.localName ?? "local", badTokens: limiters.badTokens, onModeChange: log }));
  api.use("/tokens/*", tokenRateLimit(limiters.tokens));
  registerAuth(api, deps);
  registerListExports(api, deps);
  registerReview(api, deps);
  registerLedger(api, deps);
  registerPermalinks(api, deps);
  registerFacts(api, deps);
  registerIngest(api, deps);
  registerVictims(api, deps);
  registerReport(api, deps);
  registerExports(api, deps);
  registerSourcePage(api, deps);
  api.doc31("/openapi.json", OPENAPI_INFO);
  return api;
}

/** The whole application: security headers, request guard, API, pages. */
export function createApp(opts: AppOptions): Api {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = router();
  app.use("*", securityHeaders());
  // Before anything reads a body: every route has a limit, uploads a larger one of their own.
  app.use("*", requestBodyLimit({ maxBytes: opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, uploadBytes: uploadLimit(opts), uploadPaths: new Set([`${API_BASE}/ingest`]) }));
  app.use("*", requestGuard(opts.allowedHosts ?? null));
  app.route(API_BASE, createApi(opts));
  app.all(`${API_BASE}/*`, (c) => errorResponse(c, 404, "not_found", `no API route ${c.req.method} ${c.req.path}`));
  // A page's first answers are asked in-process, with the visitor's credentials and address.
  const pages = servePages(opts.webRoot ?? null, (c) => {
    const url = new URL(c.req.url);
    const credentials: Record<string, string> = { accept: "application/json" };
    for (const name of ["cookie", "authorization"]) {
      const value = c.req.header(name);
      if (value !== undefined) credentials[name] = value;
    }
    const ask = (path: string) => Promise.resolve(app.request(new URL(`${API_BASE}${path}`, url).href, { headers: credentials }, c.env));
    return pageStart(c.req.path, url.searchParams, ask, API_BASE);
  });
  app.get("*", pages);
  app.all("*", () => {
    throw new ApiError(405, "method_not_allowed", "only GET is served outside /api/v1");
  });
  app.notFound((c) => errorResponse(c, 404, "not_found", `nothing at ${c.req.path}`));
  app.onError((err, c) => handleError(err, c, log));
  return app;
}
