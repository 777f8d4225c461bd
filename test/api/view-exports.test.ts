// Every list as CSV (`/facts.csv`, `/conflicts.csv`, `/timeline.csv`): the rows of the JSON answer
// for the same query, in its order, with the columns of `tally facts|conflicts|timeline --format csv`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { makeLedger, type Ledger } from "./helpers.js";

/** The first column of each data row of a CSV (ids and labels here hold no commas or quotes). */
const firstColumn = (csv: string) => csv.trim().split("\r\n").slice(1).map((l) => l.split(",")[0]);

describe("CSV of the facts views", () => {
  let L: Ledger;
  const get = (path: string) => L.app.request(`/api/v1${path}`);
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(() => L.close());

  it("gives the facts, conflicts and timeline of the JSON answers as CSV, row for row", async () => {
    const facts = (await (await get("/facts?place=iran&from=2022")).json()) as { facts: Array<{ id: string }> };
    expect(facts.facts.length).toBeGreaterThan(0);
    const factsCsv = await get("/facts.csv?place=iran&from=2022");
    expect(factsCsv.headers.get("content-disposition")).toContain("tally-facts.csv");
    expect(firstColumn(await factsCsv.text())).toEqual(facts.facts.map((f) => f.id));

    const conflicts = (await (await get("/conflicts")).json()) as { conflicts: Array<{ id: string }> };
    expect(firstColumn(await (await get("/conflicts.csv")).text())).toEqual(conflicts.conflicts.map((k) => k.id));

    const timeline = (await (await get("/timeline?event=execution&place=Iran")).json()) as { rows: Array<{ label: string }>; voices: Array<{ label: string }> };
    const csv = await (await get("/timeline.csv?event=execution&place=Iran")).text();
    expect(firstColumn(csv)).toEqual(timeline.rows.map((r) => r.label));
    expect(csv.split("\r\n")[0]?.split(",").slice(-timeline.voices.length)).toEqual(timeline.voices.map((v) => v.label));
    expect((await get("/timeline.csv?event=party&place=Iran")).status).toBe(400);
  });

  it("is what `tally facts --format csv` prints", async () => {
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, isTTY: false, exitCode: 0 };
    expect(await main(["node", "tally", "--data", L.config.dataDir, "facts", "--place", "iran", "--from", "2022", "--format", "csv"], io)).toBe(0);
    expect(`${out.join("\n")}\r\n`).toBe(await (await get("/facts.csv?place=iran&from=2022")).text());
  });
});
