// The server's log tells the operator when the single-user mode ends (an account was made while
// it serves), instead of leaving "single-user mode" as its last word; the overview's latest
// documents are reports, not reference data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MODE_LINES } from "../../src/api/auth.js";
import { createApp } from "../../src/api/app.js";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "./helpers.js";

describe("server log and the single-user mode", () => {
  let L: Ledger;
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("logs once that accounts exist when the first one is made while it serves", async () => {
    const lines: string[] = [];
    const app = createApp({ store: L.store, config: L.config, log: (line) => lines.push(line) });
    expect((await app.request("/api/v1/claims?limit=1")).status).toBe(200);
    expect(lines).toEqual([]);
    const auth = new AuthService(L.store);
    await auth.addUser("rahel", "admin", null, "tests");
    expect((await app.request("/api/v1/claims?limit=1")).status).toBe(401);
    expect((await app.request("/api/v1/claims?limit=1")).status).toBe(401);
    expect(lines).toEqual([MODE_LINES.users]);
    expect(lines.join("\n")).not.toMatch(/single-user mode \(/);
  });
});

describe("overview's latest documents", () => {
  let L: Ledger;
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("lists reports, not the pseudo-documents of a reference dataset loaded after them", async () => {
    const { loadReference } = await import("../../src/services/reference.js");
    await loadReference(L.store);
    const newest = await L.store.listDocuments({ limit: 1, offset: 0 });
    expect(newest[0]?.collector).toBe("tally reference");
    const o = (await (await L.app.request("/api/v1/overview?event=execution&place=Iran")).json()) as { latestDocuments: Array<{ collector: string; name: string }> };
    expect(o.latestDocuments.length).toBeGreaterThan(0);
    expect(o.latestDocuments.every((d) => d.collector !== "tally reference" && !d.name.startsWith("reference/"))).toBe(true);
  });
});
