// Routes of sign-in and accounts: login, logout, the current session, users (admin) and API tokens.
// Sign-in, the session and sign-out perform use cases (src/services/use-cases/session.ts; sign-in
// is the server's AuthService, with its rate limit per address and lockouts); the cookie and the
// CSRF header stay here.
import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie, setCookie } from "hono/cookie";
import { sameSecret } from "../../services/auth.js";
import { addUser, createToken, listTokens, listUsers, revokeToken, updateUser } from "../../services/use-cases/accounts.js";
import { showSession, signIn, signOut } from "../../services/use-cases/session.js";
import { RoleSchema, SessionSchema, TokenSchema, UserName, UserSchema } from "../../shared/entities/account.js";
import { CSRF_HEADER, performFor, performForAnyone, performs, principalOf, SESSION_COOKIE } from "../auth.js";
import type { Api, ApiDeps } from "../context.js";
import { ApiError } from "../errors.js";
import { clientAddress } from "../limits.js";
import { E400, E401, E403, E404, E500, error, json } from "./common.js";

const E429 = { 429: error("too many attempts, or the account is locked (`too_many_requests`); see Retry-After") };

const Role = RoleSchema;
const IdParam = z.object({ id: z.coerce.number().int().min(1).openapi({ param: { name: "id", in: "path" }, type: "integer", example: 1 }) });
const name = UserName;

const routes = {
  login: createRoute({
    method: "post",
    path: "/auth/login",
    tags: ["auth"],
    summary: "Sign in: sets an HTTP-only session cookie and returns the session's CSRF token",
    request: { body: { required: true, content: { "application/json": { schema: z.object({ name, password: z.string().min(1).max(1024) }) } } } },
    responses: { 200: json(SessionSchema, "signed in"), ...E400, ...E401, ...E429, ...E500 },
  }),
  logout: createRoute({
    method: "post",
    path: "/auth/logout",
    tags: ["auth"],
    summary: "Sign out: ends the session on the server (the cookie is worthless afterwards)",
    responses: { 200: json(z.object({ ok: z.boolean() }), "signed out"), ...E403, ...E500 },
  }),
  session: createRoute({
    method: "get",
    path: "/auth/session",
    tags: ["auth"],
    summary: "Who is signed in (null when nobody), and whether the server has accounts at all",
    responses: { 200: json(SessionSchema, "the session"), ...E500 },
  }),
  listUsers: createRoute({ method: "get", path: "/users", tags: ["auth"], summary: "Accounts (admin)", responses: { 200: json(z.object({ users: z.array(UserSchema) }), "the accounts"), ...E401, ...E403, ...E500 } }),
  addUser: createRoute({
    method: "post",
    path: "/users",
    tags: ["auth"],
    summary: "Create an account (admin); without a password one is generated and returned once",
    request: { body: { required: true, content: { "application/json": { schema: z.object({ name, role: Role, password: z.string().max(1024).optional() }) } } } },
    responses: { 200: json(z.object({ user: UserSchema, password: z.string().nullable() }), "the account"), ...E400, ...E401, ...E403, ...E500 },
  }),
  updateUser: createRoute({
    method: "patch",
    path: "/users/{id}",
    tags: ["auth"],
    summary: "Change an account's role, disable or enable it, unlock it after wrong passwords, or reset its password (admin)",
    request: { params: IdParam, body: { required: true, content: { "application/json": { schema: z.object({ role: Role.optional(), disabled: z.boolean().optional(), unlock: z.literal(true).optional(), resetPassword: z.boolean().optional() }) } } } },
    responses: { 200: json(z.object({ user: UserSchema, password: z.string().nullable() }), "the account"), ...E400, ...E401, ...E403, ...E404, ...E500 },
  }),
  listTokens: createRoute({ method: "get", path: "/tokens", tags: ["auth"], summary: "Your API tokens (an admin sees everyone's)", responses: { 200: json(z.object({ tokens: z.array(TokenSchema) }), "tokens"), ...E401, ...E500 } }),
  addToken: createRoute({
    method: "post",
    path: "/tokens",
    tags: ["auth"],
    summary: "Create an API token for yourself: the secret is shown once, only its hash is kept",
    request: { body: { required: true, content: { "application/json": { schema: z.object({ name: z.string().trim().min(1).max(100) }) } } } },
    responses: { 200: json(z.object({ id: z.number().int(), token: z.string() }), "the token (shown once)"), ...E400, ...E401, ...E403, ...E500 },
  }),
  revokeToken: createRoute({
    method: "delete",
    path: "/tokens/{id}",
    tags: ["auth"],
    summary: "Revoke an API token (yours, or anyone's for an admin)",
    request: { params: IdParam },
    responses: { 200: json(z.object({ revoked: z.boolean() }), "revoked"), ...E401, ...E403, ...E404, ...E500 },
  }),
};

export function registerAuth(app: Api, deps: ApiDeps): void {
  app.openapi(routes.session, async (c) => c.json(await performForAnyone(c, deps, showSession, {}), 200));

  app.openapi(routes.login, async (c) => {
    const body = c.req.valid("json");
    const { session, cookie: { token, expiresAt } } = await performForAnyone(c, deps, signIn, { name: body.name, password: body.password, address: clientAddress(c) });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: "Strict",
      secure: deps.secureCookies,
      path: "/",
      expires: new Date(expiresAt),
    });
    return c.json(session, 200);
  });

  app.openapi(routes.logout, async (c) => {
    let p = null;
    try {
      p = principalOf(c);
    } catch {
      // not signed in: nothing to end
    }
    // The CSRF header is the API's to check (a session's sign-out needs it); the session ends in the use case.
    if (p?.via === "session" && (!p.csrf || !sameSecret(c.req.header(CSRF_HEADER) ?? "", p.csrf))) throw new ApiError(403, "forbidden", "missing or wrong CSRF token");
    const done = await performForAnyone(c, deps, signOut, {});
    deleteCookie(c, SESSION_COOKIE, { path: "/", secure: deps.secureCookies, httpOnly: true, sameSite: "Strict" });
    return c.json(done, 200);
  });

  app.openapi(performs(routes.listUsers, listUsers), async (c) => c.json(await performFor(c, deps, listUsers, {}), 200));

  app.openapi(performs(routes.addUser, addUser), async (c) => {
    const body = c.req.valid("json");
    return c.json(await performFor(c, deps, addUser, { name: body.name, role: body.role, password: body.password ?? null }), 200);
  });

  app.openapi(performs(routes.updateUser, updateUser), async (c) => {
    const body = c.req.valid("json");
    return c.json(await performFor(c, deps, updateUser, { user: c.req.valid("param").id, ...body }), 200);
  });

  app.openapi(routes.listTokens, async (c) => {
    const { tokens } = await performFor(c, deps, listTokens, {});
    return c.json({ tokens: tokens.map(({ user: _user, ...t }) => t) }, 200);
  });

  app.openapi(routes.addToken, async (c) => c.json(await performFor(c, deps, createToken, { name: c.req.valid("json").name }), 200));

  app.openapi(routes.revokeToken, async (c) => c.json(await performFor(c, deps, revokeToken, { id: c.req.valid("param").id }), 200));
}

/** Paths answered without a principal (the handlers check what they need). */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(["/auth/login", "/auth/logout", "/auth/session", "/openapi.json"]);
