// The facts service over a real (temporary SQLite) store with invented documents.
import { afterEach, describe, expect, it } from "vitest";
import { FactsService } from "../../src/services/facts.js";
import type { Store } from "../../src/store/index.js";
import { cleanup, month, putDoc, tempStore, year } from "./helpers.js";

afterEach(cleanup);

async function service(fill: (store: Store) => Promise<void>): Promise<{ facts: FactsService; store: Store }> {
  const { store, dataDir } = await tempStore();
  await fill(store);
  return { facts: await FactsService.open(store, dataDir), store };
}

describe("facts service", () => {
  it("groups claims by event, place, period and victims, nesting months under their year", async () => {
    const { facts, store } = await service(async (s) => {
      await putDoc(s, { name: "monthly.txt", publisher: "IHRNGO", published: "2021-02-01" }, [
        { quote: "At least 30 people were executed in January 2021.", count: 30, qualifier: "at_least", period: month(2021, 1) },
        { quote: "Four women were executed in 2020.", count: 4, period: year(2020), victims: ["women"] },
        { quote: "Two child offenders were executed in 2020.", count: 2, period: year(2020), victims: ["child_offenders"] },
        { quote: "250 executions in 2020, by our count.", count: 250, period: year(2020) },
        { quote: "A further 40 were arrested in 2020.", count: 40, event: "arrest", period: year(2020) },
        { quote: "Clutter: 999 executed, read more.", count: 999, period: year(2020), clutter: true },
      ]);
      await putDoc(s, { name: "annual.txt", publisher: "Amnesty International", published: "2022-03" }, [
        { quote: "Iran executed at least 314 people in 2021.", count: 314, qualifier: "at_least", period: year(2021), source: "Amnesty" },
      ]);
    });
    const all = await facts.listFacts();
    expect(all.map((f) => f.description).sort()).toEqual([
      "arrests in Iran in 2020",
      "executions in Iran in 2020",
      "executions in Iran in 2021",
      "executions in Iran in January 2021",
      "executions of child offenders in Iran in 2020",
      "executions of women in Iran in 2020",
    ]);
    expect(all.some((f) => f.high === 999)).toBe(false);
    const y2020 = all.find((f) => f.description === "executions in Iran in 2020");
    expect(y2020?.children).toHaveLength(2);
    const y2021 = all.find((f) => f.description === "executions in Iran in 2021");
    const jan = all.find((f) => f.description === "executions in Iran in January 2021");
    expect(jan?.parentId).toBe(y2021?.id);
    const detail = await facts.getFact(y2021?.id ?? "");
    expect(detail?.childFacts.map((c) => c.id)).toEqual([jan?.id]);
    expect((await facts.listFacts({ event: "arrest" })).map((f) => f.high)).toEqual([40]);
    expect(await facts.listFacts({ from: "2021", to: "2021-06" })).toHaveLength(2);
    expect(await facts.listFacts({ victims: "women" })).toHaveLength(1);
    expect(await facts.listFacts({ source: "amnesty" })).toHaveLength(1);
    expect(await facts.listFacts({ place: "Saudi Arabia" })).toHaveLength(0);
    expect(await facts.getFact("fact_nonexistent")).toBeNull();

    // An overview is worked out once per linking and scope, then answered as kept.
    const iran = await facts.overview("execution", "Iran");
    expect(iran.facts).toBe(5);
    expect(iran.timeline.rows.map((r) => r.label)).toEqual(["2020", "2021"]);
    expect(await facts.overview("execution", "iran")).toBe(iran);
    expect((await facts.overview("arrest", "Iran")).facts).toBe(1);
    expect((await facts.overview("execution", "Iraq")).facts).toBe(0);
    await store.close();
  });

  it("corroborates a fact across two networks, and counts two outlets of one network as one voice", async () => {
    const { facts, store } = await service(async (s) => {
      await putDoc(s, { name: "ngo.txt", published: "2021-03-01" }, [
        { quote: "IHRNGO recorded at least 267 executions in 2020.", count: 267, qualifier: "at_least", period: year(2020), source: "IHRNGO" },
      ]);
      await putDoc(s, { name: "annual.txt", published: "2021-04-01" }, [
        { quote: "Amnesty recorded at least 246 executions in 2020.", count: 246, qualifier: "at_least", period: year(2020), source: "Amnesty International" },
      ]);
      await putDoc(s, { name: "focus.txt", publisher: "Iran Focus", published: "2019-02-01" }, [
        { quote: "Some 273 people were executed last year.", count: 273, period: year(2018) },
      ]);
      await putDoc(s, { name: "update.txt", publisher: "Iran News Update", published: "2019-02-02" }, [
        { quote: "273 people were executed in 2018.", count: 273, period: year(2018) },
      ]);
    });
    const [f2018, f2020] = await facts.listFacts({ event: "execution" });
    expect(f2020?.status).toBe("corroborated");
    expect(f2020?.voices.map((v) => v.network).sort()).toEqual(["amnesty", "ihrngo"]);
    expect([f2020?.low, f2020?.best, f2020?.high, f2020?.highIsMinimum]).toEqual([267, 267, 267, true]);
    expect(f2018?.voices).toHaveLength(1);
    expect(f2018?.voices[0]?.network).toBe("ncri-pmoi");
    expect(f2018?.status).toBe("single_network");
    await store.close();
  });

  it("treats near-duplicate documents as one voice", async () => {
    const { facts, store } = await service(async (s) => {
      const a = await putDoc(s, { name: "copy-a.txt" }, [{ quote: "120 executions in 2019.", count: 120, period: year(2019) }]);
      const b = await putDoc(s, { name: "copy-b.txt" }, [{ quote: "120 executions in 2019!", count: 120, period: year(2019) }]);
      const c = await putDoc(s, { name: "copy-c.txt" }, [{ quote: "120 executions in 2019?", count: 120, period: year(2019) }]);
      await putDoc(s, { name: "other.txt" }, [{ quote: "121 executions in 2019.", count: 121, period: year(2019) }]);
      await s.addRelation(a, b, "near_duplicate", 0.97);
      await s.addRelation(c, b, "syndicated", 1);
    });
    const [f] = await facts.listFacts();
    expect(f?.claims).toBe(4);
    expect(f?.voices).toHaveLength(2);
    expect(f?.status).toBe("corroborated");
    await store.close();
  });

  it("agrees within qualifiers: at least 246 vs 267 agree, 225 vs at least 280 are contested", async () => {
    const { facts, store } = await service(async (s) => {
      await putDoc(s, { name: "amnesty-2020.txt", published: "2021-04" }, [
        { quote: "At least 246 executions in 2020, Amnesty said.", count: 246, qualifier: "at_least", period: year(2020), source: "Amnesty" },
      ]);
      await putDoc(s, { name: "hrana-2020.txt", published: "2021-01" }, [
        { quote: "HRANA counted 267 executions in 2020.", count: 267, period: year(2020), source: "HRANA" },
      ]);
      await putDoc(s, { name: "ncri-2019.txt", published: "2020-01" }, [
        { quote: "225 were executed in 2019, the NCRI said.", count: 225, period: year(2019), source: "NCRI" },
      ]);
      await putDoc(s, { name: "ihrngo-2019.txt", published: "2020-03" }, [
        { quote: "At least 280 executions in 2019, IHRNGO said.", count: 280, qualifier: "at_least", period: year(2019), source: "IHRNGO" },
      ]);
    });
    const [f2019, f2020] = await facts.listFacts();
    expect(f2020?.status).toBe("corroborated");
    expect(f2019?.status).toBe("contested");
    const conflicts = await facts.conflicts();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]?.kind).toBe("incompatible_figures");
    expect(conflicts[0]?.facts.map((f) => f.id)).toEqual([f2019?.id]);
    expect(conflicts[0]?.reason).toMatch(/225.*at least 280|at least 280.*225/);
    await store.close();
  });

  it("flags a dating error naming both documents, ahead of smaller conflicts", async () => {
    const { facts, store } = await service(async (s) => {
      await putDoc(s, { name: "uprising-anniversary.txt", publisher: "MEK Iran", published: "2020-02" }, [
        {
          quote: "Over 1,500 demonstrators died in the November crackdown, Reuters confirmed, citing the PMOI.",
          count: 1500, qualifier: "more_than", event: "killing", victims: ["protesters"], period: month(2019, 11), source: "PMOI",
        },
      ]);
      await putDoc(s, { name: "amnesty-crackdown.txt", publisher: "Amnesty International", published: "2020-05" }, [
        { quote: "At least 304 protesters were killed in November 2019.", count: 304, qualifier: "at_least", event: "killing", victims: ["protesters"], period: month(2019, 11) },
      ]);
      await putDoc(s, { name: "misdated.txt", publisher: "Iran Focus", published: "2021-02" }, [
        { quote: "No fewer than 1,500 demonstrators died in the crackdown of November 2018.", count: 1500, qualifier: "at_least", event: "killing", victims: ["protesters"], period: month(2018, 11) },
      ]);
      await putDoc(s, { name: "small.txt", published: "2020-01" }, [
        { quote: "Ten were executed in 2019, said HRANA.", count: 10, period: year(2019), source: "HRANA" },
      ]);
      await putDoc(s, { name: "small-2.txt", published: "2020-01" }, [
        { quote: "Twelve were executed in 2019, said IHRNGO.", count: 12, period: year(2019), source: "IHRNGO" },
      ]);
    });
    const conflicts = await facts.conflicts();
    const dating = conflicts.find((c) => c.kind === "dating_error");
    expect(dating?.reason).toContain("uprising-anniversary.txt");
    expect(dating?.reason).toContain("misdated.txt");
    expect(dating?.reason).toContain("the figure in misdated.txt is probably misdated");
    expect(dating?.facts).toHaveLength(2);
    expect(conflicts.map((c) => c.kind)).toEqual(["dating_error", "incompatible_figures"]);

    const nov2019 = (await facts.listFacts({ event: "killing", from: "2019-11", to: "2019-11" }))[0];
    expect(nov2019?.status).toBe("corroborated");
    const detail = await facts.getFact(nov2019?.id.slice(0, 12) ?? "");
    expect(detail?.claimViews.map((c) => c.document)).toEqual(["uprising-anniversary.txt", "amnesty-crackdown.txt"]);
    const pmoi = detail?.claimViews[0];
    expect(pmoi).toMatchObject({ source: "PMOI/MEK", network: "ncri-pmoi", reportedBy: "Reuters", published: "2020-02", figure: "more than 1,500" });
    expect(detail?.claimViews[1]).toMatchObject({ source: null, reportedBy: "Amnesty International", network: "amnesty" });
    expect(detail?.conflicts.map((c) => c.kind)).toEqual(["dating_error"]);
    await store.close();
  });

  it("lists a source revising its own figure as a revision, not a contradiction", async () => {
    const { facts, store } = await service(async (s) => {
      await putDoc(s, { name: "report-2016.txt", published: "2016-03" }, [
        { quote: "At least 969 executions in 2015, IHRNGO said.", count: 969, qualifier: "at_least", period: year(2015), source: "IHRNGO" },
      ]);
      await putDoc(s, { name: "report-2017.txt", published: "2017-03" }, [
        { quote: "IHRNGO now counts 972 executions in 2015.", count: 972, period: year(2015), source: "Iran Human Rights" },
      ]);
    });
    const result = await facts.linkResult();
    expect(result.contradictions).toEqual([]);
    expect(result.revisions.map((r) => [r.fromCount, r.toCount])).toEqual([[969, 972]]);
    const [f] = await facts.listFacts();
    expect(f?.high).toBe(972);
    const detail = await facts.getFact(f?.id ?? "");
    expect(detail?.revisions[0]?.reason).toContain("report-2016.txt");
    expect(detail?.conflicts).toEqual([]);
    await store.close();
  });
});

