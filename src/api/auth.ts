// Authentication and authorisation of every API request. Fails closed: a route reads the store
// only through `storeOf(c)`, which exists only after this middleware admitted the request, and
// is scoped to what the principal may see (viewers never see restricted material).
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { AuthError, roleAtLeast, sameSecret } from "../services/auth.js";
import type { AuthService, Principal } from "../services/auth.js";
import { NOBODY, perform, requireRoleOf, storeFor, type Caller, type UseCase } from "../services/use-cases/use-case.js";
import type { z } from "zod";
import type { Role, Store } from "../services/use-cases/types.js";
import type { ApiDeps } from "./context.js";
import { ApiError } from "./errors.js";
import { scopeOf } from "./facts-provider.js";
import { clientAddress, type RateLimiter } from "./limits.js";

export const SESSION_COOKIE = "tally_session";
export const CSRF_HEADER = "x-csrf-token";

interface RequestAuth {
  principal: Principal;
  store: Store;
}

declare module "hono" {
  interface ContextVariableMap {
    tallyAuth: RequestAuth;
  }
}

/** The store as the request's principal may see and change it. */
export function storeOf(c: Context): Store {
  const a = c.get("tallyAuth") as RequestAuth | undefined;
  if (!a) throw new ApiError(401, "unauthorized", "sign in first");
  return a.store;
}

/** Who is asking (throws 401 when nobody was admitted). */
export function principalOf(c: Context): Principal {
  const a = c.get("tallyAuth") as RequestAuth | undefined;
  if (!a) throw new ApiError(401, "unauthorized", "sign in first");
  return a.principal;
}

/** Throws 403 (Forbidden) unless the principal has at least `role`. */
export function requireRole(c: Context, role: Role): Principal {
  const p = principalOf(c);
  requireRoleOf(p, role);
  return p;
}

/** A store scoped to a principal: their name in the trail, their view of restricted material. */
export function scopedStore(base: Store, p: Principal): Store {
  return storeFor(base, p);
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
  const a = c.get("tallyAuth") as RequestAuth | undefined;
  return performAs(a ? callerOf(a.principal) : NOBODY, deps, uc, input);
}

function performAs<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(caller: Caller, deps: ApiDeps, uc: UseCase<I, O, R>, input: z.input<I>): Promise<R> {
  // The facts come from the server's provider: linked per audience, in a thread on a large ledger.
  const facts = (store: Store) => deps.facts.service(scopeOf(store));
  const snapshot = (store: Store) => deps.facts.snapshot(scopeOf(store));
  const registry = () => deps.facts.registry();
  return perform(uc, { store: deps.store, caller, dataDir: deps.config.dataDir, facts, snapshot, registry, auth: deps.auth }, input);
}

export interface AuthMiddlewareOptions {
  base: Store;
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
const SELF_SERVICE = /^\/tokens(?:\/\d+)?$/;

/**
 * Admits a request: an API token (Authorization: Bearer tly_…), else a session cookie (state
 * changes need the session's CSRF token in X-CSRF-Token), else — with no users configured and
 * on loopback only — the local operator as admin. Any state-changing request needs analyst.
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
    if (principal) c.set("tallyAuth", { principal, store: scopedStore(o.base, principal) });
    if (o.publicPaths.has(path)) return next();
    if (!principal) throw new ApiError(401, "unauthorized", "sign in first (a session or an API token is needed)");
    if (!SAFE_METHODS.has(c.req.method)) {
      if (principal.via === "session") {
        const sent = c.req.header(CSRF_HEADER) ?? "";
        if (!principal.csrf || !sameSecret(sent, principal.csrf)) throw new ApiError(403, "forbidden", "missing or wrong CSRF token");
      }
      // Everyone manages their own API tokens; every other change needs an analyst.
      if (!SELF_SERVICE.test(path) && !roleAtLeast(principal.role, "analyst")) throw new ApiError(403, "forbidden", "viewers can read but not change the ledger");
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
