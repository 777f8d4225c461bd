// Sign-in, roles, CSRF, lockout, API tokens and restricted material through the API, in-process.
// Each attack named by the issue has a test here: a viewer calling analyst endpoints, a forged or
// missing CSRF token, a stolen session after logout, password guessing, and a restricted document
// reached by id, by search, through a fact, a timeline, an export or a count.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "../../src/api/server.js";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
const PASSWORDS = { ada: "first-admin-pass-1", ann: "second-analyst-pass", vic: "third-viewer-pass" };

beforeAll(async () => {
  L = await makeLedger({ app: { loopback: false, secureCookies: true, authOptions: { maxFailures: 3, attemptsPerWindow: 1000 } } });
  const auth = new AuthService(L.store);
  await auth.addUser("ada", "admin", PASSWORDS.ada, "setup");
  await auth.addUser("ann", "analyst", PASSWORDS.ann, "setup");
  await auth.addUser("vic", "viewer", PASSWORDS.vic, "setup");
});
afterAll(async () => {
  await L?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const json = async (r: Response): Promise<any> => r.json();
const api = (path: string, init: RequestInit = {}) => L.app.request(`/api/v1${path}`, init);

interface Session {
  cookie: string;
  csrf: string;
  setCookie: string;
}

async function login(name: keyof typeof PASSWORDS, password: string = PASSWORDS[name]): Promise<Session> {
  const r = await api("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, password }) });
  expect(r.status).toBe(200);
  const setCookie = r.headers.get("set-cookie") ?? "";
  const cookie = setCookie.split(";")[0] ?? "";
  return { cookie, csrf: (await json(r)).csrf, setCookie };
}

const as = (s: Session, init: RequestInit = {}, csrf: string | null = s.csrf): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), cookie: s.cookie, "content-type": "application/json", ...(csrf !== null ? { "x-csrf-token": csrf } : {}) },
});

describe("sign-in", () => {
  it("refuses every ledger route without a session or token once accounts exist (and off loopback)", async () => {
    for (const path of ["/documents", "/claims", "/facts", "/search?q=executed", "/overview?event=execution", "/exports/claims", "/audit"]) {
      const r = await api(path);
      expect(r.status, path).toBe(401);
      expect((await json(r)).error.code).toBe("unauthorized");
    }
    expect((await json(await api("/auth/session"))).user).toBeNull();
  });

  it("sets an HTTP-only, SameSite=Strict, Secure session cookie and never returns the password hash", async () => {
    const s = await login("ann");
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Strict/i);
    expect(s.setCookie).toMatch(/Secure/i);
    expect(s.csrf).toMatch(/^[\w-]{40,}$/);
    const me = await json(await api("/auth/session", as(s)));
    expect(me).toEqual({ mode: "users", user: { name: "ann", role: "analyst" }, csrf: s.csrf });
    const users = await api("/users", as(await login("ada")));
    expect(JSON.stringify(await json(users))).not.toMatch(/scrypt|password/i);
  });

  it("answers a wrong password and an unknown user alike", async () => {
    const bad = await api("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "vic", password: "wrong-password" }) });
    const nobody = await api("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "nobody", password: "wrong-password" }) });
    expect(bad.status).toBe(401);
    expect(nobody.status).toBe(401);
    expect((await json(bad)).error.message).toBe((await json(nobody)).error.message);
    await login("vic"); // a success resets the failure count
  });

  it("locks an account after repeated wrong passwords, even against the right one, and audits it", async () => {
    const attempt = (password: string) =>
      api("/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "ada", password }) });
    for (let i = 0; i < 3; i++) expect((await attempt(`guess-number-${i}`)).status).toBe(401);
    const locked = await attempt(PASSWORDS.ada);
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await json(locked)).error.message).toMatch(/locked/);
    const events = await L.store.listAuditEvents({ objectType: "user" });
    expect(events.some((e) => e.action === "user.lockout")).toBe(true);
    // An admin's reset ends the lockout.
    const ada = await L.store.getUser("ada");
    await L.store.setLoginState(ada!.id, { failedLogins: 0, lockedUntil: null });
  });

  it("ends a session on logout: the same cookie is refused afterwards", async () => {
    const s = await login("vic");
    expect((await api("/documents", as(s))).status).toBe(200);
    expect((await api("/auth/logout", as(s, { method: "POST" }, null))).status).toBe(403);
    const out = await api("/auth/logout", as(s, { method: "POST" }));
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/tally_session=;/);
    expect((await api("/documents", as(s))).status).toBe(401);
  });
});

