// Golden files: the extractor's output on every sample document must equal its reviewed
// expected-claims file (regenerate with `npm run golden` and review the diff like code).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toJsonLine } from "../../src/cli/claim-format.js";
import { extractFiles, type ExtractOutcome } from "../../src/services/extract-files.js";

const samples = join(import.meta.dirname, "..", "..", "samples");

async function outcomes(): Promise<ExtractOutcome[]> {
  const out: ExtractOutcome[] = [];
  for await (const o of extractFiles([join(samples, "corpus")])) out.push(o);
  return out;
}

describe("sample documents", async () => {
  const all = await outcomes();

  it("all read without problems", () => {
    expect(all.filter((o) => !o.ok).map((o) => (o.ok ? "" : o.error.message))).toEqual([]);
    expect(all.length).toBeGreaterThanOrEqual(10);
  });

  for (const o of all) {
    if (!o.ok) continue;
    it(`${o.document.name} matches its golden file`, () => {
      const expected = readFileSync(join(samples, "expected", `${o.document.name}.claims.jsonl`), "utf8").split("\n").filter(Boolean);
      const actual = o.claims.map((c) => toJsonLine({ ...c, extractor: undefined }));
      expect(actual).toEqual(expected);
    });
  }

  it("has a golden file for every document and no stale ones", () => {
    const names = all.flatMap((o) => (o.ok ? [`${o.document.name}.claims.jsonl`] : [])).sort();
    expect(readdirSync(join(samples, "expected")).sort()).toEqual(names);
  });

  it("quotes every claim exactly as its span in the working text", () => {
    for (const o of all) {
      if (!o.ok) continue;
      for (const c of o.claims) expect(o.document.text.slice(c.span[0], c.span[1])).toBe(c.quote);
    }
  });

  it("agrees with the hand-made gold annotations on most required claims", () => {
    const gold = JSON.parse(readFileSync(join(samples, "gold.json"), "utf8")) as {
      documents: { file: string; claims: { event: string[]; count: number; quote: string; optional: boolean }[] }[];
    };
    let required = 0;
    let found = 0;
    for (const d of gold.documents) {
      const o = all.find((x) => x.ok && x.document.name === d.file);
      for (const g of d.claims) {
        if (g.optional) continue;
        required++;
        const squash = (s: string) => s.replace(/\s+/g, " ").trim();
        if (o?.ok && o.claims.some((c) => !c.clutter && c.count === g.count && g.event.includes(c.event) && (squash(c.quote).includes(squash(g.quote).slice(0, 40)) || squash(g.quote).includes(squash(c.quote).slice(0, 40))))) found++;
      }
    }
    // A ratchet, not a target: raise it as the extractor improves.
    expect(found / required).toBeGreaterThanOrEqual(0.85);
  });
});
