// An admin unlocks an account locked after wrong passwords (PATCH /users/{id} with unlock): the
// account signs in again at once, the trail records who unlocked it, and no one else may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
let admin: string;
let analyst: string;
let laleh = 0;

beforeAll(async () => {
  L = await makeLedger();
  const auth = new AuthService(L.store);
  const a = await auth.addUser("ada", "admin", "long-secret-for-admin-1", "setup");
  const n = await auth.addUser("ana", "analyst", "long-secret-for-reviewer-7", "setup");
  laleh = (await auth.addUser("laleh", "viewer", "a-viewer-password-1", "setup")).user.id;
  admin = (await auth.createToken(a.user.id, "script", "setup")).token;
  analyst = (await auth.createToken(n.user.id, "script", "setup")).token;
});
afterAll(() => L?.close());

const login = (password: string) => L.app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "laleh", password }) });
const patch = (token: string, body: unknown) => L.app.request(`/api/v1/users/${laleh}`, { method: "PATCH", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });

describe("unlocking an account", () => {
  it("lets an admin lift a lockout, audited; an analyst may not", async () => {
    for (let i = 0; i < 5; i++) expect((await login("wrong-password-here")).status).toBe(401);
    expect((await login("a-viewer-password-1")).status).toBe(429);
    const listed = (await (await L.app.request("/api/v1/users", { headers: { authorization: `Bearer ${admin}` } })).json()) as { users: Array<{ name: string; lockedUntil: string | null }> };
    expect(listed.users.find((u) => u.name === "laleh")?.lockedUntil).toEqual(expect.any(String));

    expect((await patch(analyst, { unlock: true })).status).toBe(403);
    expect((await login("a-viewer-password-1")).status).toBe(429);

    const r = await patch(admin, { unlock: true });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { user: { lockedUntil: string | null } }).user.lockedUntil).toBeNull();
    expect((await login("a-viewer-password-1")).status).toBe(200);
    const events = (await L.store.listAuditEvents({ objectType: "user" })).filter((e) => e.action === "user.unlock");
    expect(events.map((e) => [e.actor, e.objectId])).toEqual([["ada", String(laleh)]]);
    expect((await L.store.verifyAudit()).ok).toBe(true);
    // Unlocking an account that is not locked changes nothing and records nothing.
    expect((await patch(admin, { unlock: true })).status).toBe(200);
    expect((await L.store.listAuditEvents({ objectType: "user" })).filter((e) => e.action === "user.unlock")).toHaveLength(1);
  });
});
