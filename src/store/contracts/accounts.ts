// Accounts of the web server: users, sessions and API tokens.
import type { WriteOptions } from "./common.js";

/** Who may do what: admin (everything, users), analyst (ingest, review, edit), viewer (read). */
export type Role = "admin" | "analyst" | "viewer";
export const ROLES: readonly Role[] = ["admin", "analyst", "viewer"];

/** A user as stored (the password hash never leaves the auth service). */
export interface UserRecord {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A web session, found by the SHA-256 of its cookie token. */
export interface SessionRecord {
  idHash: string;
  userId: number;
  csrf: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** An API token, found by the SHA-256 of its secret. */
export interface ApiTokenRecord {
  id: number;
  userId: number;
  name: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Users, sessions and API tokens. */
export interface AccessStore {
  createUser(user: { name: string; role: Role; passwordHash: string }, opts?: WriteOptions): Promise<UserRecord>;
  /** A user by id or name. */
  getUser(idOrName: number | string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  countUsers(role?: Role): Promise<number>;
  /** Changes role, password or disabled state (audited; the hash itself is never written to the trail). */
  updateUser(id: number, patch: { role?: Role; passwordHash?: string; disabled?: boolean }, opts?: WriteOptions): Promise<UserRecord>;
  /** Records failed logins and a lockout (a lockout is audited). */
  setLoginState(id: number, state: { failedLogins: number; lockedUntil: string | null }, opts?: WriteOptions): Promise<void>;
  /** An admin lifts a lockout (and forgets the failed logins), audited as `user.unlock`; false when the account was not locked. */
  unlockUser(id: number, opts?: WriteOptions): Promise<boolean>;
  createSession(session: Omit<SessionRecord, "revokedAt">, opts?: WriteOptions): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | null>;
  /** Ends one session, or every session of a user when `idHash` is null. */
  revokeSessions(userId: number, idHash: string | null, opts?: WriteOptions): Promise<number>;
  createApiToken(token: { userId: number; name: string; tokenHash: string }, opts?: WriteOptions): Promise<ApiTokenRecord>;
  getApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(userId?: number): Promise<ApiTokenRecord[]>;
  revokeApiToken(id: number, opts?: WriteOptions): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;
}

/** The accounts part of the Store (the same interface under the name of its concern). */
export type AccountStore = AccessStore;
