// Facts by the language of their claims' documents, and a page of them at a time
// (`/api/v1/facts?language=…&facets=language&limit=…&offset=…`): the linker's claim carries its
// document's language as it carries place and source; a page comes with the total, and the facets
// still count every matching fact. `tally facts --language` takes the same filter.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { FRENCH_REPORT, PERSIAN_REPORT } from "../support/languages.js";
import { makeLedger, type Ledger } from "./helpers.js";

type Facets = Record<string, Array<{ value: string | null; count: number; label?: string }>>;
interface FactPage {
  total: number;
  limit: number | null;
  offset: number;
  facts: Array<{ id: string; description: string; contradictions: number }>;
  facets?: Facets;
}

describe("facts by language, a page at a time", () => {
  let L: Ledger;
  const facts = async (q: Record<string, string> = {}, status = 200): Promise<FactPage> => {
    const r = await L.app.request(`/api/v1/facts?${new URLSearchParams(q).toString()}`);
    expect(r.status, new URLSearchParams(q).toString()).toBe(status);
    return (await r.json()) as FactPage;
  };

  beforeAll(async () => {
    L = await makeLedger();
    const dir = join(L.dir, "languages");
    await mkdir(dir);
    await writeFile(join(dir, "gozaresh.txt"), PERSIAN_REPORT);
    await writeFile(join(dir, "rapport.txt"), FRENCH_REPORT);
    await ingest([dir], L.store, { config: L.config, published: "2024-11-30", publisher: "Test Monitor" });
  });
  afterAll(() => L?.close());

  it("counts facts under each language of their claims' documents, named, and filters by it", async () => {
    const all = await facts({ facets: "language" });
    const languages = Object.fromEntries((all.facets?.language ?? []).map((v) => [String(v.value), v]));
    expect(languages.en?.count).toBeGreaterThan(0);
    expect(languages.fa).toMatchObject({ count: 1, label: "Persian" });
    expect(languages.fr).toMatchObject({ count: 1, label: "French" });
    for (const { value, count } of all.facets?.language ?? []) {
      if (value !== null) expect((await facts({ language: value })).total, value).toBe(count);
    }
    const persian = await facts({ language: "FA", facets: "language,event" });
    expect(persian.facts).toHaveLength(1);
    expect(persian.facets?.language?.find((v) => v.value === "fa")?.count).toBe(1);
    expect((await facts({ language: "unknown" })).total).toBe(0);
    const bad = await L.app.request("/api/v1/facts?language=Persian!");
    expect(bad.status).toBe(400);
  });

  it("gives a page of facts with the total, the facets counted over every matching fact", async () => {
    const whole = await facts({ facets: "event,place,language" });
    expect(whole.limit).toBeNull();
    expect(whole.total).toBe(whole.facts.length);
    expect(whole.total).toBeGreaterThan(3);
    const first = await facts({ limit: "2", facets: "event,place,language" });
    expect(first).toMatchObject({ total: whole.total, limit: 2, offset: 0 });
    expect(first.facts).toEqual(whole.facts.slice(0, 2));
    expect(first.facets).toEqual(whole.facets);
    const pages: FactPage["facts"] = [];
    for (let offset = 0; offset < whole.total; offset += 2) pages.push(...(await facts({ limit: "2", offset: String(offset) })).facts);
    expect(pages).toEqual(whole.facts);
    expect((await facts({ limit: "2", offset: String(whole.total) })).facts).toEqual([]);
    await facts({ limit: "0" }, 400);
  });

  it("orders the facts of the most consequential conflicts first when asked, across pages", async () => {
    const conflicts = (await (await L.app.request("/api/v1/conflicts")).json()) as { conflicts: Array<{ facts: Array<{ id: string }> }> };
    const top = new Set((conflicts.conflicts[0]?.facts ?? []).map((f) => f.id));
    expect(top.size).toBeGreaterThan(0);
    const ranked = await facts({ order: "consequential" });
    expect(top.has(ranked.facts[0]?.id ?? "")).toBe(true);
    expect(new Set(ranked.facts.map((f) => f.id))).toEqual(new Set((await facts()).facts.map((f) => f.id)));
    const second = await facts({ order: "consequential", limit: "3", offset: "3" });
    expect(second.facts).toEqual(ranked.facts.slice(3, 6));
  });

  it("takes the language filter on the command line too", async () => {
    const lines: string[] = [];
    const errors: string[] = [];
    const io: CliIo = { out: (l) => lines.push(l), err: (l) => errors.push(l), isTTY: false, exitCode: 0 };
    expect(await main(["node", "tally", "--data", L.config.dataDir, "facts", "--language", "fr", "--format", "json"], io)).toBe(0);
    const { facts: listed } = JSON.parse(lines.join("\n")) as { facts: Array<{ id: string }> };
    expect(listed.map((f) => f.id)).toEqual((await facts({ language: "fr" })).facts.map((f) => f.id));
    const wrong: CliIo = { out: () => undefined, err: (l) => errors.push(l), isTTY: false, exitCode: 0 };
    expect(await main(["node", "tally", "--data", L.config.dataDir, "facts", "--language", "French!"], wrong)).toBe(2);
    expect(errors.join("\n")).toMatch(/--language must be a language code/);
  });
});
