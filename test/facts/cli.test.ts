// The facts commands run in-process through main() with a capturing io.
import { afterEach, describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../src/cli/commands/fact-csv.js";
import { openStore } from "../../src/store/index.js";
import { cleanup, month, putDoc, runCli, tempDir } from "./helpers.js";

afterEach(cleanup);

async function seeded(): Promise<string> {
  const dataDir = await tempDir();
  const store = await openStore({ dataDir });
  await putDoc(store, { name: "anniversary.txt", publisher: "MEK Iran", published: "2020-02" }, [
    {
      quote: 'In the November crackdown "more than 1,500" demonstrators died, the PMOI said.',
      count: 1500, qualifier: "more_than", event: "killing", victims: ["protesters"], period: month(2019, 11), source: "PMOI",
    },
  ]);
  await putDoc(store, { name: "misdated, again.txt", publisher: "Iran Focus", published: "2021-02" }, [
    { quote: "No fewer than 1,500 demonstrators died in the crackdown of November 2018.", count: 1500, qualifier: "at_least", event: "killing", victims: ["protesters"], period: month(2018, 11) },
  ]);
  await store.close();
  return dataDir;
}

describe("facts commands", () => {
  it("lists facts as JSON and CSV, and shows one fact side by side", async () => {
    const dataDir = await seeded();
    const list = await runCli(["--data", dataDir, "facts", "--event", "killing"]);
    expect(list.code).toBe(0);
    const facts = (JSON.parse(list.out) as { facts: { id: string; period: { start: string } }[] }).facts;
    expect(facts.map((f) => f.period.start)).toEqual(["2018-11-01", "2019-11-01"]);

    const csv = await runCli(["--data", dataDir, "facts", "--format", "csv", "--from", "2019"]);
    expect(csv.out.split("\r\n")).toHaveLength(2);
    expect(csv.out).toMatch(/^id,event,place,period_start/);

    const id = facts[1]?.id ?? "";
    const one = await runCli(["--data", dataDir, "fact", id]);
    expect(one.code).toBe(0);
    for (const text of [id, "killings of protesters in Iran in November 2019", "status: single_source", "rule: One figure per independent voice",
      "more than 1,500", "PMOI/MEK", "ncri-pmoi", "anniversary.txt", "2020-02", "dating_error", "misdated, again.txt", "parent: none"]) {
      expect(one.out).toContain(text);
    }
    const json = JSON.parse((await runCli(["--data", dataDir, "fact", id, "--format", "json"])).out) as { claimViews: { quote: string }[] };
    expect(json.claimViews[0]?.quote).toContain("1,500");

    const missing = await runCli(["--data", dataDir, "fact", "fact_0000000000000000"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("no fact");
  });

  it("prints conflicts with their reasons, in every format", async () => {
    const dataDir = await seeded();
    const json = JSON.parse((await runCli(["--data", dataDir, "conflicts"])).out) as { conflicts: { kind: string; reason: string }[] };
    expect(json.conflicts.map((c) => c.kind)).toEqual(["dating_error"]);
    const csv = (await runCli(["--data", dataDir, "conflicts", "--format", "csv"])).out;
    expect(csv).toContain('"anniversary.txt;misdated, again.txt"');
    const table = (await runCli(["--data", dataDir, "conflicts", "--format", "table"])).out;
    expect(table).toContain("dating_error");
    expect(table).toContain("1 contradictions");
  });

  it("narrows facts by status and conflicts by the scope of their facts, severity, kind and source", async () => {
    const dataDir = await seeded();
    const conflicts = async (...args: string[]) => (JSON.parse((await runCli(["--data", dataDir, "conflicts", ...args])).out) as { conflicts: { kind: string }[] }).conflicts.length;
    expect(await conflicts("--event", "killing", "--place", "iran", "--kind", "dating_error")).toBe(1);
    expect(await conflicts("--from", "2019", "--to", "2019")).toBe(1);
    expect(await conflicts("--event", "execution")).toBe(0);
    expect(await conflicts("--place", "Tehran")).toBe(0);
    expect(await conflicts("--kind", "incompatible_figures")).toBe(0);
    expect(await conflicts("--source", "ncri-pmoi")).toBe(1);
    const facts = async (...args: string[]) => (JSON.parse((await runCli(["--data", dataDir, "facts", ...args])).out) as { facts: { status: string }[] }).facts;
    const all = await facts();
    const status = all[0]?.status ?? "";
    expect((await facts("--status", status)).length).toBe(all.filter((f) => f.status === status).length);
    expect((await runCli(["--data", dataDir, "conflicts", "--severity", "grave"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "facts", "--status", "agreed"])).code).toBe(2);
  });

  it("loads the reference dataset and prints a timeline", async () => {
    const dataDir = await tempDir();
    expect((await runCli(["--data", dataDir, "init"])).code).toBe(0);
    const first = await runCli(["--data", dataDir, "reference", "load"]);
    expect(first.out).toMatch(/34 entries, 34 new documents stored/);
    const again = await runCli(["--data", dataDir, "reference", "load", "--dataset", "iran-executions"]);
    expect(again.out).toMatch(/0 new documents stored, 34 already in the store/);
    const t = await runCli(["--data", dataDir, "timeline", "--event", "execution", "--place", "Iran", "--format", "csv"]);
    const lines = t.out.split("\r\n");
    expect(lines[0]).toBe("year,fact,low,best,high,high_is_minimum,status,Amnesty International,Iran Human Rights (IHRNGO)");
    expect(lines.find((l) => l.startsWith("2020,"))).toMatch(/,267,267,267,true,corroborated,at least 246,at least 267$/);
    const table = await runCli(["--data", dataDir, "timeline", "--event", "execution", "--place", "Iran", "--format", "table"]);
    expect(table.out).toContain("Amnesty International");
    const one = await runCli(["--data", dataDir, "timeline", "--event", "execution", "--place", "Iran", "--voices", "1", "--format", "table"]);
    expect(one.out).toContain("1 more voices not shown");
    expect(one.out.split("\n")[0]).not.toMatch(/Amnesty International.*IHRNGO|IHRNGO.*Amnesty International/);
    const bad = await runCli(["--data", dataDir, "reference", "load", "--dataset", "nope"]);
    expect(bad.code).toBe(1);
  });

  it("rejects bad options with exit status 2", async () => {
    const dataDir = await tempDir();
    expect((await runCli(["--data", dataDir, "facts", "--event", "parade"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "facts", "--from", "last year"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "facts", "--format", "xml"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "timeline", "--event", "execution", "--place", "Iran", "--by", "week"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "timeline", "--place", "Iran"])).code).toBe(2);
    expect((await runCli(["--data", dataDir, "timeline", "--event", "execution", "--place", "Iran", "--voices", "0"])).code).toBe(2);
  });
});

describe("CSV writer", () => {
  it("quotes fields with commas, quotes and line breaks", () => {
    expect(csvField('say "no", twice')).toBe('"say ""no"", twice"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(null)).toBe("");
    expect(csvField(12)).toBe("12");
    expect(toCsv(["a", "b"], [["x,y", 1]])).toBe('a,b\r\n"x,y",1');
  });
});
