// Timelines per independent network, and the reference dataset loaded through the store.
import { afterEach, describe, expect, it } from "vitest";
import { FactsService } from "../../src/services/facts.js";
import { checkEntry, loadReference, ReferenceError } from "../../src/services/reference.js";
import { cleanup, month, putDoc, tempStore, year } from "./helpers.js";

afterEach(cleanup);

describe("timeline", () => {
  it("gives each network's figure and low/best/high per year, and months separately", async () => {
    const { store, dataDir } = await tempStore();
    await putDoc(store, { name: "ihr-2019.txt", published: "2020-03" }, [
      { quote: "At least 280 in 2019, IHRNGO said.", count: 280, qualifier: "at_least", period: year(2019), source: "IHRNGO" },
    ]);
    await putDoc(store, { name: "ai-2019.txt", published: "2020-04" }, [
      { quote: "At least 251 in 2019, Amnesty said.", count: 251, qualifier: "at_least", period: year(2019), source: "Amnesty" },
    ]);
    await putDoc(store, { name: "ihr-2020.txt", published: "2021-03" }, [
      { quote: "IHRNGO counted 267 executions in 2020.", count: 267, period: year(2020), source: "IHRNGO" },
      { quote: "IHRNGO counted 30 executions in January 2020.", count: 30, period: month(2020, 1), source: "IHRNGO" },
    ]);
    await putDoc(store, { name: "ncri-2020.txt", publisher: "NCRI", published: "2021-01" }, [
      { quote: "About 320 were executed in 2020.", count: 320, qualifier: "about", period: year(2020) },
    ]);
    await putDoc(store, { name: "tehran.txt", published: "2021-01" }, [
      { quote: "Ten were executed in Tehran in 2020, IHRNGO said.", count: 10, period: year(2020), place: "Tehran", source: "IHRNGO" },
    ]);
    const facts = await FactsService.open(store, dataDir);
    const t = await facts.timeline({ event: "execution", place: "Iran", by: "year" });
    expect(t.rows.map((r) => r.label)).toEqual(["2019", "2020"]);
    expect(t.voices.map((v) => v.id)).toEqual(["net:ihrngo", "net:amnesty", "net:ncri-pmoi"]);
    const [r2019, r2020] = t.rows;
    expect([r2019?.low, r2019?.best, r2019?.high, r2019?.highIsMinimum]).toEqual([280, 280, 280, true]);
    expect(r2019?.voices["net:amnesty"]?.figure).toBe("at least 251");
    expect(r2020?.voices["net:ncri-pmoi"]?.figure).toBe("about 320");
    expect(r2020?.voices["net:amnesty"]).toBeUndefined();
    expect([r2020?.low, r2020?.best, r2020?.high, r2020?.status]).toEqual([267, 267, 320, "contested"]);
    const m = await facts.timeline({ event: "execution", place: "Iran", by: "month" });
    expect(m.rows.map((r) => [r.label, r.high])).toEqual([["2020-01", 30]]);
    await store.close();
  });
});

describe("reference load", () => {
  it("stores one JSON document per entry, idempotently, and links into one fact per year", async () => {
    const { store, dataDir } = await tempStore();
    const first = await loadReference(store, "iran-executions");
    expect(first.created).toBe(first.entries);
    const counts = [await store.countDocuments(), await store.countClaims({})];
    const second = await loadReference(store, "iran-executions");
    expect(second).toMatchObject({ created: 0, existing: first.entries });
    expect([await store.countDocuments(), await store.countClaims({})]).toEqual(counts);
    expect(counts).toEqual([first.entries, first.entries]);

    const [doc] = await store.listDocuments({ limit: 1, offset: 0 });
    expect(doc).toMatchObject({ mediaType: "application/json", collector: "tally reference" });
    const bytes = await store.getDocumentBytes(doc?.id ?? 0);
    expect(JSON.parse(new TextDecoder().decode(bytes ?? new Uint8Array())).id).toBeTypeOf("string");

    const facts = await FactsService.open(store, dataDir);
    const t = await facts.timeline({ event: "execution", place: "Iran" });
    expect(t.rows).toHaveLength(15);
    expect(t.rows.every((r) => r.status === "corroborated")).toBe(true);
    const r2020 = t.rows.find((r) => r.label === "2020");
    expect([r2020?.low, r2020?.voices["net:amnesty"]?.count, r2020?.voices["net:ihrngo"]?.count]).toEqual([267, 246, 267]);
    const result = await facts.linkResult();
    expect(result.revisions.map((r) => [r.fromCount, r.toCount])).toEqual([[969, 972]]);
    expect(result.contradictions).toEqual([]);
    await expect(loadReference(store, "../etc/passwd")).rejects.toThrow(ReferenceError);
    await expect(loadReference(store, "no-such-dataset")).rejects.toThrow(/no reference dataset "no-such-dataset"/);
    await store.close();
  });
});

describe("reference entries", () => {
  const entry = {
    id: "x-2020", source: "IHRNGO", event: "execution", place: "Iran", count: 267, qualifier: "at_least",
    period: { start: "2020-01-01", end: "2020-12-31" },
    report: { title: "Annual report 2020", year: 2021, published: "2021-03-30", url: "https://example.org/report", urlKind: "own" },
    basis: "total",
  };

  it("accepts a cited entry and names the file, the entry and each problem of a bad one", () => {
    expect(checkEntry(entry, 0, "ref.json").id).toBe("x-2020");
    const bad = { ...entry, basis: "estimated", report: { ...entry.report, url: "not a url", published: "March 2021", urlKind: "blog" } };
    expect(() => checkEntry(bad, 3, "ref.json")).toThrow(
      'ref.json: figures[3] ("x-2020"): report.published must be YYYY, YYYY-MM or YYYY-MM-DD; report.url must be an http(s) URL; report.urlKind must be own or secondary; basis must be acknowledged or total',
    );
  });
});
