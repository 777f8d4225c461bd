// Use cases of who is asking, for anyone (signed in or not): sign-in, the session (who is signed
// in, and whether the server has accounts at all) and sign-out (the session ends on the server).
// POST /auth/login, GET /auth/session and POST /auth/logout perform these. Sign-in is the server's
// AuthService (src/services/auth.ts: the per-address rate limit and the lockouts live in it, so
// only a context with `auth` can sign in); the cookie and the CSRF header stay with the API
// (src/api/routes/auth.ts).
import { z } from "zod";
import { SessionSchema, UserName } from "../../shared/entities/account.js";
import { Unavailable } from "../../shared/errors.js";
import { useCase } from "./use-case.js";

/** Who is signed in (null when nobody), their CSRF token, and whether any account exists. */
export const showSession = useCase({
  name: "session.show",
  role: "anyone",
  input: z.object({}),
  output: SessionSchema,
  async run({ store, caller }) {
    const single = (await store.countUsers()) === 0;
    const signedIn = caller.via !== undefined && caller.via !== "nobody";
    return { mode: single ? ("single-user" as const) : ("users" as const), user: signedIn ? { name: caller.name, role: caller.role } : null, csrf: caller.session?.csrf ?? null };
  },
});

/** Ends the caller's session on the server (audited); nothing to end for anyone else. */
export const signOut = useCase({
  name: "session.end",
  role: "anyone",
  input: z.object({}),
  output: z.object({ ok: z.boolean() }),
  async run({ store, caller }) {
    if (caller.via === "session" && caller.session && caller.userId != null) await store.revokeSessions(caller.userId, caller.session.hash, { actor: caller.name });
    return { ok: true };
  },
});

/**
 * Checks a name and password from a client address (rate-limited per address; an account, or a
 * name without one, locks after repeated failures) and opens a session: the session as shown,
 * and the secret to set as the cookie (never to be shown).
 */
export const signIn = useCase({
  name: "session.start",
  role: "anyone",
  input: z.object({ name: UserName, password: z.string().min(1).max(1024), address: z.string() }),
  output: z.object({ session: SessionSchema, cookie: z.object({ token: z.string(), expiresAt: z.string() }) }),
  async run({ auth }, { name, password, address }) {
    if (!auth) throw new Unavailable("signing in needs the server (tally serve)");
    const { token, principal, expiresAt } = await auth.login(name, password, address);
    return { session: { mode: "users" as const, user: { name: principal.name, role: principal.role }, csrf: principal.csrf ?? null }, cookie: { token, expiresAt } };
  },
});
