// Documents in other languages through the CLI: the language detected and stored, shown and
// filtered by `tally docs`, and a document in a language without extraction rules reported
// plainly by `tally ingest`, `tally extract`, `tally docs` and `tally show` (never a silent zero).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../facts/helpers.js";
import { WIRE_REPORT } from "../pipeline/articles.js";
import { PERSIAN_REPORT, TURKISH_REPORT } from "../support/languages.js";


const NO_RULES = "no claims extracted: language Turkish has no extraction rules";
const saved: Record<string, string | undefined> = {};
let root: string;
let data: string;
let corpus: string;
let ingestRun: { code: number; out: string; err: string };

beforeAll(async () => {
  for (const k of ["DATABASE_URL", "TALLY_DATABASE_URL", "TALLY_DATA", "TALLY_COLLECTOR"]) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  root = await mkdtemp(join(tmpdir(), "tally-lang-"));
  data = join(root, "data");
  corpus = join(root, "corpus");
  await mkdir(corpus);
  await writeFile(join(corpus, "wire.txt"), WIRE_REPORT);
  await writeFile(join(corpus, "gozlem.txt"), TURKISH_REPORT);
  await writeFile(join(corpus, "گزارش.txt"), PERSIAN_REPORT);
  ingestRun = await runCli(["--data", data, "ingest", corpus, "--published", "2024-12-01"]);
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(root, { recursive: true, force: true });
});

describe("a document in a language without extraction rules", () => {
  it("is stored, and `tally ingest` says why it has no claims, on its line and in the summary", () => {
    expect(ingestRun.code).toBe(0);
    const lines = ingestRun.out.split("\n");
    expect(lines).toContain(`new       gozlem.txt (${NO_RULES})`);
    expect(lines.some((l) => /^new {7}wire\.txt \(\d+ claims\)$/.test(l))).toBe(true);
    // Persian too until its pack lands: the line names every language without rules.
    expect(lines.at(-1)).toMatch(/^no claims extracted from [12] documents?: languages? (.*, )?Turkish( \(1\))?(, .*)? ha(s|ve) no extraction rules$/);
  });

  it("is reported by `tally extract` on stderr, without failing the run", async () => {
    const r = await runCli(["extract", join(corpus, "gozlem.txt"), join(corpus, "wire.txt"), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`tally: gozlem.txt: ${NO_RULES}`);
    const out = JSON.parse(r.out) as { claims: unknown[]; unsupported: Array<{ document: string; language: string; message: string }> };
    expect(out.claims.length).toBeGreaterThan(0);
    expect(out.unsupported).toEqual([{ document: "gozlem.txt", language: "tr", message: NO_RULES }]);
  });

  it("is marked in `tally docs` and `tally show`", async () => {
    const docs = (await runCli(["--data", data, "docs", "--format", "jsonl"])).out.split("\n").map((l) => JSON.parse(l) as { id: number; name: string; language: string | null; unsupported?: string });
    const turkish = docs.find((d) => d.name === "gozlem.txt");
    expect(turkish).toMatchObject({ language: "tr", unsupported: NO_RULES });
    expect(docs.find((d) => d.name === "wire.txt")?.unsupported).toBeUndefined();
    const table = await runCli(["--data", data, "docs", "--format", "table"]);
    expect(table.out).toMatch(/without claims: no extraction rules for (.*, )?Turkish/);
    const show = await runCli(["--data", data, "show", String(turkish?.id)]);
    expect(show.out).toContain("language Turkish (tr)");
    expect(show.out).toContain(`  claims     0 (${NO_RULES})`);
  });
});

describe("tally docs --language", () => {
  it("lists the documents of one language, with the language in every format", async () => {
    const persian = (await runCli(["--data", data, "docs", "--language", "fa", "--format", "jsonl"])).out.split("\n").map((l) => JSON.parse(l) as { name: string; language: string });
    expect(persian.map((d) => [d.name, d.language])).toEqual([["گزارش.txt", "fa"]]);
    const english = (await runCli(["--data", data, "docs", "--language", "EN", "--format", "jsonl"])).out.split("\n").map((l) => JSON.parse(l) as { name: string });
    expect(english.map((d) => d.name)).toEqual(["wire.txt"]);
    expect((await runCli(["--data", data, "docs", "--language", "unknown", "--format", "jsonl"])).out).toBe("");
  });

  it("rejects a value that is not a language code", async () => {
    const r = await runCli(["--data", data, "docs", "--language", "Persian!"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--language must be a language code");
  });
});
