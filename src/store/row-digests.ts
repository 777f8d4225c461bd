// Accounts in the tamper-evident trail: every audited change of a user, an API token or a session
// records a digest of the row as it stands afterwards (the password and token hashes included,
// never shown), and `audit verify` compares each row with the digest its last event recorded. So
// a direct edit that makes a viewer an admin, copies a password hash or inserts a token is found.
// Counters that change on every request or failed login (last use, failed logins, lockout) and
// updated_at are left out of the digests.
import type { Kysely, Selectable } from "kysely";
import type { PendingEvent } from "./audit-append.js";
import { canonicalJson, sha256Hex } from "./audit-chain.js";
import type { ApiTokensTable, Database, SessionsTable, UsersTable } from "./schema.js";

/** Digest of a user's row (without its volatile columns). */
export function userRowDigest(r: Pick<Selectable<UsersTable>, "id" | "name" | "role" | "password_hash" | "disabled" | "created_at">): string {
  return sha256Hex(canonicalJson({ id: Number(r.id), name: r.name, role: r.role, password_hash: r.password_hash, disabled: Number(r.disabled), created_at: r.created_at }));
}

/** Digest of an API token's row (without its last use). */
export function tokenRowDigest(r: Pick<Selectable<ApiTokensTable>, "id" | "user_id" | "name" | "token_hash" | "created_at" | "revoked_at">): string {
  return sha256Hex(canonicalJson({ id: Number(r.id), user_id: Number(r.user_id), name: r.name, token_hash: r.token_hash, created_at: r.created_at, revoked_at: r.revoked_at }));
}

/** Digest of a session as created (its revocation may follow). */
export function sessionRowDigest(r: Pick<Selectable<SessionsTable>, "id_hash" | "user_id" | "csrf" | "created_at" | "expires_at">): string {
  return sha256Hex(canonicalJson({ id_hash: r.id_hash, user_id: Number(r.user_id), csrf: r.csrf, created_at: r.created_at, expires_at: r.expires_at }));
}

/** Reads a user's row digest (null when it is gone). */
export async function userDigestOf(trx: Kysely<Database>, id: number): Promise<string | null> {
  const r = await trx.selectFrom("users").select(["id", "name", "role", "password_hash", "disabled", "created_at"]).where("id", "=", id).executeTakeFirst();
  return r ? userRowDigest(r) : null;
}

/** Reads a token's row digest (null when it is gone). */
export async function tokenDigestOf(trx: Kysely<Database>, id: number): Promise<string | null> {
  const r = await trx.selectFrom("api_tokens").select(["id", "user_id", "name", "token_hash", "created_at", "revoked_at"]).where("id", "=", id).executeTakeFirst();
  return r ? tokenRowDigest(r) : null;
}

/**
 * The events with the digest of their user's or token's row as it stands now (`row_digest` in
 * their after-state), read in the transaction that made the change.
 */
export async function withRowDigests(trx: Kysely<Database>, events: readonly PendingEvent[]): Promise<PendingEvent[]> {
  const out: PendingEvent[] = [];
  for (const e of events) {
    const read = e.objectType === "user" ? userDigestOf : e.objectType === "token" ? tokenDigestOf : null;
    const id = Number(e.objectId);
    if (!read || !Number.isSafeInteger(id)) {
      out.push(e);
      continue;
    }
    const digest = await read(trx, id);
    const after = e.after && typeof e.after === "object" ? (e.after as Record<string, unknown>) : {};
    out.push({ ...e, after: { ...after, row_digest: digest } });
  }
  return out;
}

/** Baseline events recording every user, token and session as they stand (an older store's, on upgrade). */
export async function accountBaselines(trx: Kysely<Database>): Promise<PendingEvent[]> {
  const events: PendingEvent[] = [];
  const users = await trx.selectFrom("users").select(["id", "name", "role", "password_hash", "disabled", "created_at"]).orderBy("id").execute();
  for (const u of users) events.push({ action: "user.baseline", objectType: "user", objectId: Number(u.id), before: null, after: { id: Number(u.id), name: u.name, role: u.role, row_digest: userRowDigest(u) } });
  const tokens = await trx.selectFrom("api_tokens").select(["id", "user_id", "name", "token_hash", "created_at", "revoked_at"]).orderBy("id").execute();
  for (const t of tokens) events.push({ action: "token.baseline", objectType: "token", objectId: Number(t.id), before: null, after: { id: Number(t.id), user_id: Number(t.user_id), name: t.name, row_digest: tokenRowDigest(t) } });
  const sessions = await trx.selectFrom("sessions").select(["id_hash", "user_id", "csrf", "created_at", "expires_at"]).orderBy("created_at").orderBy("id_hash").execute();
  for (const s of sessions) events.push({ action: "session.baseline", objectType: "user", objectId: Number(s.user_id), before: null, after: { session_digest: sessionRowDigest(s) } });
  return events;
}
