// Facets of documents (`/api/v1/documents?facets=publisher,language,year`): per field, its values
// among every matching document (not only the page) and their counts, which follow the filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLedger, type Ledger } from "./helpers.js";

type Facets = Record<string, Array<{ value: string | null; count: number }>>;
interface Answer {
  total: number;
  documents: Array<{ id: number; publisher: string | null; language: string | null; published: string | null }>;
  facets?: Facets;
}

/** How many of `docs` have each value of `key`, as the facets give them (sorted most first, then by value). */
function tally(docs: Answer["documents"], key: (d: Answer["documents"][number]) => string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of docs) {
    const k = String(key(d));
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}
const asRecord = (values: Facets[string] | undefined) => Object.fromEntries((values ?? []).map((v) => [String(v.value), v.count]));

describe("document facets", () => {
  let L: Ledger;
  const documents = async (query: string): Promise<Answer> => {
    const r = await L.app.request(`/api/v1/documents?${query}`);
    expect(r.status).toBe(200);
    return (await r.json()) as Answer;
  };
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("counts every matching document by publisher, language and year, not only the page", async () => {
    const all = await documents("limit=500");
    expect(all.total).toBeGreaterThan(2);
    const page = await documents("limit=1&facets=publisher,language,year");
    expect(page.documents).toHaveLength(1);
    const facets = page.facets as Facets;
    expect(asRecord(facets.publisher)).toEqual(tally(all.documents, (d) => d.publisher));
    expect(asRecord(facets.language)).toEqual(tally(all.documents, (d) => d.language));
    expect(asRecord(facets.year)).toEqual(tally(all.documents, (d) => d.published?.slice(0, 4) ?? null));
    const counts = (facets.year ?? []).map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await documents("limit=5")).facets).toBeUndefined();
  });

  it("follows the filter: a year's documents are counted by publisher among that year only", async () => {
    const all = await documents("limit=500");
    const year = all.documents.find((d) => d.published)?.published?.slice(0, 4) as string;
    const inYear = all.documents.filter((d) => d.published?.startsWith(year));
    expect(inYear.length).toBeLessThan(all.total);
    const narrowed = await documents(`from=${year}&to=${year}&facets=publisher,year`);
    expect(narrowed.total).toBe(inYear.length);
    expect(narrowed.facets?.year).toEqual([{ value: year, count: inYear.length }]);
    expect(asRecord(narrowed.facets?.publisher)).toEqual(tally(inYear, (d) => d.publisher));
  });

  it("refuses an unknown facet with 400", async () => {
    const r = await L.app.request("/api/v1/documents?facets=publisher,colour");
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain("facets must be one or more of");
  });
});
