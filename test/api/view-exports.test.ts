// Every list as CSV and JSON downloads (`/facts.csv|.json`, `/conflicts.csv|.json`,
// `/timeline.csv|.json`, `/documents.csv|.json`, `/claims.csv|.json`): the rows of the JSON answer
// for the same query (filter, order, page), in its order, with the columns of `tally
// facts|conflicts|timeline --format csv`; written as a stream, a batch at a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { streamClaims } from "../../src/services/use-cases/exports.js";
import { perform } from "../../src/services/use-cases/use-case.js";
import { batchesOf, csvStream, jsonListStream } from "../../src/api/stream.js";
import { toCsv } from "../../src/shared/csv.js";
import { makeLedger, type Ledger } from "./helpers.js";

/** The first column of each data row of a CSV (ids and labels here hold no commas or quotes). */
const firstColumn = (csv: string) => csv.trim().split("\r\n").slice(1).map((l) => l.split(",")[0]);

/** The chunks a byte stream gives, as text. */
async function chunks(body: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  const decoder = new TextDecoder();
  for await (const c of body as unknown as AsyncIterable<Uint8Array>) out.push(decoder.decode(c));
  return out;
}

describe("downloads written a batch at a time", () => {
  const rows = Array.from({ length: 2500 }, (_, i) => [i, `row "${i}", quoted`, i % 2 === 0 ? null : "=SUM(A1)"]);
  it("writes the same CSV as the whole table at once, in more than one piece", async () => {
    const pieces = await chunks(csvStream(["n", "text", "formula"], batchesOf(rows, 1000)));
    expect(pieces.length).toBe(4);
    expect(pieces.join("")).toBe(`${toCsv(["n", "text", "formula"], rows)}\r\n`);
  });
  it("writes the same JSON as the whole answer at once", async () => {
    const items = rows.map(([n, text]) => ({ n, text }));
    const text = (await chunks(jsonListStream("items", batchesOf(items, 700), { total: 2500, facets: { a: [1] }, none: undefined }))).join("");
    expect(JSON.parse(text)).toEqual({ items, total: 2500, facets: { a: [1] } });
    expect((await chunks(jsonListStream("items", []))).join("")).toBe('{"items":[]}');
  });
});

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

  it("gives exactly the page of a filtered, ordered facts view, as CSV and as JSON with its facets", async () => {
    const q = "place=iran&order=consequential&limit=2&offset=1";
    const page = (await (await get(`/facts?${q}&facets=place,status`)).json()) as { total: number; facts: Array<{ id: string }>; facets: Record<string, unknown> };
    expect(page.facts.length).toBe(2);
    expect(page.total).toBeGreaterThan(3);
    const csv = await get(`/facts.csv?${q}&facets=place,status`);
    expect(csv.body).toBeInstanceOf(ReadableStream);
    expect(firstColumn(await csv.text())).toEqual(page.facts.map((f) => f.id));
    const json = await get(`/facts.json?${q}&facets=place,status`);
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.headers.get("content-disposition")).toContain("tally-facts.json");
    expect(await json.json()).toEqual(page);
    // The whole filtered list when no page is asked, in the other order.
    const all = (await (await get("/facts?place=iran&order=scope")).json()) as { facts: Array<{ id: string }> };
    expect(firstColumn(await (await get("/facts.csv?place=iran&order=scope")).text())).toEqual(all.facts.map((f) => f.id));
  });

  it("gives the conflicts, the timeline and a page of documents as JSON downloads equal to their answers", async () => {
    for (const path of ["/conflicts?event=execution&facets=severity,place", "/timeline?event=execution&place=Iran", "/documents?limit=3&offset=1&hasClaims=true&facets=publisher"]) {
      const [list, query] = path.split("?");
      const answer = await (await get(path)).json();
      const download = await get(`${list}.json?${query}`);
      expect(download.headers.get("content-disposition")).toMatch(/attachment; filename="tally-[\w-]+\.json"/);
      expect(await download.json()).toEqual(answer);
    }
    const docs = (await (await get("/documents?limit=3&offset=1&hasClaims=true")).json()) as { documents: Array<{ id: number }> };
    expect(firstColumn(await (await get("/documents.csv?limit=3&offset=1&hasClaims=true")).text())).toEqual(docs.documents.map((d) => String(d.id)));
  });

  it("streams the claims of a filter, sort and page read a batch at a time: the rows of /claims, in its order", async () => {
    const q = "event=execution&sort=count&limit=5&offset=1";
    const page = (await (await get(`/claims?${q}`)).json()) as { claims: Array<{ id: number }> };
    expect(page.claims.length).toBeGreaterThan(1);
    const ids = page.claims.map((c) => String(c.id));
    expect(firstColumn(await (await get(`/claims.csv?${q}`)).text())).toEqual(ids);
    expect(((await (await get(`/claims.json?${q}`)).json()) as { claims: Array<{ id: number }> }).claims).toEqual(page.claims);
    // With the facets of the claims page: the answer of /claims, as a download.
    expect(await (await get(`/claims.json?${q}&facets=event,place,year`)).json()).toEqual(await (await get(`/claims?${q}&facets=event,place,year`)).json());
    // The older address gives the same bytes.
    expect(await (await get(`/exports/claims?${q}&format=csv`)).text()).toBe(await (await get(`/claims.csv?${q}`)).text());
    // Read two at a time, the batches neither skip nor repeat a claim.
    const { batches } = await perform(streamClaims, { store: L.store, caller: { name: "t", role: "viewer" }, dataDir: L.config.dataDir }, { filter: { event: "execution" }, sort: "count", limit: 5, offset: 1, batch: 2 });
    const read: number[][] = [];
    for await (const b of batches) read.push(b.map((c) => c.id));
    expect(read.length).toBe(Math.ceil(ids.length / 2));
    expect(read.slice(0, -1).every((b) => b.length === 2)).toBe(true);
    expect(read.flat().map(String)).toEqual(ids);
    // No cap: a page past the old 100,000 is read as any other (here, every claim).
    expect((await get("/claims.csv?limit=100001")).status).toBe(200);
    expect((await get("/claims.csv?limit=lots")).status).toBe(400);
  });

  it("gives a source's figures fact by fact as CSV, and its page as JSON", async () => {
    const answer = (await (await get("/sources/IHRNGO")).json()) as { name: string; otherNetworks: string[]; figures: Array<{ factId: string }> };
    expect(answer.figures.length).toBeGreaterThan(0);
    const csv = await (await get("/sources/IHRNGO.csv")).text();
    expect(csv.split("\r\n")[0]).toBe(["fact_id", "description", "event", "place", "period_start", "period_end", answer.name, ...answer.otherNetworks, "status"].join(","));
    expect(firstColumn(csv)).toEqual(answer.figures.map((f) => f.factId));
    const json = await get("/sources/IHRNGO.json");
    expect(json.headers.get("content-disposition")).toContain("tally-source-IHRNGO.json");
    expect(await json.json()).toEqual(answer);
    expect((await get("/sources/Nobody%20At%20All.csv")).status).toBe(404);
  });

  it("is what `tally facts --format csv` prints", async () => {
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, isTTY: false, exitCode: 0 };
    expect(await main(["node", "tally", "--data", L.config.dataDir, "facts", "--place", "iran", "--from", "2022", "--format", "csv"], io)).toBe(0);
    expect(`${out.join("\n")}\r\n`).toBe(await (await get("/facts.csv?place=iran&from=2022")).text());
  });
});
