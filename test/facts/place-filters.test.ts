// Place filters of facts and timelines: any case, aliases, the places inside; a timeline shows or
// sums its parts on request. Invented documents in a temporary SQLite store.
import { afterEach, describe, expect, it } from "vitest";
import { FactsService } from "../../src/services/facts.js";
import { cleanup, putDoc, tempStore, year } from "./helpers.js";

afterEach(cleanup);

async function ledger(): Promise<FactsService> {
  const { store, dataDir } = await tempStore();
  await putDoc(store, { name: "national.txt", publisher: "IHRNGO", published: "2022-03-01" }, [
    { quote: "At least 300 people were executed across the country in 2021.", count: 300, qualifier: "at_least", period: year(2021), place: "Iran" },
  ]);
  await putDoc(store, { name: "provinces.txt", publisher: "Kurdish monitor", published: "2023-02-01" }, [
    { quote: "In 2021, 40 prisoners were hanged in Kordestan.", count: 40, period: year(2021), place: "Kurdistan" },
    { quote: "In 2022, 55 prisoners were hanged in Kordestan.", count: 55, period: year(2022), place: "Kurdistan" },
    { quote: "In 2022, 70 were hanged in Teheran.", count: 70, period: year(2022), place: "Tehran" },
    { quote: "In 2022, 20 were hanged in Evin.", count: 20, period: year(2022), place: "Evin Prison" },
  ]);
  return FactsService.open(store, dataDir);
}

describe("place filters", () => {
  it("matches a place in any case or by an alias, with the places inside it", async () => {
    const facts = await ledger();
    expect((await facts.listFacts({ place: "iran" })).length).toBe(5);
    expect((await facts.listFacts({ place: "PERSIA" })).length).toBe(5);
    expect((await facts.listFacts({ place: "kordestan" })).map((f) => f.place)).toEqual(["Kurdistan", "Kurdistan"]);
    expect((await facts.listFacts({ place: "Tehran" })).map((f) => f.place).sort()).toEqual(["Evin Prison", "Tehran"]);
  });

  it("gives a timeline for an alias in any case, without the parts by default", async () => {
    const facts = await ledger();
    const t = await facts.timeline({ event: "execution", place: "persia" });
    expect(t.place).toBe("Iran");
    expect(t.rows.map((r) => [r.label, r.best, r.place])).toEqual([["2021", 300, undefined]]);
  });

  it("shows the parts as rows of their own", async () => {
    const facts = await ledger();
    const t = await facts.timeline({ event: "execution", place: "Iran", parts: "show" });
    expect(t.rows.map((r) => [r.label, r.place ?? "Iran", r.best])).toEqual([
      ["2021", "Iran", 300],
      ["2021", "Kurdistan", 40],
      ["2022", "Evin Prison", 20],
      ["2022", "Kurdistan", 55],
      ["2022", "Tehran", 70],
    ]);
  });

  it("sums the outermost parts per period, without counting a prison inside a counted city twice", async () => {
    const facts = await ledger();
    const t = await facts.timeline({ event: "execution", place: "Iran", parts: "sum" });
    expect(t.rows.map((r) => [r.label, r.factId === null, r.best, r.partsSum?.best, r.partsSum?.places])).toEqual([
      ["2021", false, 300, 40, ["Kurdistan"]],
      ["2022", true, 125, 125, ["Kurdistan", "Tehran"]],
    ]);
    expect(t.rows[1]?.status).toBe("sum_of_parts");
  });
});
