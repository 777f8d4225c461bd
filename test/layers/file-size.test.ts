// No source file over 400 lines (issue 23): a file that grows past it is split by what it does,
// not left to grow. Counts the repository's own code: src, test, scripts, bench and bin.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const MAX_LINES = 400;
const ROOTS = ["src", "test", "scripts", "bench", "bin"];
const CODE = /\.(?:ts|tsx|mjs|js)$/;

/** Lines as an editor numbers them: a final newline ends the last line, it does not start one. */
function lineCount(text: string): number {
  if (text.length === 0) return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}

function codeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...codeFiles(path));
    else if (CODE.test(e.name)) out.push(path);
  }
  return out;
}

describe("file size", () => {
  it("counts lines as an editor does", () => {
    expect(lineCount("")).toBe(0);
    expect(lineCount("a")).toBe(1);
    expect(lineCount("a\n")).toBe(1);
    expect(lineCount("a\nb\n")).toBe(2);
    expect(lineCount("a\n\nb")).toBe(3);
  });

  it(`keeps every code file at ${MAX_LINES} lines or fewer`, () => {
    const files = ROOTS.flatMap((root) => codeFiles(root));
    expect(files.length).toBeGreaterThan(300);
    const over = files.map((f) => [f, lineCount(readFileSync(f, "utf8"))] as const).filter(([, n]) => n > MAX_LINES);
    expect(over).toEqual([]);
  });
});
