// `tally extract --explain`: every figure of a text, with the claim it became or why not.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../facts/helpers.js";

const cli = async (args: string[]) => {
  const r = await runCli(args);
  return { ...r, out: r.out === "" ? [] : r.out.split("\n") };
};

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-explain-"));
  file = join(dir, "note.txt");
  // Invented: a claim, a year, a rate, an age and a count of cities.
  await writeFile(file, "Guards hanged 14 prisoners in 2023, about two a month.\nOne of them was 19 years old; protests spread to 30 cities.\n");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tally extract --explain", () => {
  it("says for every figure whether it became a claim, and why not", async () => {
    const r = await cli(["extract", file, "--explain", "--published", "2024-02-01", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const rows = r.out.map((l) => JSON.parse(l) as { figure: string; line: number; claim: { event: string; count: number } | null; reason: string });
    const byFigure = new Map(rows.map((x) => [x.figure, x]));
    expect(byFigure.get("14")?.claim).toMatchObject({ event: "execution", count: 14 });
    expect(byFigure.get("14")?.reason).toMatch(/2023-01-01\.\.2023-12-31 \(from the sentence\)/);
    expect(byFigure.get("2023")?.reason).toBe("a year");
    expect(byFigure.get("two")?.reason).toMatch(/rate/);
    expect(byFigure.get("19")?.reason).toBe("an age");
    expect(byFigure.get("30")?.claim).toBeNull();
    expect(byFigure.get("30")?.line).toBe(2);
  });

  it("prints one line a figure on a table", async () => {
    const r = await cli(["extract", file, "--explain", "--published", "2024-02-01", "--format", "table"]);
    expect(r.out.some((l) => /note\.txt:1:\d+ {2}"14" {2}claim: execution exact 14/.test(l))).toBe(true);
    expect(r.out.at(-1)).toMatch(/1 claims from \d+ figures/);
  });
});
