// Use case: who is asking. Logins with lockout and per-address rate limits, sessions (the cookie
// carries a random token, the store keeps its SHA-256), CSRF tokens, and API tokens for scripts.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Role, Store, UserRecord } from "../store/index.js";
import { checkPasswordPolicy, DUMMY_HASH, generatePassword, hashPassword, verifyPassword } from "./passwords.js";

/** Someone the server acts for. */
export interface Principal {
  userId: number | null;
  name: string;
  role: Role;
  /** How they proved it: a session cookie, an API token, or the single-user mode on loopback. */
  via: "session" | "token" | "local";
  /** The session's CSRF token (cookie sessions only). */
  csrf?: string;
  sessionHash?: string;
}

/** A login or credential that is refused; `status` is the HTTP status it maps to. */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 429,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AuthError";
  }
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` may do what `needed` may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export interface AuthOptions {
  /** Session lifetime (default 12 hours). */
  sessionMs?: number;
  /** Consecutive failed logins before an account is locked (default 5). */
  maxFailures?: number;
  /** How long a locked account stays locked (default 15 minutes). */
  lockMs?: number;
  /** Login attempts allowed per client address per window (default 20 per 10 minutes). */
  attemptsPerWindow?: number;
  windowMs?: number;
  now?: () => number;
}

const sha256 = (s: string): string => createHash("sha256").update(s).digest("hex");
const token = (): string => randomBytes(32).toString("base64url");

/** Constant-time comparison of two strings. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = "tly_";

/** The one answer to a locked name, whether or not an account has it. */
export const LOCKED_MESSAGE = "this name is locked after too many failed logins; try again later";

/** Logins, sessions and tokens over a store. */
export class AuthService {
  private readonly attempts = new Map<string, { count: number; since: number }>();
  /** Failed logins under names that have no account (kept in memory only). */
  private readonly unknownNames = new Map<string, { failed: number; lockedUntil: number }>();
  private readonly o: Required<AuthOptions>;

  constructor(
    private readonly store: Store,
    opts: AuthOptions = {},
  ) {
    this.o = {
      sessionMs: opts.sessionMs ?? 12 * 3600_000,
      maxFailures: opts.maxFailures ?? 5,
      lockMs: opts.lockMs ?? 15 * 60_000,
      attemptsPerWindow: opts.attemptsPerWindow ?? 20,
      windowMs: opts.windowMs ?? 10 * 60_000,
      now: opts.now ?? Date.now,
    };
  }

  /** True when no user is configured: the embedded single-user mode. */
  async singleUser(): Promise<boolean> {
    return (await this.store.countUsers()) === 0;
  }

  /** Counts one attempt from a client address; throws when it has made too many. */
  private rateLimit(address: string): void {
    const now = this.o.now();
    const a = this.attempts.get(address);
    if (!a || now - a.since > this.o.windowMs) {
      this.attempts.set(address, { count: 1, since: now });
      if (this.attempts.size > 10_000) this.attempts.clear();
      return;
    }
    a.count++;
    if (a.count > this.o.attemptsPerWindow) {
      throw new AuthError(429, "too many login attempts from this address; try again later", Math.ceil((a.since + this.o.windowMs - now) / 1000));
    }
  }

  /** Checks a name and password; on success opens a session. The same message for every refusal but lockout. */
  async login(name: string, password: string, address: string): Promise<{ token: string; principal: Principal; expiresAt: string }> {
    this.rateLimit(address);
    const user = await this.store.getUser(name);
    const now = this.o.now();
    // A name without an account locks exactly as an account does, so that the answers do not
    // tell an attacker which names exist.
    const unknown = user ? undefined : this.unknownNames.get(name);
    const lockedUntil = user?.lockedUntil ? Date.parse(user.lockedUntil) : (unknown?.lockedUntil ?? 0);
    if (lockedUntil > now) {
      await verifyPassword(password, DUMMY_HASH);
      throw new AuthError(429, LOCKED_MESSAGE, Math.ceil((lockedUntil - now) / 1000));
    }
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      if (user && !ok) {
        const failed = user.failedLogins + 1;
        const locked = failed >= this.o.maxFailures ? new Date(now + this.o.lockMs).toISOString() : null;
        await this.store.setLoginState(user.id, { failedLogins: locked ? 0 : failed, lockedUntil: locked }, { actor: user.name });
      } else if (!user) {
        const failed = (unknown && unknown.lockedUntil <= now ? unknown.failed : 0) + 1;
        if (this.unknownNames.size >= 10_000) this.unknownNames.clear();
        this.unknownNames.set(name, failed >= this.o.maxFailures ? { failed: 0, lockedUntil: now + this.o.lockMs } : { failed, lockedUntil: 0 });
      }
      throw new AuthError(401, "wrong user name or password");
    }
    if (user.failedLogins > 0 || user.lockedUntil) await this.store.setLoginState(user.id, { failedLogins: 0, lockedUntil: null });
    const secret = token();
    const csrf = token();
    const expiresAt = new Date(now + this.o.sessionMs).toISOString();
    const idHash = sha256(secret);
    await this.store.createSession({ idHash, userId: user.id, csrf, createdAt: new Date(now).toISOString(), expiresAt }, { actor: user.name });
    return { token: secret, expiresAt, principal: this.principalOf(user, "session", { csrf, sessionHash: idHash }) };
  }

  private principalOf(user: UserRecord, via: Principal["via"], extra: Partial<Principal> = {}): Principal {
    return { userId: user.id, name: user.name, role: user.role, via, ...extra };
  }

  /** The principal of a session cookie, or null when it is unknown, expired, revoked or its user disabled. */
  async fromSession(secret: string): Promise<Principal | null> {
    if (!secret) return null;
    const session = await this.store.getSession(sha256(secret));
    if (!session || session.revokedAt !== null || Date.parse(session.expiresAt) <= this.o.now()) return null;
    const user = await this.store.getUser(session.userId);
    if (!user || user.disabled) return null;
    return this.principalOf(user, "session", { csrf: session.csrf, sessionHash: session.idHash });
  }

  /** The principal of an API token, or null. */
  async fromToken(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const record = await this.store.getApiToken(sha256(secret));
    if (!record || record.revokedAt !== null) return null;
    const user = await this.store.getUser(record.userId);
    if (!user || user.disabled) return null;
    await this.store.touchApiToken(record.id, new Date(this.o.now()).toISOString());
    return this.principalOf(user, "token");
  }

  /** Ends a session. */
  async logout(p: Principal): Promise<void> {
    if (p.userId !== null && p.sessionHash) await this.store.revokeSessions(p.userId, p.sessionHash, { actor: p.name });
  }

  /** Creates a user; the password is generated (and returned, to be shown once) when none is given. */
  async addUser(name: string, role: Role, password: string | null, actor: string): Promise<{ user: UserRecord; password: string }> {
    const pw = password ?? generatePassword();
    checkPasswordPolicy(pw, name);
    const user = await this.store.createUser({ name, role, passwordHash: await hashPassword(pw) }, { actor });
    return { user, password: pw };
  }

  /** Sets a new password (generated when none is given); every session of the user ends. */
  async resetPassword(user: UserRecord, password: string | null, actor: string): Promise<string> {
    const pw = password ?? generatePassword();
    checkPasswordPolicy(pw, user.name);
    await this.store.updateUser(user.id, { passwordHash: await hashPassword(pw) }, { actor });
    return pw;
  }

  /** A new API token for a user: the secret is returned once and only its hash is kept. */
  async createToken(userId: number, name: string, actor: string): Promise<{ id: number; token: string }> {
    const secret = API_TOKEN_PREFIX + token();
    const record = await this.store.createApiToken({ userId, name, tokenHash: sha256(secret) }, { actor });
    return { id: record.id, token: secret };
  }
}
