// Authentication of every API request: who is asking (an API token, a session cookie with its
// CSRF token for changes, or the single-user mode on loopback). Authorization is not decided
// here: each use case decides it (its role), in `perform`, and a route that performs a use case
// for more than a viewer asks it first, before reading the request (`performs`).
import type { RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AuthError, sameSecret } from "../services/auth.js";
import type { AuthService, Principal } from "../services/auth.js";
import { authorize, NOBODY, perform, type Audience, type Caller, type UseCase } from "../services/use-cases/use-case.js";
import type { z } from "zod";
import type { Store } from "../services/use-cases/types.js";
import type { ApiDeps } from "./context.js";
import { ApiError } from "./errors.js";
import { scopeOf } from "./facts-provider.js";
import { clientAddress, type RateLimiter } from "./limits.js";

export const SESSION_COOKIE = "tally_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "hono" {
  interface ContextVariableMap {
    tallyPrincipal: Principal;
  }
}

/** Who is asking (throws 401 when nobody was admitted). */
export function principalOf(c: Context): Principal {
  const p = c.get("tallyPrincipal") as Principal | undefined;
  if (!p) throw new ApiError(401, "unauthorized", "sign in first");
  return p;
}

/** The caller a use case is performed for: the principal, how they signed in, their session. */
function callerOf(p: Principal): Caller {
  const session = p.via === "session" && p.csrf && p.sessionHash ? { session: { hash: p.sessionHash, csrf: p.csrf } } : {};
  return { name: p.name, role: p.role, userId: p.userId, via: p.via, ...session };
}

/** Performs a use case for the request's principal (the use case checks the role and the input). */
export function performFor<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(c: Context, deps: ApiDeps, uc: UseCase<I, O, R>, input: z.input<I>): Promise<R> {
  return performAs(callerOf(principalOf(c)), deps, uc, input);
}

/** Performs a use case for anyone (the session, sign-out): the request's principal, or nobody signed in. */
export function performForAnyone<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(c: Context, deps: ApiDeps, uc: UseCase<I, O, R>, input: z.input<I>): Promise<R> {
  const p = c.get("tallyPrincipal") as Principal | undefined;
  return performAs(p ? callerOf(p) : NOBODY, deps, uc, input);
}

function performAs<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(caller: Caller, deps: ApiDeps, uc: UseCase<I, O, R>, input: z.input<I>): Promise<R> {
  // The facts come from the server's provider: linked per audience, in a thread on a large ledger.
  const facts = (store: Store) => deps.facts.service(scopeOf(store));
  const snapshot = (store: Store) => deps.facts.snapshot(scopeOf(store));
  const registry = () => deps.facts.registry();
  return perform(uc, { store: deps.store, caller, dataDir: deps.config.dataDir, facts, snapshot, registry, auth: deps.auth }, input);
}

/**
 * The route performs `uc`: the use case decides whether the caller may (403 if not) before the
 * route reads the request's input, its media type or its size, as `perform` decides before it
 * checks the input. A caller refused learns nothing of how their input would have been checked.
 */
export function performs<R extends RouteConfig>(route: R, uc: { readonly role: Audience }): R {
  const first: MiddlewareHandler = async (c, next) => {
    authorize(uc, callerOf(principalOf(c)));
    await next();
  };
  const own = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
  return { ...route, middleware: [first, ...own] };
}

export interface AuthMiddlewareOptions {
  auth: AuthService;
  /** True when the server listens on loopback only (single-user mode is allowed there). */
  loopback: boolean;
  /** Paths (below the API base) answered without a principal. */
  publicPaths: ReadonlySet<string>;
  /** Name of the local operator in single-user mode. */
  localName: string;
  /** Counts requests with an unknown or revoked API token per address (guessing is refused with 429). */
  badTokens?: RateLimiter;
  /** Told when the single-user mode starts or ends while serving (the server's log): a line for the operator. */
  onModeChange?: (line: string) => void;
}

/** The server log's lines when accounts appear (or the last one goes) while it serves. */
export const MODE_LINES = {
  users: "tally serve: accounts exist now: the single-user mode is over; every request must sign in",
  single: "tally serve: no accounts left: single-user mode (anyone on this machine can use the ledger as admin)",
} as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Admits a request: an API token (Authorization: Bearer tly_…), else a session cookie (state
 * changes need the session's CSRF token in X-CSRF-Token), else — with no users configured and
 * on loopback only — the local operator as admin. What the principal may do is the use cases'
 * decision, not this middleware's.
 */
export function authenticate(o: AuthMiddlewareOptions): MiddlewareHandler {
  let single: boolean | undefined;
  const mode = async (): Promise<boolean> => {
    const now = await o.auth.singleUser();
    if (single !== undefined && now !== single) o.onModeChange?.(now ? MODE_LINES.single : MODE_LINES.users);
    single = now;
    return now;
  };
  return async (c, next) => {
    const path = c.req.path.replace(/^\/api\/v1/, "");
    const principal = await identify(c, o, mode);
    if (principal) c.set("tallyPrincipal", principal);
    if (o.publicPaths.has(path)) return next();
    if (!principal) throw new ApiError(401, "unauthorized", "sign in first (a session or an API token is needed)");
    if (!SAFE_METHODS.has(c.req.method)) {
      if (principal.via === "session") {
        const sent = c.req.header(CSRF_HEADER) ?? "";
        if (!principal.csrf || !sameSecret(sent, principal.csrf)) throw new ApiError(403, "forbidden", "missing or wrong CSRF token");
      }
    }
    return next();
  };
}

async function identify(c: Context, o: AuthMiddlewareOptions, singleUser: () => Promise<boolean>): Promise<Principal | null> {
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const address = clientAddress(c);
    o.badTokens?.check(address, "requests with a wrong API token");
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const p = m ? await o.auth.fromToken(m[1] as string) : null;
    if (!p) {
      o.badTokens?.hit(address, "requests with a wrong API token");
      throw new AuthError(401, "the API token is unknown, revoked or malformed");
    }
    return p;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  if (cookie) {
    const p = await o.auth.fromSession(cookie);
    if (p) return p;
  }
  if (o.loopback && (await singleUser())) return { userId: null, name: o.localName, role: "admin", via: "local" };
  return null;
}
