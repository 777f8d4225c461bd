// The remaining views as downloads (issue 24): the search results, the sources list, the review
// queue, a report's timeline of one event, one claim, the victims registry, a person and an
// imported list. Each `.json` is the page's answer for the same query; each `.csv` its rows, in its
// order (the first column the items' ids or labels).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLedger, type Ledger } from "./helpers.js";

/** The data rows of a CSV, split on commas (the cells compared here hold none). */
const rows = (csv: string) => csv.trimEnd().split("\r\n").slice(1).map((l) => l.split(","));
const firstColumn = (csv: string) => rows(csv).map((r) => r[0] ?? "");

describe("downloads of the search, sources, review queue, report timelines, a claim and the victims pages", () => {
  let L: Ledger;
  const get = (path: string, init?: RequestInit) => L.app.request(`/api/v1${path}`, init);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const answer = async (path: string): Promise<any> => {
    const r = await get(path);
    expect(r.status, path).toBe(200);
    return r.json();
  };
  /** The JSON download of `path` (`<list>.json?<query>`): the page's answer, as an attachment. */
  const sameJson = async (path: string, download: string) => {
    const r = await get(download);
    expect(r.status, download).toBe(200);
    expect(r.headers.get("content-disposition"), download).toMatch(/^attachment; filename="tally-[\w.-]+\.json"$/);
    expect(await r.json(), download).toEqual(await answer(path));
  };
  const csvOf = async (path: string) => {
    const r = await get(path);
    expect(r.status, path).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    return r.text();
  };
  beforeAll(async () => {
    L = await makeLedger();
    const r = await get("/victim-lists", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fileName: "invented.csv", csv: "name,age,place\nKaveh Nikzad,31,Tehran\nSoraya Barin,27,Karaj\nKaveh Nikzad,31,Tehran", source: "Invented Monitor" }),
    });
    expect(r.status).toBe(200);
    expect((await get("/victims/link", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);
  });
  afterAll(() => L.close());

  it("gives the search results as the page ranks them", async () => {
    const q = "q=executed%20Iran&limit=3";
    const page = await answer(`/search?${q}`);
    expect(page.hits.length).toBeGreaterThan(1);
    await sameJson(`/search?${q}`, `/search.json?${q}`);
    expect(firstColumn(await csvOf(`/search.csv?${q}`))).toEqual(page.hits.map((h: { documentId: number }) => String(h.documentId)));
    expect((await get("/search.csv")).status).toBe(400);
  });

  it("gives the sources list: the registry's sources, then the names it does not know", async () => {
    const page = await answer("/sources");
    await sameJson("/sources", "/sources.json");
    const csv = await csvOf("/sources.csv");
    expect(csv.split("\r\n")[0]).toBe("id,short,name,kind,network,network_name,aliases,claims,registered");
    const names = rows(csv).map((r) => r[1]);
    expect(names.slice(0, page.sources.length)).toEqual(page.sources.map((s: { short: string }) => s.short));
    expect(names.length).toBe(page.sources.length + page.unregistered.length);
  });

  it("gives a page of the review queue in its order, with its filter", async () => {
    const q = "order=oldest&limit=3&offset=1&event=execution";
    const page = await answer(`/review/queue?${q}`);
    expect(page.claims.length).toBeGreaterThan(0);
    await sameJson(`/review/queue?${q}`, `/review/queue.json?${q}`);
    expect(firstColumn(await csvOf(`/review/queue.csv?${q}`))).toEqual(page.claims.map((c: { id: number }) => String(c.id)));
  });

  it("gives one claim, and refuses one that is not stored", async () => {
    const [first] = (await answer("/claims?limit=1")).claims;
    await sameJson(`/claims/${first.id}`, `/claims/${first.id}.json`);
    const csv = await csvOf(`/claims/${first.id}.csv`);
    expect(firstColumn(csv)).toEqual([String(first.id)]);
    expect(csv.split("\r\n")[0]?.startsWith("id,document,published,event,count")).toBe(true);
    expect((await get("/claims/999999.csv")).status).toBe(404);
  });

  it("gives each timeline of a report, a row per period and a column per voice", async () => {
    const q = "place=Iran&year=2022";
    const sheet = await answer(`/report?${q}`);
    expect(sheet.timelines.length).toBeGreaterThan(0);
    for (const t of sheet.timelines) {
      const json = await get(`/report/timeline.json?${q}&timeline=${t.event}`);
      expect(await json.json()).toEqual(t);
      const csv = await csvOf(`/report/timeline.csv?${q}&timeline=${t.event}`);
      expect(csv.split("\r\n")[0]?.split(",").slice(7)).toEqual(t.voices.map((v: { label: string }) => v.label));
      expect(firstColumn(csv)).toEqual(t.rows.map((r: { label: string }) => r.label));
    }
    expect((await get(`/report/timeline.csv?${q}&timeline=flogging`)).status).toBe(404);
    expect((await get(`/report/timeline.csv?${q}`)).status).toBe(400);
  });

  it("gives the victims registry, a person and an imported list", async () => {
    const page = await answer("/victims?limit=10");
    expect(page.persons.length).toBeGreaterThan(1);
    await sameJson("/victims?limit=10", "/victims.json?limit=10");
    expect(firstColumn(await csvOf("/victims.csv?limit=10"))).toEqual(page.persons.map((p: { id: number }) => String(p.id)));
    const [person] = page.persons;
    await sameJson(`/victims/${person.id}`, `/victims/${person.id}.json`);
    const personCsv = await csvOf(`/victims/${person.id}.csv`);
    const detail = await answer(`/victims/${person.id}`);
    expect(firstColumn(personCsv)).toEqual(detail.recordList.map((r: { key: string }) => r.key));
    const [list] = (await answer("/victim-lists")).lists;
    await sameJson(`/victim-lists/${list.id}`, `/victim-lists/${list.id}.json`);
    const listAnswer = await answer(`/victim-lists/${list.id}`);
    expect(firstColumn(await csvOf(`/victim-lists/${list.id}.csv`))).toEqual(listAnswer.records.map((r: { key: string }) => r.key));
  });
});
