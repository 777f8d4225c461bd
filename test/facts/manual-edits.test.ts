// Facts after analysts' decisions: rejected and superseded claims are no voices, facts merged
// and split by hand stay so after relinking, and clearing the assignment undoes it.
import { afterEach, describe, expect, it } from "vitest";
import { FactsService } from "../../src/services/facts.js";
import { cleanup, putDoc, tempStore, year } from "./helpers.js";

afterEach(cleanup);

async function ledger() {
  const { store, dataDir } = await tempStore();
  await putDoc(store, { name: "monitor-a.txt", publisher: "Monitor A", published: "2022-01-10" }, [
    { quote: "Monitor A counted 300 executions in Iran in 2021.", count: 300, event: "execution", place: "Iran", period: year(2021), source: "Monitor A" },
  ]);
  await putDoc(store, { name: "monitor-b.txt", publisher: "Monitor B", published: "2022-02-01" }, [
    { quote: "Monitor B counted 310 executions in Iran in 2021.", count: 310, event: "execution", place: "Iran", period: year(2021), source: "Monitor B" },
  ]);
  await putDoc(store, { name: "monitor-b-late.txt", publisher: "Monitor B", published: "2022-06-01" }, [
    { quote: "Monitor B now counts 900 executions in Iran in 2021.", count: 900, event: "execution", place: "Iran", period: year(2021), source: "Monitor B" },
  ]);
  await putDoc(store, { name: "regional.txt", publisher: "Monitor C", published: "2022-03-01" }, [
    { quote: "Monitor C counted 280 executions in the country in 2021.", count: 280, event: "execution", place: null, period: year(2021), source: "Monitor C" },
  ]);
  const claims = await store.queryClaims({}, { limit: 10, offset: 0, sort: "id" });
  const id = (n: number) => claims.find((c) => c.count === n)?.id as number;
  const facts = async () => (await FactsService.open(store, dataDir)).listFacts({ event: "execution" });
  return { store, dataDir, id, facts };
}

describe("facts after review", () => {
  it("leaves rejected claims out, and uses a superseding figure only through its own claim", async () => {
    const { store, id, facts } = await ledger();
    const iran = async () => (await facts()).find((f) => f.place === "Iran");
    expect((await iran())?.claims).toBe(3);
    await store.reviewClaim(id(900), { action: "reject", reason: "misprint, corrected the next day" });
    expect((await iran())?.claims).toBe(2);
    await store.reviewClaim(id(900), { action: "reopen" });
    await store.supersedeClaim(id(310), id(900));
    const f = await iran();
    expect(f?.claims).toBe(2);
    expect(f?.voices.map((v) => v.count).sort((a, b) => a - b)).toEqual([300, 900]);
  });

  it("merges facts by hand and splits claims out again, surviving relinking", async () => {
    const { store, dataDir, id, facts } = await ledger();
    const before = await facts();
    const iran = before.find((f) => f.place === "Iran");
    const unplaced = before.find((f) => f.place === null);
    expect(iran && unplaced).toBeTruthy();
    const service = await FactsService.open(store, dataDir);
    const moved = await service.mergeFacts(iran!.id, [unplaced!.id]);
    expect(moved).toEqual([id(280)]);
    const merged = await facts();
    expect(merged.find((f) => f.place === null)).toBeUndefined();
    expect(merged.find((f) => f.id === iran!.id)?.claims).toBe(4);

    const splitId = await (await FactsService.open(store, dataDir)).splitFact(iran!.id, [id(900)]);
    const split = await facts();
    expect(split.find((f) => f.id === iran!.id)?.claims).toBe(3);
    const own = split.find((f) => f.id === splitId);
    expect(own).toMatchObject({ claims: 1, place: "Iran", description: expect.stringContaining("split out by hand") });

    await expect((await FactsService.open(store, dataDir)).splitFact(iran!.id, [id(900)])).rejects.toThrow(/not part of/);
    await expect((await FactsService.open(store, dataDir)).mergeFacts(iran!.id, ["fact_0000"])).rejects.toThrow(/no fact/);

    await store.setFactOverride([id(280), id(900)], null);
    expect((await facts()).map((f) => f.claims).sort()).toEqual(before.map((f) => f.claims).sort());
    expect((await store.verifyAudit()).ok).toBe(true);
  });
});
