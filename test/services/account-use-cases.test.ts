// The account use cases decide who may touch which API token: everyone their own, an admin
// anyone's; another's token is answered as missing, and users are an admin's alone.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, createToken, listTokens, listUsers, revokeToken, updateUser } from "../../src/services/use-cases/accounts.js";
import { AuthService } from "../../src/services/auth.js";
import { showSession, signIn, signOut } from "../../src/services/use-cases/session.js";
import { NOBODY, perform, type CaseContext, type Caller } from "../../src/services/use-cases/use-case.js";
import { Forbidden, Invalid, NotFound, Unavailable } from "../../src/shared/errors.js";
import { openStore, type Store } from "../../src/store/index.js";

let dir: string;
let store: Store;
const as = (caller: Caller): CaseContext => ({ store, caller, dataDir: dir });
const operator = (): CaseContext => as({ name: "operator", role: "admin" });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-accounts-"));
  store = await openStore({ dataDir: dir, create: true });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("account use cases", () => {
  it("keep each account's tokens its own and let an admin manage everyone's", async () => {
    const made = await perform(addUser, operator(), { name: "rosa", role: "analyst", password: null });
    expect(made.password).toMatch(/\S{12,}/);
    const other = await perform(addUser, operator(), { name: "omid", role: "viewer", password: null });
    const rosa = as({ name: "rosa", role: "analyst", userId: made.user.id });
    const omid = as({ name: "omid", role: "viewer", userId: other.user.id });

    const own = await perform(createToken, rosa, { name: "script" });
    expect(own.token).toMatch(/^tly_/);
    await expect(perform(createToken, omid, { name: "sneaky", user: "rosa" })).rejects.toBeInstanceOf(Forbidden);
    await expect(perform(createToken, as({ name: "local", role: "admin", userId: null }), { name: "x" })).rejects.toBeInstanceOf(Invalid);
    const forOmid = await perform(createToken, operator(), { name: "granted", user: "omid" });

    expect((await perform(listTokens, omid, {})).tokens.map((t) => t.id)).toEqual([forOmid.id]);
    expect((await perform(listTokens, operator(), {})).tokens.map((t) => [t.id, t.user])).toEqual([
      [own.id, "rosa"],
      [forOmid.id, "omid"],
    ]);
    await expect(perform(revokeToken, omid, { id: own.id })).rejects.toBeInstanceOf(NotFound);
    expect(await perform(revokeToken, rosa, { id: own.id })).toEqual({ revoked: true });
    expect(await perform(revokeToken, rosa, { id: own.id })).toEqual({ revoked: false });
  });

  it("leave users to admins, find them by id or name, and show no password hash", async () => {
    await expect(perform(listUsers, as({ name: "rosa", role: "analyst" }), {})).rejects.toBeInstanceOf(Forbidden);
    const updated = await perform(updateUser, operator(), { user: "omid", role: "analyst", resetPassword: true });
    expect(updated.user).toMatchObject({ name: "omid", role: "analyst", disabled: false, lockedUntil: null });
    expect(updated.password).toMatch(/\S{12,}/);
    expect(updated.user).not.toHaveProperty("passwordHash");
    await expect(perform(updateUser, operator(), { user: 999, disabled: true })).rejects.toThrow("no user 999");
    await expect(perform(updateUser, operator(), { user: "nobody", disabled: true })).rejects.toThrow('no user named "nobody"');
  });

  it("sign in with the server's service only, show the session to anyone, end only the caller's own session, and refuse nobody anything else", async () => {
    expect(await perform(showSession, as(NOBODY), {})).toEqual({ mode: "users", user: null, csrf: null });
    await expect(perform(listTokens, as(NOBODY), {})).rejects.toThrow(/^sign in first$/);
    await perform(addUser, operator(), { name: "sima", role: "viewer", password: "a long enough pass phrase 7" });
    const credentials = { name: "sima", password: "a long enough pass phrase 7", address: "127.0.0.1" };
    await expect(perform(signIn, as(NOBODY), credentials)).rejects.toBeInstanceOf(Unavailable);
    const auth = new AuthService(store);
    await expect(perform(signIn, { ...as(NOBODY), auth }, { ...credentials, password: "not the pass phrase" })).rejects.toMatchObject({ status: 401 });
    const { session, cookie } = await perform(signIn, { ...as(NOBODY), auth }, credentials);
    expect(session).toMatchObject({ mode: "users", user: { name: "sima", role: "viewer" } });
    const p = await auth.fromSession(cookie.token);
    if (!p) throw new Error("the session was not opened");
    expect(p.csrf).toBe(session.csrf);
    const signedIn = { token: cookie.token };
    const sima = as({ name: p.name, role: p.role, userId: p.userId, via: "session", session: { hash: p.sessionHash ?? "", csrf: p.csrf ?? "" } });
    expect(await perform(showSession, sima, {})).toEqual({ mode: "users", user: { name: "sima", role: "viewer" }, csrf: p.csrf });
    expect(await auth.fromSession(signedIn.token)).not.toBeNull();
    expect(await perform(signOut, as(NOBODY), {})).toEqual({ ok: true });
    expect(await auth.fromSession(signedIn.token)).not.toBeNull();
    expect(await perform(signOut, sima, {})).toEqual({ ok: true });
    expect(await auth.fromSession(signedIn.token)).toBeNull();
  });
});
