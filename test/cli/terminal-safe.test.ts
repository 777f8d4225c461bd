// Control characters and escape sequences in file names, titles and texts (issue 22, item 5): no
// table, log line or highlighted text the CLI prints may carry them to the terminal raw.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { escapeControls, terminalSafe } from "../../src/cli/terminal-safe.js";

// eslint-disable-next-line no-control-regex -- the escape sequences are what this test looks for
const OWN_STYLE = /\x1b\[(?:0|1|2|3[1-6])m/g;
/** Raw controls left once Tally's own colours are taken out. */
// eslint-disable-next-line no-control-regex
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const rawLeft = (s: string): boolean => RAW.test(s.replace(OWN_STYLE, "").replace(/\r\n/g, "\n"));

async function cli(args: string[], isTTY: boolean): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY, exitCode: 0 };
  const code = await main(["node", "tally", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("terminalSafe", () => {
  it("escapes controls, escape sequences, C1 and bidirectional overrides as visible text", () => {
    expect(terminalSafe("a\x1b[2Jb")).toBe("a\\u001b[2Jb");
    expect(terminalSafe("t\x1b]0;owned\x07")).toBe("t\\u001b]0;owned\\u0007");
    expect(terminalSafe("x\u009b31my")).toBe("x\\u009b31my");
    expect(terminalSafe("evil\u202Etxt.exe")).toBe("evil\\u202etxt.exe");
    expect(terminalSafe("over\rwrite")).toBe("over\\u000dwrite");
  });

  it("keeps line feeds, tabs and CSV's CR LF; colours too are escaped (Tally's own go out apart)", () => {
    expect(terminalSafe("a\tb\nc\r\nd")).toBe("a\tb\nc\r\nd");
    expect(terminalSafe("\x1b[31mhot")).toBe("\\u001b[31mhot");
    expect(escapeControls("a\nb\x1b[31mhot")).toBe("a\nb\\u001b[31mhot");
  });

  it("leaves JSON valid and meaning the same", () => {
    const value = { name: "a\u009bb\u202ec" };
    expect(JSON.parse(terminalSafe(JSON.stringify(value)))).toEqual(value);
  });
});

describe("the CLI's tables and logs", () => {
  let dir: string;
  const data = () => join(dir, "data");
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tally-escapes-"));
    const docs = join(dir, "docs");
    await mkdir(docs);
    await writeFile(join(docs, "report\x1b]0;owned\x07\x1b[2J.html"), "<html><head><title>Week\x1b[8m hidden \u202Egnp.exe</title></head><body><p>Monitors said at least 7 prisoners\x1b[2K were executed in Ardmore Prison in 2021.</p></body></html>");
    await writeFile(join(docs, "manifest.json"), JSON.stringify({ documents: [{ file: "report\x1b]0;owned\x07\x1b[2J.html", published: "2022-01-05", publisher: "Pub\x1b[31mlisher\u009b" }] }));
    await writeFile(join(dir, "bad\x1b[2J.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("escapes what documents carry in every output", async () => {
    const runs = [
      await cli(["--data", data(), "ingest", join(dir, "docs"), join(dir, "bad\x1b[2J.txt"), join(dir, "missing\x1b[2J.txt")], false),
      await cli(["--data", data(), "docs", "--format", "table"], true),
      await cli(["--data", data(), "claims", "--format", "table"], true),
      await cli(["--data", data(), "show", "1"], true),
      await cli(["--data", data(), "show", "1"], false),
      await cli(["--data", data(), "search", "prisoners"], true),
      await cli(["--data", data(), "audit", "log", "--format", "table"], true),
      await cli(["--data", data(), "review", "list", "--format", "table"], true),
      await cli(["--data", data(), "facts", "--format", "table"], true),
    ];
    const all = runs.map((r) => r.out + r.err).join("\n");
    expect(all).toContain("\\u001b]0;owned\\u0007");
    expect(all).toMatch(/Pub\\u001b\[31mlisher\\u009b/);
    for (const [i, r] of runs.entries()) expect(rawLeft(r.out + r.err), `run ${i}: ${JSON.stringify(r.out + r.err).slice(0, 400)}`).toBe(false);
    // The highlighted text still has Tally's colours on a terminal.
    expect(runs[3]?.out).toMatch(OWN_STYLE);
  });
});
