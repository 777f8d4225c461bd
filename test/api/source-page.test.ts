// A source's page (`/api/v1/sources/{name}`): its figures fact by fact beside the other networks',
// its claims, and where it was contradicted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SourcePage } from "../../src/services/source-page.js";
import { makeLedger, type Ledger } from "./helpers.js";

describe("source page", () => {
  let L: Ledger;
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("puts the source's figure for each fact beside the other networks', with its claims and its contradictions", async () => {
    const r = await L.app.request("/api/v1/sources/iran%20human%20rights");
    expect(r.status).toBe(200);
    const s = (await r.json()) as SourcePage;
    expect(s).toMatchObject({ name: "IHRNGO", network: { id: "ihrngo" } });
    const y2023 = s.figures.find((f) => f.event === "execution" && f.period?.start === "2023-01-01");
    expect(y2023?.figure).toBe("at least 834");
    expect(Object.values(y2023?.others ?? {}).sort()).toEqual(["746", "853"]);
    expect(s.otherNetworks.length).toBeGreaterThanOrEqual(2);
    // The source × year table: 2023's executions hold the same figures, one row per year and event, newest first.
    const row = s.years.find((y) => y.year === "2023" && y.event === "execution");
    const facts2023 = s.figures.filter((f) => f.event === "execution" && f.period?.start.startsWith("2023"));
    expect(row?.facts).toBe(facts2023.length);
    expect(row?.figure).toContain("at least 834");
    expect(Object.values(row?.others ?? {}).join("; ")).toMatch(/746/);
    expect(Object.values(row?.others ?? {}).join("; ")).toMatch(/853/);
    expect(s.years.reduce((n, y) => n + y.facts, 0)).toBe(s.figures.length);
    expect(s.years.map((y) => y.year)).toEqual([...s.years.map((y) => y.year)].sort().reverse());
    expect(s.claims.map((c) => c.figure)).toEqual(expect.arrayContaining(["at least 834", "at least 580", "at least 333"]));
    expect(s.claims.every((c) => c.quote.length > 0 && c.documentId > 0)).toBe(true);
    expect(s.contradicted.length).toBeGreaterThan(0);
    expect(s.contradicted.every((k) => /IHRNGO/.test(k.reason))).toBe(true);
  });

  it("answers 404 for a source nobody credits", async () => {
    const r = await L.app.request("/api/v1/sources/Nobody%20At%20All");
    expect(r.status).toBe(404);
  });
});
