// The named-victims routes through the app in-process: an analyst imports a restricted list and a
// public one, links them, reviews and decides; a viewer sees people but never a restricted name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "../api/helpers.js";

let L: Ledger;
let analyst: string;
let viewer: string;

beforeAll(async () => {
  L = await makeLedger();
  const auth = new AuthService(L.store);
  const a = await auth.addUser("ana", "analyst", "a-reviewer-password-1", "setup");
  const v = await auth.addUser("vera", "viewer", "a-viewer-password-1", "setup");
  analyst = (await auth.createToken(a.user.id, "script", "setup")).token;
  viewer = (await auth.createToken(v.user.id, "reader", "setup")).token;
});
afterAll(async () => {
  await L?.close();
});

async function call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- answers are checked field by field */ {
  const r = await L.app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, ...(body ? { body: JSON.stringify(body) } : {}) });
  return { status: r.status, json: await r.json() };
}

describe("victims API", () => {
  it("imports lists, reporting bad rows; viewers may not import", async () => {
    const open = await call(analyst, "POST", "/victim-lists", { fileName: "open.csv", csv: "name,age,place\nKamran Salehi,34,Tehran\nDariush Moradi,x,Tabriz", source: "Monitor A" });
    expect(open.status).toBe(200);
    expect(open.json).toMatchObject({ imported: 1, rejected: [{ line: 3, field: "age" }] });
    const hidden = await call(analyst, "POST", "/victim-lists", { fileName: "hidden.csv", csv: "name,age,place\nکامران صالحی,35,Tehran\nNasrin Jafari,45,Shiraz", source: "Monitor B", restricted: true });
    expect(hidden.status).toBe(200);
    expect((await call(viewer, "POST", "/victim-lists", { fileName: "v.csv", csv: "name\nA B", source: "V" })).status).toBe(403);
  });

  it("links, and shows people to analysts in full and to viewers without restricted names", async () => {
    const link = await call(analyst, "POST", "/victims/link", {});
    expect(link.json).toMatchObject({ records: 3, persons: 2 });
    const full = await call(analyst, "GET", "/victims");
    expect(full.json.persons.flatMap((p: { names: string[] }) => p.names).sort()).toEqual(["Kamran Salehi", "Nasrin Jafari", "کامران صالحی"]);
    const seen = await call(viewer, "GET", "/victims");
    expect(JSON.stringify(seen.json)).not.toMatch(/Nasrin|کامران/);
    expect(seen.json.persons.map((p: { names: string[] }) => p.names)).toEqual([["Kamran Salehi"]]);
    const lists = await call(viewer, "GET", "/victim-lists");
    expect(lists.json.lists.map((l: { source: string }) => l.source)).toEqual(["Monitor A"]);
    const id = full.json.persons.find((p: { names: string[] }) => p.names.includes("Kamran Salehi")).id;
    const person = await call(analyst, "GET", `/victims/${id}`);
    expect(person.json.recordList).toHaveLength(2);
    expect((await call(viewer, "GET", `/victims/${id}`)).json.recordList).toHaveLength(1);
    expect((await call(analyst, "GET", "/victims/999999")).status).toBe(404);
  });

  it("decides on a pair and undoes it; viewers may not see the review pairs", async () => {
    const full = await call(analyst, "GET", "/victims");
    const id = full.json.persons.find((p: { names: string[] }) => p.names.includes("Kamran Salehi")).id;
    const keys = (await call(analyst, "GET", `/victims/${id}`)).json.recordList.map((r: { key: string }) => r.key);
    const d = await call(analyst, "POST", "/victims/decisions", { a: keys[0], b: keys[1], same: false });
    expect(d.json).toMatchObject({ same: false, decidedBy: "ana" });
    expect((await call(analyst, "POST", "/victims/link", {})).json.splits).toHaveLength(1);
    expect((await call(analyst, "POST", `/victims/decisions/${d.json.id}/undo`)).json.undoneBy).toBe("ana");
    expect((await call(analyst, "POST", "/victims/link", {})).json.merges).toHaveLength(1);
    expect((await call(viewer, "GET", "/victims/review")).status).toBe(403);
    // Every change is the analyst's (decided once, by the use case): a viewer is refused each, and nothing changes.
    const before = (await L.store.auditHead()).seq;
    for (const [method, path, body] of [
      ["POST", "/victims/link", {}], ["POST", "/victims/decisions", { a: keys[0], b: keys[1], same: true }], ["POST", `/victims/decisions/${d.json.id}/undo`, undefined],
      ["POST", "/victims/restrict", { type: "person", id, restricted: true }],
    ] as const) {
      const r = await call(viewer, method, path, body);
      expect([path, r.status, r.json.error?.code ?? r.json.code]).toEqual([path, 403, expect.anything()]);
    }
    expect((await L.store.auditHead()).seq).toBe(before);
    expect((await call(analyst, "POST", "/victims/decisions", { a: "row:1", b: "bogus", same: true })).status).toBe(400);
  });

  it("answers the overlap with a refusal when the lists are too small", async () => {
    const o = await call(analyst, "GET", "/victims/overlap?lists_only=true");
    expect(o.json.sources).toHaveLength(2);
    expect(o.json.estimate).toMatchObject({ ok: false, reason: expect.stringMatching(/too small/) });
  });
});
