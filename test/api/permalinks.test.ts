// One fact and one conflict by permalink, and downloaded as CSV and JSON (Datasette's `.csv` and
// `.json`): the JSON is the item's own answer, the CSV a row per claim of it, in its order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv as records } from "../../src/core/victims/csv.js";

/** A CSV's header and its rows' cells (blank trailing records left out). */
function parseCsv(text: string): { header: string[]; rows: Array<{ cells: string[] }> } {
  const [head, ...rest] = records(text).filter((r) => r.fields.some((f) => f !== ""));
  return { header: head?.fields ?? [], rows: rest.map((r) => ({ cells: r.fields })) };
}
import { makeLedger, type Ledger } from "./helpers.js";

interface ClaimRow { id: string; figure: string; quote: string }
interface Conflict { id: string; severity: string; reason: string; facts: Array<{ id: string }>; claims: ClaimRow[] }
interface Fact { id: string; best: number; claimViews: ClaimRow[] }

describe("permalinks and exports of one fact or conflict", () => {
  let L: Ledger;
  const get = (path: string) => L.app.request(`/api/v1${path}`);
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("answers a conflict by its id, and 404 for an unknown one", async () => {
    const { conflicts } = (await (await get("/conflicts")).json()) as { conflicts: Conflict[] };
    expect(conflicts.length).toBeGreaterThan(1);
    for (const k of conflicts.slice(0, 3)) {
      const r = await get(`/conflicts/${encodeURIComponent(k.id)}`);
      expect(r.status).toBe(200);
      expect(await r.json()).toEqual(k);
    }
    const missing = await get("/conflicts/con_0000000000");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await get("/conflicts/con_0000000000.csv")).status).toBe(404);
  });

  it("downloads a conflict as JSON (its answer) and as CSV (a row per claim)", async () => {
    const { conflicts } = (await (await get("/conflicts")).json()) as { conflicts: Conflict[] };
    const k = conflicts[1] as Conflict;
    const asJson = await get(`/conflicts/${k.id}.json`);
    expect(asJson.headers.get("content-disposition")).toBe(`attachment; filename="tally-conflict-${k.id}.json"`);
    expect(await asJson.json()).toEqual(k);
    const asCsv = await get(`/conflicts/${k.id}.csv`);
    expect(asCsv.headers.get("content-type")).toMatch(/^text\/csv/);
    const { header, rows } = parseCsv(await asCsv.text());
    expect(header.slice(0, 5)).toEqual(["conflict_id", "severity", "kind", "reason", "facts"]);
    const col = (name: string) => header.indexOf(name);
    expect(rows.map((r) => r.cells[col("claim_id")])).toEqual(k.claims.map((c) => c.id));
    expect(rows.map((r) => r.cells[col("quote")])).toEqual(k.claims.map((c) => c.quote));
    expect(rows.every((r) => r.cells[0] === k.id && r.cells[col("facts")] === k.facts.map((f) => f.id).join(";"))).toBe(true);
  });

  it("downloads a fact as JSON (its answer) and as CSV (every voice side by side), and leaves /facts/{id} as it was", async () => {
    const { facts } = (await (await get("/facts?place=iran")).json()) as { facts: Array<{ id: string; claims: number }> };
    const many = facts.find((f) => f.claims > 1) ?? facts[0];
    const fact = (await (await get(`/facts/${many?.id}`)).json()) as Fact;
    expect(fact.id).toBe(many?.id);
    expect(await (await get(`/facts/${fact.id}.json`)).json()).toEqual(fact);
    const { header, rows } = parseCsv(await (await get(`/facts/${fact.id}.csv`)).text());
    expect(header[0]).toBe("fact_id");
    expect(rows.map((r) => r.cells[header.indexOf("claim_id")])).toEqual(fact.claimViews.map((c) => c.id));
    expect(rows.map((r) => Number(r.cells[header.indexOf("best")]))).toEqual(fact.claimViews.map(() => fact.best));
    expect((await get("/facts/fact_nothing.csv")).status).toBe(404);
  });
});
