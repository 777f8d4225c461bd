// What a use case is: one operation a user does (list claims, correct a claim, restrict…), with a
// zod schema of its input and of its output, the least role that may do it, and the work itself.
// The CLI command, the API route and (through the API) the web page each parse their own input,
// `perform` the use case, and render what it returns; authorization is decided here, once.
import type { z } from "zod";
import type { SourceRegistry } from "../../core/sources.js";
import type { FactsStatusEntity } from "../../shared/entities/fact.js";
import { Forbidden, Invalid } from "../../shared/errors.js";
import type { Role, Store } from "../../store/index.js";
import { roleAtLeast, type AuthService } from "../auth.js";
import type { FactsQueries } from "../facts.js";

/** Who asks: their name (recorded in the audit trail) and their role. */
export interface Caller {
  name: string;
  role: Role;
  /** Their account, when they signed in with one (the operator of the command line has none). */
  userId?: number | null;
  /**
   * How they proved who they are (the API's principal): a session cookie, an API token, the
   * single-user mode on loopback; "nobody" for a request that did not sign in, which may perform
   * only the use cases for anyone (sign-out, the session). Unset: the command line's operator.
   */
  via?: "session" | "token" | "local" | "nobody";
  /** The signed-in session (cookie sessions only): its stored hash and its CSRF token. */
  session?: { hash: string; csrf: string };
}

/** The caller of a request that did not sign in. */
export const NOBODY: Caller = { name: "anonymous", role: "viewer", userId: null, via: "nobody" };

/** Who may perform a use case: the least role, or anyone, signed in or not (the session, sign-out). */
export type Audience = Role | "anyone";

/** What a use case is performed with: the store (as opened, unscoped), the caller, the data directory. */
export interface CaseContext {
  store: Store;
  caller: Caller;
  /** Where the source registry (sources.json) and the stored facts' files live. */
  dataDir: string;
  /**
   * The linked facts a store (the caller's) answers from. The CLI reads them from the store
   * (FactsService, the default); the server from its facts provider, which may link in a thread.
   */
  facts?: (store: Store) => Promise<FactsQueries>;
  /**
   * Facts to answer from at once, and how current they are (the server's provider may answer with
   * the last linked ones while it links anew). Default: the facts of `facts`, fresh.
   */
  snapshot?: (store: Store) => Promise<{ facts: FactsQueries | null; status: FactsStatusEntity }>;
  /** The source registry (the server's provider); default: read from `dataDir`. */
  registry?: () => Promise<SourceRegistry>;
  /** The server's sign-in service: its per-address rate limit and lockouts are kept in it (the server only). */
  auth?: AuthService;
  /** How the composition root opened `store`, when asked (tally init): whether this open created it. */
  opened?: { created: boolean };
}

/** The context a use case's work sees: the store scoped to the caller (their name, their view). */
export interface ScopedContext extends CaseContext {
  /** The caller's store: writes name them; a viewer never reads restricted material. */
  store: Store;
}

/** One operation: `run` returns what its `output` schema describes (checked by the compiler). */
export interface UseCase<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>> {
  /** What the operation is called in messages and docs ("claims.list"). */
  readonly name: string;
  /** The least role that may perform it, or "anyone" (signed in or not). */
  readonly role: Audience;
  readonly input: I;
  readonly output: O;
  run(ctx: ScopedContext, input: z.output<I>): Promise<R>;
}

/** Declares a use case (an identity that lets the compiler check `run` against `output`). */
export function useCase<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(def: UseCase<I, O, R>): UseCase<I, O, R> {
  return def;
}

/** The one refusal of a caller below the role an operation needs (nobody signed in has no role). */
export function requireRoleOf(caller: Caller, role: Audience): void {
  if (role === "anyone") return;
  if (caller.via === "nobody") throw new Forbidden("sign in first");
  if (!roleAtLeast(caller.role, role)) throw new Forbidden(`this needs the ${role} role; you are ${caller.role === "admin" ? "an" : "a"} ${caller.role}`);
}

/**
 * Whether `caller` may perform `uc` (Forbidden if not): the use case's one decision, made by
 * `perform` before it checks the input, and asked by a route before it reads the request (so a
 * refused caller learns nothing of how their input would have been checked).
 */
export function authorize(uc: { readonly role: Audience }, caller: Caller): void {
  requireRoleOf(caller, uc.role);
}

/** The store as `caller` may see and change it: their name in the trail, their view of restricted material. */
export function storeFor(store: Store, caller: Caller): Store {
  return store.withActor(caller.name).withAccess({ restricted: caller.role !== "viewer" });
}

/** The first problem of a failed input check as one line naming its field. */
function describe(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: "invalid input" };
  const field = issue.path.map(String).join(".");
  return field ? { message: `${field}: ${issue.message}`, field } : { message: issue.message };
}

/**
 * Performs a use case for a caller: refuses a caller below its role (Forbidden), checks the input
 * against its schema (Invalid, naming the field), and runs it on the store scoped to the caller.
 */
export async function perform<I extends z.ZodType, O extends z.ZodType, R extends z.output<O>>(uc: UseCase<I, O, R>, ctx: CaseContext, input: z.input<I>): Promise<R> {
  authorize(uc, ctx.caller);
  const parsed = uc.input.safeParse(input);
  if (!parsed.success) {
    const { message, field } = describe(parsed.error);
    throw new Invalid(message, field);
  }
  return uc.run({ ...ctx, store: storeFor(ctx.store, ctx.caller) }, parsed.data);
}