describe("attribution", () => {
  it("makes a wire service the outlet when it carries another organisation's figure", async () => {
    const { attributionOf } = await import("../../src/services/facts-claims.js");
    const { defaultRegistry: reg } = await import("../../src/core/sources.js");
    expect(attributionOf({ source: "Reuters", quote: "Reuters reported the toll of 1500 announced by the PMOI." }, "MEK Iran", reg))
      .toEqual({ source: "PMOI/MEK", reportedBy: "Reuters" });
    // A wire service that confirms a figure speaks for itself: an independent voice.
    expect(attributionOf({ source: "Reuters", quote: "Reuters confirmed the toll of 1500 announced by the PMOI." }, "MEK Iran", reg))
      .toEqual({ source: "Reuters", reportedBy: "PMOI/MEK" });
    expect(attributionOf({ source: "Amnesty", quote: "At least 304 were killed, Amnesty told AFP." }, "Daily Example", reg))
      .toEqual({ source: "Amnesty International", reportedBy: "AFP" });
    expect(attributionOf({ source: "Reuters", quote: "Reuters counted 20 deaths." }, "Daily Example", reg))
      .toEqual({ source: "Reuters", reportedBy: "Daily Example" });
    expect(attributionOf({ source: null, quote: "Some 273 were executed." }, "Iran Focus", reg))
      .toEqual({ source: null, reportedBy: "Iran Focus" });
  });
});
