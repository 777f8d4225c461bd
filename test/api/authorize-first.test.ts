// Authorization before input: a caller the use case refuses is answered 403 whatever they sent
// (a bad body, a bad id, a wrong media type), so a viewer never learns how a change would be
// checked; a caller who may perform it still gets 400 for bad input. The API's middleware only
// authenticates: the refusal is the use case's (its role), asked before the route reads the input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
let viewer: string;
let analyst: string;

beforeAll(async () => {
  L = await makeLedger({ app: { loopback: false } });
  const auth = new AuthService(L.store);
  const v = await auth.addUser("vera", "viewer", "a-viewer-password-1", "setup");
  const a = await auth.addUser("ana", "analyst", "a-reviewer-password-2", "setup");
  viewer = (await auth.createToken(v.user.id, "reader", "setup")).token;
  analyst = (await auth.createToken(a.user.id, "script", "setup")).token;
});
afterAll(async () => {
  await L?.close();
});

type Call = [method: string, path: string, body: string | FormData | undefined, contentType?: string];

function upload(name: string, text: string): FormData {
  const fd = new FormData();
  fd.set("file", new File([text], name, { type: "text/plain" }));
  return fd;
}

/** Requests each analyst-or-admin route would refuse as input (bad ids, bodies, queries, types). */
const BAD: Call[] = [
  ["POST", "/claims/abc/review", "{}"],
  ["POST", "/claims/1/review", JSON.stringify({ action: "promote" })],
  ["POST", "/documents/0/claims", "{}"],
  ["POST", "/claims/1/supersede", "{}"],
  ["POST", "/facts/merge", JSON.stringify({ into: "nope", from: [] })],
  ["POST", "/facts/nope/split", "{}"],
  ["POST", "/claims/fact-assignment/clear", JSON.stringify({ claimIds: [] })],
  ["POST", "/restrict", JSON.stringify({ type: "planet", id: 1, restricted: true })],
  ["POST", "/restrict", "{not json"],
  ["POST", "/ingest/url", JSON.stringify({ url: 42 })],
  ["POST", "/ingest/url", "text", "text/plain"],
  ["POST", "/ingest", upload("tool.exe", "MZ"), ""],
  ["POST", "/victim-lists", "{}"],
  ["POST", "/victims/link", JSON.stringify({ match: "high" })],
  ["POST", "/victims/decisions", "{}"],
  ["POST", "/victims/decisions/abc/undo", undefined],
  ["POST", "/victims/restrict", JSON.stringify({ type: "list", id: 0, restricted: true })],
  ["GET", "/review/queue?limit=0", undefined],
  ["GET", "/audit?limit=0", undefined],
  ["GET", "/victims/review?limit=0", undefined],
  ["POST", "/users", "{}"],
  ["PATCH", "/users/abc", "{}"],
];

async function send(token: string, [method, path, body, type = "application/json"]: Call): Promise<{ status: number; code: string }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (type) headers["content-type"] = type;
  const r = await L.app.request(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const json = (await r.json()) as { error?: { code: string } };
  return { status: r.status, code: json.error?.code ?? "" };
}

describe("authorization before input", () => {
  it("refuses a viewer with 403 whatever the request holds, and changes nothing", async () => {
    const before = (await L.store.auditHead()).seq;
    const answers: string[] = [];
    for (const call of BAD) {
      const { status, code } = await send(viewer, call);
      answers.push(`${call[0]} ${call[1]} ${status} ${code}`);
    }
    expect(answers).toEqual(BAD.map(([method, path]) => `${method} ${path} 403 forbidden`));
    expect((await L.store.auditHead()).seq).toBe(before);
  });

  it("still answers 400 (or 415) to an analyst's bad input, and 403 on an admin's route", async () => {
    const answers: string[] = [];
    const expected: string[] = [];
    for (const call of BAD) {
      const admin = call[1].startsWith("/users");
      const status = admin ? 403 : call[1] === "/ingest" || call[3] === "text/plain" ? 415 : 400;
      answers.push(`${call[0]} ${call[1]} ${(await send(analyst, call)).status}`);
      expected.push(`${call[0]} ${call[1]} ${status}`);
    }
    expect(answers).toEqual(expected);
  });
});
