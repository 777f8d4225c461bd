// Restricting a source (issue 22, item 3): `tally restrict source NAME` makes the source's record
// (the sources table was never filled) and hides every claim credited to it — those stored already
// and those stored later — from viewers, the public API and public exports, on every path.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../facts/helpers.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { AuthService } from "../../src/services/auth.js";
import { createApp } from "../../src/api/app.js";
import { makeLedger, type Ledger } from "./helpers.js";
import { writeFile } from "node:fs/promises";

let L: Ledger;
let viewerToken: string;
let adminToken: string;

const cli = (args: string[]) => runCli(["--data", L.config.dataDir, ...args]);

beforeAll(async () => {
  L = await makeLedger();
  const auth = new AuthService(L.store);
  const viewer = await auth.addUser("vera", "viewer", "a-viewer-password-1", "setup");
  const admin = await auth.addUser("adam", "admin", "an-admin-password-1", "setup");
  viewerToken = (await auth.createToken(viewer.user.id, "reader", "setup")).token;
  adminToken = (await auth.createToken(admin.user.id, "script", "setup")).token;
});
afterAll(async () => {
  await L?.close();
});

/** Every value of a "source" or "voice"-like field anywhere in a JSON answer that names the source. */
function mentions(node: unknown, pattern: RegExp, path = "$"): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => mentions(n, pattern, `${path}[${i}]`));
  if (node && typeof node === "object") {
    return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
      ["source", "sources", "voice", "name"].includes(k) && typeof v === "string" && pattern.test(v) ? [`${path}.${k}`] : mentions(v, pattern, `${path}.${k}`),
    );
  }
  return [];
}

const VIEWS = ["/claims?limit=1000", "/claims?source=Amnesty", "/exports/claims?format=json", "/facts", "/conflicts", "/timeline?event=execution&place=Iran", "/overview?event=execution&place=Iran", "/review/queue"];

async function asViewer(app: ReturnType<typeof createApp>, path: string): Promise<unknown> {
  const r = await app.request(`/api/v1${path}`, { headers: { authorization: `Bearer ${viewerToken}` } });
  expect(r.status, path).toBeLessThan(500);
  return r.status === 200 ? r.json() : null;
}

describe("restricting a source", () => {
  it("hides its claims from viewers, public exports and claims stored later, until released", async () => {
    const app = createApp({ store: L.store, config: L.config, log: () => {}, loopback: false });
    const before = await L.store.countClaims({ source: "Amnesty International" });
    expect(before).toBeGreaterThan(0);
    const seen = await asViewer(app, "/claims?limit=1000");
    expect(mentions(seen, /amnesty/i).length).toBeGreaterThan(0);

    const r = await cli(["restrict", "source", "Amnesty"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^source \d+ \(Amnesty International; \d+ claims\) restricted$/);

    for (const path of VIEWS) expect(mentions(await asViewer(app, path), /amnesty/i), path).toEqual([]);
    const facts = (await asViewer(app, "/facts")) as { facts: Array<{ id: string }> };
    for (const f of facts.facts) expect(mentions(await asViewer(app, `/facts/${f.id}`), /amnesty/i), f.id).toEqual([]);
    // The analyst still sees them.
    expect(await L.store.countClaims({ source: "Amnesty International" })).toBe(before);

    // A claim credited to it later is hidden as it is stored.
    const later = join(L.dir, "later.txt");
    await writeFile(later, "Amnesty International said at least 41 people were executed in Iran in January 2024.\n");
    await ingest([later], L.store, { config: L.config, published: "2024-02-10" });
    expect(await L.store.countClaims({ source: "Amnesty International" })).toBe(before + 1);
    for (const path of VIEWS) expect(mentions(await asViewer(app, path), /amnesty/i), path).toEqual([]);

    // Public export: no claim of the source.
    const bundle = join(L.dir, "public.tally");
    expect((await cli(["export", "--all", "--public", bundle])).code).toBe(0);
    const lines = gunzipSync(readFileSync(bundle)).toString("utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as unknown);
    expect(mentions(lines, /amnesty/i)).toEqual([]);

    // Released through the API by name: visible again.
    const release = await app.request("/api/v1/restrict", { method: "POST", headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" }, body: JSON.stringify({ type: "source", id: "Amnesty International", restricted: false }) });
    expect(release.status).toBe(200);
    expect(mentions(await asViewer(app, "/claims?source=Amnesty"), /amnesty/i).length).toBe(before + 1);

    // Restricted and released actions are in the audit trail.
    const events = await L.store.listAuditEvents({ objectType: "source" });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["source.upsert", "source.restrict", "source.unrestrict"]));
    expect((await L.store.verifyAudit()).ok).toBe(true);
  });

  it("refuses a number that names no source", async () => {
    const r = await cli(["restrict", "source", "9999"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no source with id 9999/);
  });
});
