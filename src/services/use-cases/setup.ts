// Use cases of setting a ledger up: `tally init` (an empty store, created if none was there) and
// `tally serve --admin` (the first admin account, made only while no account exists). The store
// itself is opened (and, for init, created) by the composition root (src/compose.ts), which tells
// the use case whether that open created it.
import { z } from "zod";
import { UserSchema } from "../../shared/entities/account.js";
import { AuthService } from "../auth.js";
import { userEntity } from "./accounts.js";
import { useCase } from "./use-case.js";

/** The store is there now: `created` when this open made it, false when one existed (nothing changed). */
export const initStore = useCase({
  name: "store.init",
  role: "admin",
  input: z.object({}).strict(),
  output: z.object({ created: z.boolean() }),
  async run({ opened }) {
    return { created: opened?.created ?? false };
  },
});

/**
 * The first admin of a server: made with a generated password (returned once) when the store has no
 * account yet; null when accounts exist (nothing changed). The caller's name is the audit trail's.
 */
export const firstAdmin = useCase({
  name: "users.first-admin",
  role: "admin",
  input: z.object({ name: z.string() }),
  output: z.object({ user: UserSchema, password: z.string() }).nullable(),
  async run({ store, caller }, { name }) {
    if ((await store.countUsers()) > 0) return null;
    const { user, password } = await new AuthService(store).addUser(name, "admin", null, caller.name);
    return { user: userEntity(user), password };
  },
});
