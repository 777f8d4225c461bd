// `tally victims …` and `tally victim` in-process through main(), on invented lists and text.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

let dir: string;
let data: string;
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 };
  const code = await main(["node", "tally", "--data", data, "--collector", "victims-tester", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

// Forty invented people; three lists name overlapping parts of them (one in Persian script), and
// person 21 is on none of them.
const FIRST = ["Kamran", "Dariush", "Behnam", "Arash", "Farhad", "Omid", "Saeed", "Hamed"];
const LAST = ["Salehi", "Moradi", "Rostami", "Zamani", "Nouri"];
const FA: Record<string, string> = { Kamran: "کامران", Dariush: "داریوش", Behnam: "بهنام", Arash: "آرش", Farhad: "فرهاد", Omid: "امید", Saeed: "سعید", Hamed: "حامد", Salehi: "صالحی", Moradi: "مرادی", Rostami: "رستمی", Zamani: "زمانی", Nouri: "نوری" };
const people = FIRST.flatMap((f, i) => LAST.map((l, j) => ({ f, l, age: 20 + ((i * 5 + j) % 40), day: 1 + ((i * 5 + j) % 28) })));
const csv = (rows: typeof people, persian = false) =>
  ["name,age,place,date,event", ...rows.map((p) => `${persian ? `${FA[p.f]} ${FA[p.l]}` : `${p.f} ${p.l}`},${p.age},Tehran,2024-05-${String(p.day).padStart(2, "0")},execution`)].join("\n");

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-victims-cli-"));
  data = join(dir, "data");
  await writeFile(join(dir, "a.csv"), csv(people.filter((_, i) => i % 3 !== 0)) + "\nBroken Row,abc,Tehran,2024-05-01,execution");
  await writeFile(join(dir, "b.csv"), csv(people.filter((_, i) => i % 2 === 0), true));
  await writeFile(join(dir, "c.csv"), csv(people.filter((_, i) => i % 5 !== 1)));
  await writeFile(join(dir, "news.txt"), "Two prisoners were hanged in Tehran on 2 May 2024. The executed were Kamran Salehi, 20, and Jalal Ahmadzadeh, 52.");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tally victims", () => {
  it("imports lists, reporting a bad row by file and line and keeping the rest", async () => {
    const a = await cli(["victims", "import", join(dir, "a.csv"), "--source", "Monitor A", "--network", "net-a"]);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/a\.csv:28: age: "abc" is not an age/);
    expect(a.out).toMatch(/26 rows imported, 1 rejected; original kept as document \d+/);
    expect((await cli(["victims", "import", join(dir, "b.csv"), "--source", "Monitor B"])).code).toBe(0);
    expect((await cli(["victims", "import", join(dir, "c.csv"), "--source", "Monitor C", "--network", "net-c"])).code).toBe(0);
    const bad = await cli(["victims", "import", join(dir, "c.csv"), "--source", "Monitor D", "--map", "name=nom"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/"nom" is not a field/);
  });

  it("reads named victims from a document, links everything, and shows a person", async () => {
    expect((await cli(["ingest", join(dir, "news.txt"), "--published", "2024-05-03", "--quiet"])).code).toBe(0);
    expect((await cli(["victims", "mentions"])).out).toBe("2 victims named in 1 documents");
    const link = await cli(["victims", "link"]);
    expect(link.out).toMatch(/^80 records → 40 people/);
    const list = JSON.parse((await cli(["victims", "list", "--limit", "100"])).out) as { total: number; persons: Array<{ id: number; names: string[]; sources: string[] }> };
    expect(list.total).toBe(40);
    const kamran = list.persons.find((p) => p.names.includes("Kamran Salehi"));
    expect(kamran?.names).toContain("کامران صالحی");
    const one = JSON.parse((await cli(["victim", String(kamran?.id)])).out) as { recordList: Array<{ kind: string }> };
    expect(one.recordList.map((r) => r.kind).sort()).toEqual(["mention", "row", "row"]);
  });

  it("flags a count whose named list is shorter", async () => {
    const counts = JSON.parse((await cli(["victims", "counts"])).out) as Array<{ count: number; named: number; flag: string }>;
    expect(counts).toEqual([expect.objectContaining({ count: 2, named: 2, flag: "matches" })]);
  });

  it("lays out the overlap as 0/1 per source and estimates from three lists", async () => {
    const out = (await cli(["victims", "overlap", "--event", "execution", "--place", "Iran", "--period", "2024-05..2024-05", "--lists-only", "--format", "csv"])).out.split("\r\n");
    expect(out[0]).toBe("person,Monitor A (a.csv),Monitor B (b.csv),Monitor C (c.csv)");
    expect(out).toHaveLength(40);
    expect(out.slice(1).every((l) => /^\d+,[01],[01],[01]$/.test(l))).toBe(true);
    const text = (await cli(["victims", "overlap", "--event", "execution", "--lists-only"])).out;
    expect(text).toMatch(/ESTIMATE from list overlap/);
    expect(text).toMatch(/method: log-linear model/);
    expect(text).toMatch(/assumption: closed population/);
  });

  it("refuses two lists of one network", async () => {
    await cli(["victims", "import", join(dir, "c.csv"), "--source", "Monitor C2", "--list", "C again", "--network", "net-c"]);
    await cli(["victims", "link"]);
    const text = (await cli(["victims", "overlap", "--lists-only"])).out;
    expect(text).toMatch(/no estimate: .*one source network \(net-c\)/);
  });

  it("a decision splits a person, undo restores it", async () => {
    const list = JSON.parse((await cli(["victims", "list", "--limit", "100"])).out) as { persons: Array<{ id: number; names: string[] }> };
    const kamran = list.persons.find((p) => p.names.includes("Kamran Salehi"));
    const one = JSON.parse((await cli(["victim", String(kamran?.id)])).out) as { recordList: Array<{ key: string; kind: string }> };
    const row = one.recordList.find((r) => r.kind === "row")?.key as string;
    const mention = one.recordList.find((r) => r.kind === "mention")?.key as string;
    const d = await cli(["victims", "decide", row, mention, "--different", "--reason", "another Kamran"]);
    expect(d.out).toMatch(/^decision (\d+): .* two people/);
    expect((await cli(["victims", "link"])).out).toMatch(/1 splits/);
    const id = /^decision (\d+)/.exec(d.out)?.[1] as string;
    expect((await cli(["victims", "undo", id])).code).toBe(0);
    expect((await cli(["victims", "link"])).out).toMatch(/1 merges/);
    expect((await cli(["audit", "verify"])).code).toBe(0);
  });
});
