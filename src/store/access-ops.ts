// Users, web sessions and API tokens. Changes to users and tokens, logins, logouts and lockouts
// are audited; password hashes and token secrets never enter the trail.
import type { Kysely, Selectable } from "kysely";
import { auditedWrite } from "./audited.js";
import { sessionRowDigest } from "./row-digests.js";
import { Conflict, Invalid, NotFound } from "../shared/errors.js";
import type { ApiTokensTable, Database, DialectName, SessionsTable, UsersTable } from "./schema.js";
import type { AccessStore, ApiTokenRecord, Role, SessionRecord, UserRecord, WriteOptions } from "./store.js";
import { ROLES } from "./store.js";

function toUser(r: Selectable<UsersTable>): UserRecord {
  return {
    id: Number(r.id),
    name: r.name,
    role: r.role as Role,
    passwordHash: r.password_hash,
    disabled: Number(r.disabled) === 1,
    failedLogins: Number(r.failed_logins),
    lockedUntil: r.locked_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** What the trail records of a user: never the password hash. */
function userState(u: UserRecord): Record<string, unknown> {
  return { id: u.id, name: u.name, role: u.role, disabled: u.disabled };
}

function toSession(r: Selectable<SessionsTable>): SessionRecord {
  return { idHash: r.id_hash, userId: Number(r.user_id), csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
}

function toToken(r: Selectable<ApiTokensTable>): ApiTokenRecord {
  return { id: Number(r.id), userId: Number(r.user_id), name: r.name, tokenHash: r.token_hash, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

const USER_NAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

/** The user, session and token operations of a store over one database. */
export class AccessOps implements AccessStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly actor: string,
  ) {}

  private write<T>(opts: WriteOptions | undefined, fn: Parameters<typeof auditedWrite<T>>[3]): Promise<T> {
    return auditedWrite(this.db, this.dialect, opts?.actor ?? this.actor, fn);
  }

  async createUser(user: { name: string; role: Role; passwordHash: string }, opts?: WriteOptions): Promise<UserRecord> {
    const name = user.name.trim();
    if (!USER_NAME.test(name)) throw new Invalid("a user name is 1–64 letters, digits, '.', '_', '@' or '-'", "name");
    if (!ROLES.includes(user.role)) throw new Invalid(`role must be one of ${ROLES.join(", ")}`, "role");
    return this.write(opts, async (trx) => {
      const exists = await trx.selectFrom("users").select("id").where("name", "=", name).executeTakeFirst();
      if (exists) throw new Conflict(`a user named ${JSON.stringify(name)} exists already`, "name");
      const now = new Date().toISOString();
      const row = await trx
        .insertInto("users")
        .values({ name, role: user.role, password_hash: user.passwordHash, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      const created = toUser(row);
      return { result: created, events: [{ action: "user.create", objectType: "user", objectId: created.id, before: null, after: userState(created) }] };
    });
  }

  async getUser(idOrName: number | string): Promise<UserRecord | null> {
    const q = this.db.selectFrom("users").selectAll();
    const row = await (typeof idOrName === "number" ? q.where("id", "=", idOrName) : q.where("name", "=", idOrName.trim())).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return (await this.db.selectFrom("users").selectAll().orderBy("name").execute()).map(toUser);
  }

  async countUsers(role?: Role): Promise<number> {
    let q = this.db.selectFrom("users").select((eb) => eb.fn.countAll<number | string>().as("n")).where("disabled", "=", 0);
    if (role) q = q.where("role", "=", role);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async updateUser(id: number, patch: { role?: Role; passwordHash?: string; disabled?: boolean }, opts?: WriteOptions): Promise<UserRecord> {
    if (patch.role !== undefined && !ROLES.includes(patch.role)) throw new Invalid(`role must be one of ${ROLES.join(", ")}`, "role");
    return this.write(opts, async (trx) => {
      const row = await trx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
      if (!row) throw new NotFound("user", id);
      const before = toUser(row);
      // The last active admin can neither be disabled nor lose the role: nobody could manage accounts.
      const demoted = patch.disabled === true || (patch.role !== undefined && patch.role !== "admin");
      if (before.role === "admin" && !before.disabled && demoted) {
        const admins = await trx.selectFrom("users").select((eb) => eb.fn.countAll<number | string>().as("n")).where("role", "=", "admin").where("disabled", "=", 0).executeTakeFirstOrThrow();
        if (Number(admins.n) <= 1) throw new Conflict(`${before.name} is the last admin: make another admin first`, "role");
      }
      const now = new Date().toISOString();
      await trx
        .updateTable("users")
        .set({
          ...(patch.role !== undefined ? { role: patch.role } : {}),
          ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash, failed_logins: 0, locked_until: null } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
          updated_at: now,
        })
        .where("id", "=", id)
        .execute();
      // A new password or a disabled account ends every session.
      if (patch.passwordHash !== undefined || patch.disabled === true) {
        await trx.updateTable("sessions").set({ revoked_at: now }).where("user_id", "=", id).where("revoked_at", "is", null).execute();
      }
      const after = toUser(await trx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
      const state = { ...userState(after), ...(patch.passwordHash !== undefined ? { password_changed: true } : {}) };
      return { result: after, events: [{ action: "user.update", objectType: "user", objectId: id, before: userState(before), after: state }] };
    });
  }

  async setLoginState(id: number, state: { failedLogins: number; lockedUntil: string | null }, opts?: WriteOptions): Promise<void> {
    if (state.lockedUntil === null) {
      await this.db.updateTable("users").set({ failed_logins: state.failedLogins, locked_until: null }).where("id", "=", id).execute();
      return;
    }
    await this.write(opts, async (trx) => {
      await trx.updateTable("users").set({ failed_logins: state.failedLogins, locked_until: state.lockedUntil }).where("id", "=", id).execute();
      return { result: undefined, events: [{ action: "user.lockout", objectType: "user", objectId: id, before: null, after: { failed_logins: state.failedLogins, locked_until: state.lockedUntil } }] };
    });
  }

  async unlockUser(id: number, opts?: WriteOptions): Promise<boolean> {
    return this.write(opts, async (trx) => {
      const u = await trx.selectFrom("users").select(["failed_logins", "locked_until"]).where("id", "=", id).executeTakeFirst();
      if (!u || (Number(u.failed_logins) === 0 && u.locked_until === null)) return { result: false, events: [] };
      await trx.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", id).execute();
      const before = { failed_logins: Number(u.failed_logins), locked_until: u.locked_until };
      return { result: true, events: [{ action: "user.unlock", objectType: "user", objectId: id, before, after: { failed_logins: 0, locked_until: null } }] };
    });
  }

  async createSession(session: Omit<SessionRecord, "revokedAt">, opts?: WriteOptions): Promise<void> {
    await this.write(opts, async (trx) => {
      await trx
        .insertInto("sessions")
        .values({ id_hash: session.idHash, user_id: session.userId, csrf: session.csrf, created_at: session.createdAt, expires_at: session.expiresAt })
        .execute();
      const digest = sessionRowDigest({ id_hash: session.idHash, user_id: session.userId, csrf: session.csrf, created_at: session.createdAt, expires_at: session.expiresAt });
      return { result: undefined, events: [{ action: "session.login", objectType: "user", objectId: session.userId, before: null, after: { expires_at: session.expiresAt, session_digest: digest } }] };
    });
  }

  async getSession(idHash: string): Promise<SessionRecord | null> {
    const row = await this.db.selectFrom("sessions").selectAll().where("id_hash", "=", idHash).executeTakeFirst();
    return row ? toSession(row) : null;
  }

  async revokeSessions(userId: number, idHash: string | null, opts?: WriteOptions): Promise<number> {
    return this.write(opts, async (trx) => {
      let q = trx.updateTable("sessions").set({ revoked_at: new Date().toISOString() }).where("user_id", "=", userId).where("revoked_at", "is", null);
      if (idHash !== null) q = q.where("id_hash", "=", idHash);
      const n = Number((await q.executeTakeFirst()).numUpdatedRows);
      const events = n === 0 ? [] : [{ action: "session.logout", objectType: "user", objectId: userId, before: null, after: { sessions: n } }];
      return { result: n, events };
    });
  }

  async createApiToken(token: { userId: number; name: string; tokenHash: string }, opts?: WriteOptions): Promise<ApiTokenRecord> {
    const name = token.name.trim();
    if (name === "" || name.length > 100) throw new Invalid("a token needs a name of 1–100 characters", "name");
    return this.write(opts, async (trx) => {
      const user = await trx.selectFrom("users").select("id").where("id", "=", token.userId).executeTakeFirst();
      if (!user) throw new NotFound("user", token.userId);
      const row = await trx
        .insertInto("api_tokens")
        .values({ user_id: token.userId, name, token_hash: token.tokenHash, created_at: new Date().toISOString() })
        .returningAll()
        .executeTakeFirstOrThrow();
      const created = toToken(row);
      return { result: created, events: [{ action: "token.create", objectType: "token", objectId: created.id, before: null, after: { id: created.id, user_id: created.userId, name } }] };
    });
  }

  async getApiToken(tokenHash: string): Promise<ApiTokenRecord | null> {
    const row = await this.db.selectFrom("api_tokens").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async listApiTokens(userId?: number): Promise<ApiTokenRecord[]> {
    let q = this.db.selectFrom("api_tokens").selectAll().orderBy("id");
    if (userId !== undefined) q = q.where("user_id", "=", userId);
    return (await q.execute()).map(toToken);
  }

  async revokeApiToken(id: number, opts?: WriteOptions): Promise<boolean> {
    return this.write(opts, async (trx) => {
      const r = await trx.updateTable("api_tokens").set({ revoked_at: new Date().toISOString() }).where("id", "=", id).where("revoked_at", "is", null).executeTakeFirst();
      const done = Number(r.numUpdatedRows) > 0;
      return { result: done, events: done ? [{ action: "token.revoke", objectType: "token", objectId: id, before: null, after: { revoked: true } }] : [] };
    });
  }

  async touchApiToken(id: number, at: string): Promise<void> {
    await this.db.updateTable("api_tokens").set({ last_used_at: at }).where("id", "=", id).execute();
  }
}
