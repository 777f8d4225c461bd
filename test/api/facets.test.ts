// Facets of claims (`/api/v1/claims?facets=…`): per field, its values among every matching claim
// and their counts, which follow the filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLedger, type Ledger } from "./helpers.js";

type Facets = Record<string, Array<{ value: string | null; count: number }>>;
interface Answer {
  total: number;
  claims: Array<{ id: number; event: string; place: string | null; victims: string[]; period: { start: string } | null }>;
  facets?: Facets;
}

describe("claim facets", () => {
  let L: Ledger;
  const claims = async (query: string): Promise<Answer> => {
    const r = await L.app.request(`/api/v1/claims?${query}`);
    expect(r.status).toBe(200);
    return (await r.json()) as Answer;
  };
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("counts every matching claim by each field, not only the page, and follows the filter", async () => {
    const all = await claims("limit=1000");
    const page = await claims("limit=2&facets=event,place,victims,year,source,status");
    expect(page.claims).toHaveLength(2);
    const facets = page.facets as Facets;
    const byEvent = Object.fromEntries((facets.event ?? []).map((v) => [v.value, v.count]));
    const expected: Record<string, number> = {};
    for (const c of all.claims) expected[c.event] = (expected[c.event] ?? 0) + 1;
    expect(byEvent).toEqual(expected);
    expect((facets.event ?? []).reduce((n, v) => n + v.count, 0)).toBe(all.total);
    // Most claims first.
    const counts = (facets.place ?? []).map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const protesters = all.claims.filter((c) => c.victims.includes("protesters")).length;
    expect(facets.victims?.find((v) => v.value === "protesters")?.count).toBe(protesters);
    expect(facets.year?.find((v) => v.value === "2023")?.count).toBe(all.claims.filter((c) => c.period?.start.startsWith("2023")).length);

    const killings = await claims("event=killing&facets=event,victims");
    expect(killings.facets?.event).toEqual([{ value: "killing", count: killings.total }]);
    expect(killings.facets?.victims?.find((v) => v.value === "protesters")?.count).toBe(all.claims.filter((c) => c.event === "killing" && c.victims.includes("protesters")).length);
    expect((await claims("limit=5")).facets).toBeUndefined();
  });

  it("refuses an unknown facet with 400", async () => {
    const r = await L.app.request("/api/v1/claims?facets=event,colour");
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain("facets must be one or more of");
  });
});
