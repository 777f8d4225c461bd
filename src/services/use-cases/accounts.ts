// Use cases of accounts and API tokens: users (admin), tokens (everyone their own; an admin
// anyone's). `tally user …`, `tally token …`, /users and /tokens perform these.
import { z } from "zod";
import { RoleSchema, TokenSchema, UserSchema, type UserEntity } from "../../shared/entities/account.js";
import { Invalid, NotFound } from "../../shared/errors.js";
import type { Store, UserRecord } from "../../store/index.js";
import { AuthService } from "../auth.js";
import { requireRoleOf, useCase, type Caller } from "./use-case.js";

/** A user by id (the API) or by name (the command line). */
const UserRef = z.union([z.number().int().min(1), z.string().min(1)]);

/** The user as shown: no password hash; a lockout only while it lasts. */
export function userEntity(u: UserRecord, now = Date.now()): UserEntity {
  return {
    id: u.id,
    name: u.name,
    role: u.role,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil !== null && Date.parse(u.lockedUntil) > now ? u.lockedUntil : null,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

async function userOf(store: Store, ref: number | string): Promise<UserRecord> {
  const u = await store.getUser(ref);
  if (u) return u;
  throw typeof ref === "number" ? new NotFound("user", ref, "id", `no user ${ref}`) : new NotFound("user", JSON.stringify(ref), "name", `no user named ${JSON.stringify(ref)}`);
}

/** Every account. */
export const listUsers = useCase({
  name: "users.list",
  role: "admin",
  input: z.object({}),
  output: z.object({ users: z.array(UserSchema) }),
  async run({ store }) {
    return { users: (await store.listUsers()).map((u) => userEntity(u)) };
  },
});

/** Creates an account; without a password one is generated and returned (to be shown once). */
export const addUser = useCase({
  name: "users.add",
  role: "admin",
  input: z.object({ name: z.string(), role: RoleSchema, password: z.string().nullable().default(null) }),
  output: z.object({ user: UserSchema, password: z.string().nullable().meta({ description: "the generated password, shown once; null when one was given" }) }),
  async run({ store, caller }, { name, role, password }) {
    const made = await new AuthService(store).addUser(name, role, password, caller.name);
    return { user: userEntity(made.user), password: password === null ? made.password : null };
  },
});

/**
 * Changes an account: its role, disabled or enabled, a new password (generated and returned once
 * unless given; every session of the account ends).
 */
export const updateUser = useCase({
  name: "users.update",
  role: "admin",
  input: z.object({
    user: UserRef,
    role: RoleSchema.optional(),
    disabled: z.boolean().optional(),
    /** Lift a lockout after wrong passwords (audited as `user.unlock` when the account was locked). */
    unlock: z.boolean().default(false),
    resetPassword: z.boolean().default(false),
    /** The new password when resetting (generated when absent). */
    password: z.string().nullable().default(null),
  }),
  output: z.object({ user: UserSchema, password: z.string().nullable() }),
  async run({ store, caller }, input) {
    const user = await userOf(store, input.user);
    let updated = user;
    if (input.role !== undefined || input.disabled !== undefined) {
      updated = await store.updateUser(user.id, { ...(input.role ? { role: input.role } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled } : {}) });
    }
    if (input.unlock) await store.unlockUser(user.id, { actor: caller.name });
    const password = input.resetPassword ? await new AuthService(store).resetPassword(updated, input.password, caller.name) : null;
    return { user: userEntity((await store.getUser(user.id)) ?? updated), password: input.password === null ? password : null };
  },
});

/** Whether `caller` may act on tokens of `userId`: their own, or anyone's for an admin. */
const mayManage = (caller: Caller, userId: number): boolean => caller.role === "admin" || caller.userId === userId;

/** API tokens (never their secrets): the caller's own, or for an admin everyone's or one user's. */
export const listTokens = useCase({
  name: "tokens.list",
  role: "viewer",
  input: z.object({ user: UserRef.optional() }),
  output: z.object({ tokens: z.array(TokenSchema.extend({ user: z.string() })) }),
  async run({ store, caller }, { user }) {
    let only: number | undefined;
    if (user !== undefined) only = (await userOf(store, user)).id;
    if (caller.role !== "admin") {
      if (caller.userId == null || (only !== undefined && only !== caller.userId)) return { tokens: [] };
      only = caller.userId;
    }
    const names = new Map((await store.listUsers()).map((u) => [u.id, u.name]));
    const tokens = await store.listApiTokens(only);
    return { tokens: tokens.map(({ tokenHash: _hash, ...t }) => ({ ...t, user: names.get(t.userId) ?? String(t.userId) })) };
  },
});

/** A new API token (for the caller, or for an admin any user): the secret is returned once, only its hash is kept. */
export const createToken = useCase({
  name: "tokens.create",
  role: "viewer",
  input: z.object({ name: z.string().trim().min(1), user: UserRef.optional() }),
  output: z.object({ id: z.number().int(), token: z.string() }),
  async run({ store, caller }, { name, user }) {
    let userId: number;
    if (user !== undefined) {
      userId = (await userOf(store, user)).id;
      if (userId !== caller.userId) requireRoleOf(caller, "admin");
    } else {
      if (caller.userId == null) throw new Invalid("API tokens belong to accounts; create one with `tally user add`");
      userId = caller.userId;
    }
    return new AuthService(store).createToken(userId, name, caller.name);
  },
});

/** Revokes an API token (the caller's own, or anyone's for an admin); false when it was not active. */
export const revokeToken = useCase({
  name: "tokens.revoke",
  role: "viewer",
  input: z.object({ id: z.number().int().min(1) }),
  output: z.object({ revoked: z.boolean() }),
  async run({ store, caller }, { id }) {
    const token = (await store.listApiTokens()).find((t) => t.id === id);
    if (!token || !mayManage(caller, token.userId)) throw new NotFound("token", id, "id", `no token ${id}`);
    return { revoked: await store.revokeApiToken(id) };
  },
});
