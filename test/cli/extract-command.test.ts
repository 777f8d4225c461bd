// `tally extract DIR --format jsonl` with extraction threads and files read ahead prints exactly
// what extracting each file in turn on one thread prints, in the same order, a bad file reported
// in its place; the lines leave in blocks, not one write per claim.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toJsonLine } from "../../src/cli/claim-format.js";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { extract } from "../../src/core/extract/index.js";
import { detectLanguage } from "../../src/ingest/language.js";
import { TURKISH_REPORT } from "../support/languages.js";
// @ts-expect-error -- plain JavaScript benchmark helper without types
import { documents } from "../../bench/corpus.mjs";

interface SyntheticDoc {
  text: string;
  meta: { document: string; published: string; publisher: string };
}

let root: string;
let folder: string;
const docs: SyntheticDoc[] = [];
/** A file over --max-bytes, sorted among the synthetic ones (its problem is reported in its place). */
const TOO_BIG = "synthetic-000020-big.txt";
const MAX_BYTES = 20_000;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "tally-extract-cmd-"));
  folder = join(root, "corpus");
  await mkdir(folder);
  for (const d of documents(5) as Iterable<SyntheticDoc>) {
    if (docs.length >= 45) break;
    docs.push(d);
    await writeFile(join(folder, d.meta.document), d.text);
  }
  await writeFile(join(folder, TOO_BIG), "Invented filler about nothing in particular. ".repeat(600));
  // A document in a language without rules: its note goes to stderr in its place too.
  await writeFile(join(folder, "synthetic-000030-tr.txt"), TURKISH_REPORT);
  const manifest = docs.map((d) => ({ file: d.meta.document, published: d.meta.published, publisher: d.meta.publisher, url: null }));
  await writeFile(join(folder, "manifest.json"), JSON.stringify({ documents: manifest }));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the CLI, keeping stdout and stderr lines in one log in the order they were written. */
async function run(args: string[]): Promise<{ code: number; log: string[]; outCalls: number }> {
  const log: string[] = [];
  let outCalls = 0;
  const io: CliIo = {
    out: (text) => {
      outCalls++;
      for (const line of text.split("\n")) log.push(`out ${line}`);
    },
    err: (line) => log.push(`err ${line}`),
    isTTY: false,
    exitCode: 0,
  };
  const code = await main(["node", "tally", ...args], io);
  return { code, log, outCalls };
}

describe("tally extract --format jsonl", () => {
  it("prints with extraction threads what one file at a time on one thread prints, in order, problems in their place", async () => {
    const args = ["extract", folder, "--format", "jsonl", "--max-bytes", String(MAX_BYTES)];
    const inline = await run([...args, "--workers", "0"]);
    const threaded = await run([...args, "--workers", "2"]);
    expect(threaded.code).toBe(1); // the file over the limit
    expect(inline.code).toBe(1);
    expect(threaded.log).toEqual(inline.log);

    // What it prints: each file's claims as extract() reads it, files in sorted order.
    const expected: string[] = [];
    const names = [...docs.map((d) => d.meta.document), TOO_BIG, "synthetic-000030-tr.txt"].sort();
    for (const name of names) {
      if (name === TOO_BIG) {
        expected.push(`err tally: ${join(folder, TOO_BIG)}: file is 26.4 KB, over the 19.5 KB limit`);
        continue;
      }
      const doc = docs.find((d) => d.meta.document === name);
      if (!doc) {
        expected.push("err tally: synthetic-000030-tr.txt: no claims extracted: language Turkish has no extraction rules");
        continue;
      }
      const language = detectLanguage(doc.text);
      for (const c of extract(doc.text, { ...doc.meta, language }).claims) expected.push(`out ${toJsonLine(c)}`);
    }
    expect(threaded.log).toEqual(expected);
    expect(expected.filter((l) => l.startsWith("out ")).length).toBeGreaterThan(300);
    // Blocks of lines, not one write per claim.
    expect(threaded.outCalls).toBeLessThan(20);
  });

  it("refuses a bad --workers value by name", async () => {
    const r = await run(["extract", folder, "--workers", "many"]);
    expect(r.code).toBe(2);
    expect(r.log.join("\n")).toContain("--workers must be a whole number");
  });
});
