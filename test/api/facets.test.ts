// Facets of claims (`/api/v1/claims?facets=…`): per field, its values among every matching claim
// and their counts, which follow the filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLedger, type Ledger } from "./helpers.js";

type Facets = Record<string, Array<{ value: string | null; count: number }>>;
interface Answer {
  total: number;
  claims: Array<{ id: number; event: string; qualifier: string; place: string | null; victims: string[]; period: { start: string; end: string } | null }>;
  totalExact?: boolean;
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

  it("counts with a period in years (from the tallies) and in months (from the claims), the qualifier and the victim groups of one group's claims as the list", async () => {
    const all = (await claims("limit=1000")).claims;
    const tally = (xs: string[]) => {
      const out: Record<string, number> = {};
      for (const x of xs) out[x] = (out[x] ?? 0) + 1;
      return out;
    };
    const asRecord = (f: Array<{ value: string | null; count: number }> | undefined) => Object.fromEntries((f ?? []).map((v) => [v.value, v.count]));
    for (const [query, keep] of [
      ["from=2022", (c: Answer["claims"][number]) => c.period !== null && c.period.end >= "2022-01-01"],
      ["from=2021&to=2023", (c: Answer["claims"][number]) => c.period !== null && c.period.end >= "2021-01-01" && c.period.start <= "2023-12-31"],
      ["from=2022-03", (c: Answer["claims"][number]) => c.period !== null && c.period.end >= "2022-03-01"],
      ["victims=protesters", (c: Answer["claims"][number]) => c.victims.includes("protesters")],
    ] as const) {
      const listed = (await claims(`${query}&limit=1000`)).claims;
      const expected = all.filter(keep);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(listed.map((c) => c.id).sort(), query).toEqual(expected.map((c) => c.id).sort());
      const answer = await claims(`${query}&limit=1&facets=qualifier,event,victims`);
      expect(answer.total, query).toBe(expected.length);
      expect(asRecord(answer.facets?.qualifier), query).toEqual(tally(expected.map((c) => c.qualifier)));
      expect(asRecord(answer.facets?.event), query).toEqual(tally(expected.map((c) => c.event)));
      expect(asRecord(answer.facets?.victims), query).toEqual(tally(expected.flatMap((c) => c.victims)));
    }
    // A period in whole years is totalled by the tallies: exact.
    expect((await claims("from=2022&limit=1")).totalExact).toBe(true);
  });

  it("refuses an unknown facet with 400", async () => {
    const r = await L.app.request("/api/v1/claims?facets=event,colour");
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain("facets must be one or more of");
  });
});
