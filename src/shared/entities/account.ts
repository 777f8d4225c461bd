// The accounts of the web server as the API and the command line show them: a user (never its
// password hash), an API token (never its secret nor hash), and the session. Plain zod, shared by
// the use cases (src/services/use-cases/accounts.ts), the API's answers and its OpenAPI document.
import { z } from "zod";

/** Who may do what: admin (everything, users), analyst (ingest, review, edit), viewer (read). */
export const ROLE_NAMES = ["admin", "analyst", "viewer"] as const;
export const RoleSchema = z.enum(ROLE_NAMES);

export const UserSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: RoleSchema,
    disabled: z.boolean(),
    lockedUntil: z.string().nullable().optional().meta({ description: "locked after wrong passwords until then (ISO 8601); null when not locked" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "User" });
export type UserEntity = z.infer<typeof UserSchema>;

export const SessionSchema = z
  .object({
    mode: z.enum(["single-user", "users"]).meta({ description: "single-user: no accounts exist; the local operator is admin on loopback" }),
    user: z.object({ name: z.string(), role: RoleSchema }).nullable(),
    csrf: z.string().nullable().meta({ description: "send as X-CSRF-Token with every request that changes something" }),
  })
  .meta({ id: "Session" });

export const TokenSchema = z
  .object({ id: z.number().int(), userId: z.number().int(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() })
  .meta({ id: "ApiToken" });
export type TokenEntity = z.infer<typeof TokenSchema>;

/** A user's name as accounts are created with it through the API. */
export const UserName = z.string().trim().min(1).max(64);
