// Password hashing and the login rules of AuthService, on a temporary store.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import { checkPasswordPolicy, DUMMY_HASH, hashPassword, verifyPassword } from "../../src/services/passwords.js";
import { openStore, type Store } from "../../src/store/index.js";

describe("passwords", () => {
  it("hashes with a fresh salt and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("correct horse battery", a)).toBe(true);
    expect(await verifyPassword("correct horse batterY", a)).toBe(false);
    expect(await verifyPassword("anything", DUMMY_HASH)).toBe(false);
    expect(await verifyPassword("anything", "plain-text")).toBe(false);
  });

  it("refuses short passwords and passwords containing the user name", () => {
    expect(() => checkPasswordPolicy("short", "kim")).toThrow(/at least 10/);
    expect(() => checkPasswordPolicy("kim-is-my-password", "kim")).toThrow(/user name/);
    expect(() => checkPasswordPolicy("a-fine-long-password", "kim")).not.toThrow();
  });
});

describe("AuthService", () => {
  let dir: string;
  let store: Store;
  let now: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tally-auth-"));
    store = await openStore({ dataDir: dir });
    now = Date.parse("2026-01-01T00:00:00Z");
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("rate-limits login attempts per address, whatever the user names", async () => {
    const auth = new AuthService(store, { attemptsPerWindow: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) await expect(auth.login(`u${i}`, "whatever-password", "10.0.0.9")).rejects.toMatchObject({ status: 401 });
    await expect(auth.login("u9", "whatever-password", "10.0.0.9")).rejects.toMatchObject({ status: 429 });
    await expect(auth.login("u9", "whatever-password", "10.0.0.10")).rejects.toMatchObject({ status: 401 });
    now += 61_000;
    await expect(auth.login("u9", "whatever-password", "10.0.0.9")).rejects.toMatchObject({ status: 401 });
  });

  it("locks an account for a while after repeated failures, then lets the right password in", async () => {
    const auth = new AuthService(store, { maxFailures: 2, lockMs: 60_000, now: () => now });
    await auth.addUser("kim", "analyst", "a-fine-long-password", "setup");
    await expect(auth.login("kim", "bad-guess-1", "a")).rejects.toMatchObject({ status: 401 });
    await expect(auth.login("kim", "bad-guess-2", "a")).rejects.toMatchObject({ status: 401 });
    await expect(auth.login("kim", "a-fine-long-password", "a")).rejects.toMatchObject({ status: 429 });
    now += 61_000;
    const ok = await auth.login("kim", "a-fine-long-password", "a");
    expect(ok.principal).toMatchObject({ name: "kim", role: "analyst", via: "session" });
    expect(await auth.fromSession(ok.token)).toMatchObject({ name: "kim" });
  });

  it("expires sessions and refuses disabled users' sessions and tokens", async () => {
    const auth = new AuthService(store, { sessionMs: 1000, now: () => now });
    const { user } = await auth.addUser("lee", "viewer", "a-fine-long-password", "setup");
    const s = await auth.login("lee", "a-fine-long-password", "a");
    const t = await auth.createToken(user.id, "script", "lee");
    expect(await auth.fromToken(t.token)).toMatchObject({ name: "lee", via: "token" });
    now += 2000;
    expect(await auth.fromSession(s.token)).toBeNull();
    await store.updateUser(user.id, { disabled: true });
    expect(await auth.fromToken(t.token)).toBeNull();
    await expect(auth.login("lee", "a-fine-long-password", "a")).rejects.toMatchObject({ status: 401 });
  });
});