describe("CSRF and roles", () => {
  it("refuses state changes with a missing or forged CSRF token", async () => {
    const s = await login("ann");
    const url = { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:9/none" }) };
    for (const token of [null, "forged-token-value", (await login("ann")).csrf]) {
      const r = await api("/ingest/url", as(s, url, token));
      expect(r.status).toBe(403);
      expect((await json(r)).error.message).toMatch(/CSRF/);
    }
  });

  it("lets a viewer read but not review, ingest, restrict, read the audit trail or manage accounts", async () => {
    const s = await login("vic");
    const claims = await json(await api("/claims?limit=1", as(s)));
    const id = claims.claims[0].id;
    const calls: Array<[string, RequestInit]> = [
      [`/claims/${id}/review`, { method: "POST", body: JSON.stringify({ action: "accept" }) }],
      ["/ingest/url", { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:9/" }) }],
      ["/restrict", { method: "POST", body: JSON.stringify({ type: "claim", id, restricted: true }) }],
      ["/review/queue", {}],
      ["/audit", {}],
      ["/users", {}],
      ["/users", { method: "POST", body: JSON.stringify({ name: "mallory", role: "admin" }) }],
    ];
    for (const [path, init] of calls) {
      const r = await api(path, as(s, init));
      expect(r.status, path).toBe(403);
      expect((await json(r)).error.code).toBe("forbidden");
    }
    expect((await L.store.getClaim(id))?.status).toBe("proposed");
    expect(await L.store.getUser("mallory")).toBeNull();
  });

  it("lets an analyst review through the API, with history, but not manage accounts", async () => {
    const s = await login("ann");
    const queue = await json(await api("/review/queue?order=consequential&limit=3", as(s)));
    expect(queue.total).toBeGreaterThan(0);
    // Most consequential: the claims of the top-ranked conflict first (services/consequential.ts).
    const conflicts = await json(await api("/conflicts", as(s)));
    expect(conflicts.conflicts.length).toBeGreaterThan(0);
    expect(conflicts.conflicts[0].claims.map((c: { id: string }) => Number(c.id))).toContain(queue.claims[0].id);
    const id = queue.claims[0].id;
    const corrected = await json(await api(`/claims/${id}/review`, as(s, { method: "POST", body: JSON.stringify({ action: "correct", fields: { qualifier: "about" }, reason: "the report hedges" }) })));
    expect(corrected).toMatchObject({ status: "corrected", qualifier: "about", reviewedBy: "ann", proposal: { qualifier: expect.any(String) } });
    const bad = await api(`/claims/${id}/review`, as(s, { method: "POST", body: JSON.stringify({ action: "reject" }) }));
    expect(bad.status).toBe(400);
    const detail = await json(await api(`/claims/${id}`, as(s)));
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(["claims.create", "claim.correct"]);
    expect(detail.history[1]).toMatchObject({ actor: "ann", reason: "the report hedges" });
    expect((await api("/users", as(s))).status).toBe(403);
    expect((await L.store.verifyAudit()).ok).toBe(true);
  });
});

describe("API tokens", () => {
  it("are shown once, stored hashed, work without CSRF, and stop working when revoked", async () => {
    const s = await login("ann");
    const made = await json(await api("/tokens", as(s, { method: "POST", body: JSON.stringify({ name: "nightly script" }) })));
    expect(made.token).toMatch(/^tly_/);
    const stored = await L.store.listApiTokens();
    expect(JSON.stringify(stored)).not.toContain(made.token);
    const listed = await json(await api("/tokens", as(s)));
    expect(JSON.stringify(listed)).not.toContain(made.token);
    const bearer = { authorization: `Bearer ${made.token}` };
    expect((await api("/documents", { headers: bearer })).status).toBe(200);
    const queue = await api("/review/queue", { headers: bearer });
    expect(queue.status).toBe(200);
    expect((await api("/documents", { headers: { authorization: "Bearer tly_forged" } })).status).toBe(401);
    expect((await api(`/tokens/${made.id}`, as(s, { method: "DELETE" }))).status).toBe(200);
    expect((await api("/documents", { headers: bearer })).status).toBe(401);
  });

  it("carry their user's role: a viewer's token cannot change anything", async () => {
    const s = await login("vic");
    const made = await json(await api("/tokens", as(s, { method: "POST", body: JSON.stringify({ name: "reader" }) })));
    const r = await api("/restrict", { method: "POST", headers: { authorization: `Bearer ${made.token}`, "content-type": "application/json" }, body: JSON.stringify({ type: "claim", id: 1, restricted: true }) });
    expect(r.status).toBe(403);
  });
});

describe("restricted material", () => {
  it("never reaches a viewer: not by id, list, search, claims, facts, timeline, overview, export or counts", async () => {
    const analyst = await login("ann");
    const viewer = await login("vic");
    const docs = await json(await api("/documents?limit=50", as(analyst)));
    const secret = docs.documents.find((d: { name: string }) => d.name === "harbour-review-2023.txt");
    const before = {
      docs: (await json(await api("/documents", as(viewer)))).total,
      claims: (await json(await api("/claims?event=execution", as(viewer)))).total,
    };
    const restrict = await api("/restrict", as(analyst, { method: "POST", body: JSON.stringify({ type: "document", id: secret.id, restricted: true }) }));
    expect(restrict.status).toBe(200);

    expect((await api(`/documents/${secret.id}`, as(viewer))).status).toBe(404);
    expect((await api(`/documents/${secret.sha256.slice(0, 12)}`, as(viewer))).status).toBe(404);
    const list = await json(await api("/documents?limit=50", as(viewer)));
    expect(list.total).toBe(before.docs - 1);
    expect(list.documents.map((d: { id: number }) => d.id)).not.toContain(secret.id);
    const hits = await json(await api(`/search?q=${encodeURIComponent("834")}`, as(viewer)));
    expect(hits.hits.map((h: { documentId: number }) => h.documentId)).not.toContain(secret.id);
    const claims = await json(await api("/claims?event=execution&limit=1000", as(viewer)));
    expect(claims.total).toBe(before.claims - secret.claimCount);
    expect(claims.claims.map((c: { documentId: number }) => c.documentId)).not.toContain(secret.id);
    const csv = await (await api("/exports/claims?limit=100000", as(viewer))).text();
    expect(csv).not.toContain("harbour-review-2023.txt");
    const everything = JSON.stringify([
      await json(await api("/facts", as(viewer))),
      await json(await api("/conflicts", as(viewer))),
      await json(await api("/timeline?event=execution&place=Iran", as(viewer))),
      await json(await api("/overview?event=execution&place=Iran", as(viewer))),
      await json(await api("/sources", as(viewer))),
    ]);
    expect(everything).not.toContain("harbour-review-2023.txt");
    expect(everything).not.toContain("Harbour Review");
    expect(everything).not.toMatch(/\b834\b/);
    // A claim id of the restricted document is unknown to the viewer too.
    const analystView = await json(await api(`/documents/${secret.id}`, as(analyst)));
    expect(analystView.document.restricted).toBe(true);
    expect((await api(`/claims/${analystView.claims[0].id}`, as(viewer))).status).toBe(404);
    // The analyst still sees it all.
    expect(JSON.stringify(await json(await api("/facts", as(analyst))))).toMatch(/\b834\b/);
    // Released, it is back for everyone.
    await api("/restrict", as(analyst, { method: "POST", body: JSON.stringify({ type: "document", id: secret.id, restricted: false }) }));
    expect((await api(`/documents/${secret.id}`, as(viewer))).status).toBe(200);
  });
});

describe("single-user mode", () => {
  it("works without sign-in on loopback when no account exists, and not off loopback", async () => {
    const local = await makeLedger({ app: { loopback: true } });
    const remote = await makeLedger({ app: { loopback: false } });
    try {
      expect((await local.app.request("/api/v1/documents")).status).toBe(200);
      expect(await (await local.app.request("/api/v1/auth/session")).json()).toMatchObject({ mode: "single-user", user: { role: "admin" } });
      expect((await remote.app.request("/api/v1/documents")).status).toBe(401);
    } finally {
      await local.close();
      await remote.close();
    }
  });

  it("refuses to listen off loopback until an admin exists", async () => {
    const bare = await makeLedger();
    try {
      await expect(startServer({ store: bare.store, config: bare.config, host: "0.0.0.0", port: 0, webRoot: null })).rejects.toThrow(/no admin account exists/);
      await new AuthService(bare.store).addUser("root-admin", "admin", "a-long-admin-password", "setup");
      const server = await startServer({ store: bare.store, config: bare.config, host: "0.0.0.0", port: 0, webRoot: null });
      const r = await fetch(`http://127.0.0.1:${server.port}/api/v1/documents`);
      expect(r.status).toBe(401);
      await server.close();
    } finally {
      await bare.close();
    }
  });
});
