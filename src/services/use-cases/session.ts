// Use cases of who is asking, for anyone (signed in or not): the session (who is signed in, and
// whether the server has accounts at all) and sign-out (the session ends on the server). GET
// /auth/session and POST /auth/logout perform these. Sign-in stays with the server's AuthService
// (src/services/auth.ts: the per-address rate limit and the lockouts live in it), and the cookie
// and the CSRF header with the API (src/api/routes/auth.ts).
import { z } from "zod";
import { SessionSchema } from "../../shared/entities/account.js";
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
