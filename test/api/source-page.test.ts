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
