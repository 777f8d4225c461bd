// The ledger commands run in-process through main() with a capturing io: ingest, docs, show,
// claims, search, reextract, and their usage and configuration errors.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { openStore, SQLITE_FILE } from "../../src/store/index.js";
import { APPEAL, HTML_PAGE, NGO_BULLETIN, WIRE_REPORT } from "../pipeline/articles.js";

/** A quotation with quotes and a comma inside: its CSV field must be quoted with doubled quotes. */
const QUOTED = `"We counted 19 executions in April alone, and the real number is higher," the director of Juniper Watch said.\n\nRelatives said the families were not told in advance.`;

interface CliRun {
  code: number;
  out: string;
  err: string;
  errLines: string[];
}

async function cli(args: string[], isTTY = false): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY, exitCode: 0 };
  const code = await main(["node", "tally", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n"), errLines: err.flatMap((l) => l.split("\n")) };
}

/** Parses RFC 4180 CSV (CRLF records, quoted fields with doubled quotes and embedded line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
      i++;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else {
      if (ch === '"' || ch === "\n" || ch === "\r") throw new Error(`bare ${JSON.stringify(ch)} at ${i} in CSV`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  row.push(field);
  rows.push(row);
  return rows;
}

const sha256 = (s: string) => createHash("sha256").update(Buffer.from(s)).digest("hex");

const saved: Record<string, string | undefined> = {};
let root: string;
let data: string;
let corpus: string;
let ingestRun: CliRun;

beforeAll(async () => {
  // The commands must use the --data store, whatever the environment says.
  for (const k of ["DATABASE_URL", "TALLY_DATABASE_URL", "TALLY_DATA", "TALLY_COLLECTOR"]) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  root = await mkdtemp(join(tmpdir(), "tally-cli-"));
  data = join(root, "data");
  corpus = join(root, "corpus");
  await mkdir(corpus);
  await writeFile(join(corpus, "wire.txt"), WIRE_REPORT);
  await writeFile(join(corpus, "bulletin.md"), NGO_BULLETIN);
  await writeFile(join(corpus, "raids.html"), HTML_PAGE);
  await writeFile(join(corpus, "appeal.txt"), APPEAL);
  await writeFile(join(corpus, "juniper.txt"), QUOTED);
  await writeFile(
    join(corpus, "manifest.json"),
    JSON.stringify({
      documents: [
        { file: "wire.txt", published: "2023-06-10", publisher: "Harbour Wire" },
        { file: "appeal.txt", published: "2024-02-15", publisher: "Willow Monitor" },
        { file: "juniper.txt", published: "2023-05-02", publisher: "Juniper Watch" },
      ],
    }),
  );
  ingestRun = await cli(["--data", data, "ingest", corpus, "--collector", "cli-test", "--published", "2023-12-01"]);
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await rm(root, { recursive: true, force: true });
});

describe("tally ingest", () => {
  it("stores the folder, prints one line per document and the summary", () => {
    expect(ingestRun.err).toBe("");
    expect(ingestRun.code).toBe(0);
    const lines = ingestRun.out.split("\n");
    expect(lines).toHaveLength(6);
    expect(lines.filter((l) => /^new {7}\S+ \(\d+ claims\)$/.test(l))).toHaveLength(5);
    expect(lines).toContain("new       wire.txt (3 claims)");
    expect(lines.at(-1)).toMatch(/^documents: 5 new, 0 duplicate, 0 failed; claims added: \d+; related documents found: 0$/);
  });

  it("is a no-op the second time", async () => {
    const again = await cli(["--data", data, "ingest", corpus, "--quiet"]);
    expect(again.code).toBe(0);
    expect(again.out).toBe("documents: 0 new, 5 duplicate, 0 failed; claims added: 0; related documents found: 0");
  });

  it("exits 1 with one line per failed input, and stores the rest", async () => {
    const dir = await mkdtemp(join(root, "bad-"));
    await writeFile(join(dir, "empty.txt"), "");
    await writeFile(join(dir, "fine.txt"), "Police arrested 77 students at the western campus on Monday, the Cedar Student Union said.");
    const store = join(root, "bad-store");
    const r = await cli(["--data", store, "ingest", dir, join(dir, "absent.md"), "--quiet"]);
    expect(r.code).toBe(1);
    expect(r.errLines).toEqual([`tally: ${join(dir, "absent.md")}: no such file or folder`, `tally: ${join(dir, "empty.txt")}: empty file`]);
    expect(r.out).toBe("documents: 1 new, 0 duplicate, 2 failed; claims added: 1; related documents found: 0");
  });

  it("rejects a bad --published with exit status 2", async () => {
    const r = await cli(["--data", join(root, "unused"), "ingest", corpus, "--published", "last spring"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual(['tally: --published must be YYYY, YYYY-MM or YYYY-MM-DD (got "last spring")']);
  });
});

describe("tally docs", () => {
  it("lists documents as JSON Lines", async () => {
    const r = await cli(["--data", data, "docs", "--format", "jsonl"]);
    expect(r.code).toBe(0);
    const docs = r.out.split("\n").map((l) => JSON.parse(l) as { id: number; sha256: string; name: string; publisher: string | null; published: string | null; claimCount: number; collector: string });
    expect(docs).toHaveLength(5);
    expect(docs.map((d) => d.name).sort()).toEqual(["appeal.txt", "bulletin.md", "juniper.txt", "raids.html", "wire.txt"]);
    const wire = docs.find((d) => d.name === "wire.txt");
    expect(wire).toMatchObject({ sha256: sha256(WIRE_REPORT), publisher: "Harbour Wire", published: "2023-06-10", claimCount: 3, collector: "cli-test" });
    // --published fills in only what has no date of its own.
    expect(docs.find((d) => d.name === "bulletin.md")?.published).toBe("2023-12-01");
    expect(docs.find((d) => d.name === "raids.html")?.published).toBe("2022-11-20");
    // Without --format and without a terminal, JSON Lines is the default.
    expect((await cli(["--data", data, "docs"])).out).toBe(r.out);
  });

  it("lists documents as CSV and as a table", async () => {
    const csv = parseCsv((await cli(["--data", data, "docs", "--format", "csv", "--publisher", "Harbour Wire"])).out);
    expect(csv[0]).toEqual(["id", "sha256", "name", "title", "publisher", "published", "captured", "claims", "url", "path", "language"]);
    expect(csv[1]?.[10]).toBe("en");
    expect(csv).toHaveLength(2);
    expect(csv[1]?.[2]).toBe("wire.txt");
    const table = await cli(["--data", data, "docs", "--format", "table"]);
    expect(table.out).toContain("wire.txt");
    expect(table.out).toContain(sha256(WIRE_REPORT).slice(0, 12));
  });
});

describe("tally show", () => {
  it("prints provenance and the text with claim sentences in [[…]] when not a terminal", async () => {
    const docs = (await cli(["--data", data, "docs", "--format", "jsonl"])).out.split("\n").map((l) => JSON.parse(l) as { id: number; name: string });
    const id = docs.find((d) => d.name === "wire.txt")?.id;
    const r = await cli(["--data", data, "show", String(id)]);
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(`document ${id}: wire.txt`);
    expect(r.out).toContain(`  sha256     ${sha256(WIRE_REPORT)}`);
    expect(r.out).toContain(`  media type text/plain, ${Buffer.byteLength(WIRE_REPORT)} bytes`);
    expect(r.out).toContain(`  path       ${join(corpus, "wire.txt")}`);
    expect(r.out).toContain("  publisher  Harbour Wire; published 2023-06-10");
    expect(r.out).toMatch(/ {2}captured {3}\d{4}-\d\d-\d\dT\S+ by cli-test; language \S+/);
    expect(r.out).toContain("  claims     3");
    expect(r.out).toContain("[[Authorities in the northern province executed 14 prisoners in March, according to the Harbour Rights Watch monitoring group.]] ⟨execution 14⟩");
    expect(r.out).toContain("[[More than 200 protesters were arrested");
    expect(r.out).not.toContain("\x1b[");
    // By SHA-256 prefix, the same output.
    expect((await cli(["--data", data, "show", sha256(WIRE_REPORT).slice(0, 8)])).out).toBe(r.out);
  });

  it("uses colours on a terminal", async () => {
    const r = await cli(["--data", data, "show", sha256(WIRE_REPORT).slice(0, 10)], true);
    expect(r.out).toContain("\x1b[");
    expect(r.out).not.toContain("[[");
  });

  it("names an unknown document", async () => {
    const r = await cli(["--data", data, "show", "9999"]);
    expect(r.code).not.toBe(0);
    expect(r.errLines).toEqual(["tally: no document 9999"]);
    const bad = await cli(["--data", data, "show", "xyz"]);
    expect(bad.code).toBe(2);
    expect(bad.errLines).toHaveLength(1);
  });
});

describe("tally claims", () => {
  it("prints executions as CSV: a header and RFC 4180-quoted rows", async () => {
    const r = await cli(["--data", data, "claims", "--event", "execution", "--format", "csv"]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.out);
    const header = rows[0] ?? [];
    expect(header).toEqual(["id", "document", "published", "event", "count", "qualifier", "period_start", "period_end", "place", "victims", "source", "quote", "span_start", "span_end", "clutter", "extractor", "status", "period_label", "period_from", "confidence", "confidence_reason", "page"]);
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThanOrEqual(4);
    for (const row of body) {
      expect(row).toHaveLength(header.length);
      expect(row[3]).toBe("execution");
    }
    const col = (name: string) => header.indexOf(name);
    const juniper = body.find((row) => row[col("document")] === "juniper.txt");
    expect(juniper?.[col("quote")]).toBe(`"We counted 19 executions in April alone, and the real number is higher," the director of Juniper Watch said.`);
    expect(juniper?.[col("count")]).toBe("19");
    expect(juniper?.[col("period_start")]).toBe("2023-04-01");
    // The raw line doubles the quotes inside a quoted field.
    expect(r.out).toContain(`"""We counted 19 executions in April alone, and the real number is higher,"" the director of Juniper Watch said."`);
    const wire = body.find((row) => row[col("document")] === "wire.txt");
    expect(wire?.[col("quote")]).toContain("executed 14 prisoners in March, according to");
    expect(r.out.split("\r\n")[1]).toMatch(/^\d+,/);
  });

  it("filters by period: --from 2023 --to 2023 as JSON Lines in the interchange format", async () => {
    const r = await cli(["--data", data, "claims", "--from", "2023", "--to", "2023", "--format", "jsonl", "--sort", "id"]);
    expect(r.code).toBe(0);
    const claims = r.out.split("\n").map((l) => JSON.parse(l) as { document: string; event: string; count: number; period: { start: string; end: string } | null; quote: string; span: [number, number] });
    expect(claims.length).toBeGreaterThanOrEqual(3);
    for (const c of claims) {
      expect(Object.keys(c).slice(0, 10)).toEqual(["document", "event", "count", "qualifier", "period", "place", "victims", "source", "quote", "span"]);
      expect(c.period).not.toBeNull();
      expect((c.period?.start ?? "9999") <= "2023-12-31" && (c.period?.end ?? "") >= "2023-01-01").toBe(true);
    }
    const docs = new Set(claims.map((c) => c.document));
    expect(docs.has("wire.txt")).toBe(true);
    expect(docs.has("juniper.txt")).toBe(true);
    expect(docs.has("bulletin.md")).toBe(true);
    // The raids (October 2022) and the appeal (January 2024) are outside 2023.
    expect(docs.has("raids.html")).toBe(false);
    expect(docs.has("appeal.txt")).toBe(false);
    expect(claims.find((c) => c.count === 14)?.period).toEqual({ start: "2023-03-01", end: "2023-03-31" });
  });

  it("prints a table on a terminal", async () => {
    const r = await cli(["--data", data, "claims", "--event", "execution"], true);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ of \d+ claims$/);
    expect(r.out).toContain("juniper.txt");
  });
});

describe("tally search", () => {
  it("finds a word and marks it in the snippet", async () => {
    const r = await cli(["--data", data, "search", "teenagers"]);
    expect(r.code).toBe(0);
    const hits = r.out.split("\n").map((l) => JSON.parse(l) as { documentId: number; name: string; snippet: string });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.name).toBe("wire.txt");
    expect(hits[0]?.snippet).toContain("[teenagers]");
    const table = await cli(["--data", data, "search", "teenagers", "--format", "table"]);
    expect(table.out).toContain("[teenagers]");
    expect(table.out).toContain("wire.txt (Harbour Wire, 2023-06-10)");
    expect((await cli(["--data", data, "search", "zeppelin", "--format", "table"])).out).toBe("no documents match");
  });

  it("says when more documents match than it ranked, and ranks more on request", async () => {
    const all = await cli(["--data", data, "search", "the"]);
    const names = all.out.split("\n").map((l) => (JSON.parse(l) as { name: string }).name);
    expect(names.length).toBeGreaterThan(2);
    expect(all.err).toBe("");
    const newest = await cli(["--data", data, "search", "the", "--window", "2"]);
    expect(newest.code).toBe(0);
    expect(newest.out.split("\n")).toHaveLength(2);
    expect(newest.err).toBe("tally: more than 2 documents match; ranked the 2 most recently stored (add words to narrow the search, or raise --window)");
    expect((await cli(["--data", data, "search", "the", "--window", "0"])).err).toMatch(/--window must be a whole number from 1/);
  });
});

describe("tally reextract", () => {
  it("re-runs the extractor over every stored document, same claims", async () => {
    const before = (await cli(["--data", data, "claims", "--clutter", "--format", "jsonl", "--sort", "id", "--limit", "1000"])).out;
    const total = before.split("\n").length;
    const r = await cli(["--data", data, "reextract"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`re-extracted 5 documents: ${total} claims (was ${total})`);
    const after = (await cli(["--data", data, "claims", "--clutter", "--format", "jsonl", "--sort", "id", "--limit", "1000"])).out;
    const strip = (s: string) => s.split("\n").map((l) => { const { document, event, count, period, quote, span } = JSON.parse(l) as Record<string, unknown>; return JSON.stringify([document, event, count, period, quote, span]); }).sort();
    expect(strip(after)).toEqual(strip(before));
  });
});

describe("usage and configuration errors", () => {
  const cases: Array<[string, string[], RegExp]> = [
    ["a bad --event", ["claims", "--event", "parade"], /^tally: --event must be one of execution, .* \(got "parade"\)$/],
    ["a bad --from", ["claims", "--from", "last year"], /^tally: --from must be YYYY, YYYY-MM or YYYY-MM-DD \(got "last year"\)$/],
    ["a bad --format", ["claims", "--format", "xml"], /^tally: --format must be one of table, csv, jsonl \(got "xml"\)$/],
    ["a bad docs --format", ["docs", "--format", "yaml"], /^tally: --format must be one of table, jsonl, csv \(got "yaml"\)$/],
    ["a bad --victims", ["claims", "--victims", "giraffes"], /^tally: --victims must be one of .* \(got "giraffes"\)$/],
    ["an unknown command", ["tabulate"], /unknown command 'tabulate'/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 2 with one line for ${what}`, async () => {
      const r = await cli(["--data", data, ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe("");
      expect(r.errLines.filter((l) => l.trim() !== "")).toHaveLength(1);
      expect(r.errLines[0]).toMatch(message);
    });
  }

  // The message names the option that was wrong.
  it("names --sort in the message for a bad --sort", async () => {
    const r = await cli(["--data", data, "claims", "--sort", "bogus"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual(['tally: --sort must be one of period, count, published, id (got "bogus")']);
  });

  // --limit/--offset accept only whole numbers: "abc" and "-1" are usage errors.
  for (const args of [["docs", "--limit", "abc"], ["search", "--limit", "x", "word"], ["claims", "--limit", "-1"], ["claims", "--offset", "many"]]) {
    it(`exits 2 with one line naming the option for ${args.join(" ")}`, async () => {
      const r = await cli(["--data", data, ...args]);
      expect(r.code).toBe(2);
      expect(r.errLines).toHaveLength(1);
      expect(r.errLines[0]).toMatch(new RegExp(`^tally: ${args[1]} must be`));
    });
  }

  // A date that is not in the calendar is a usage error, not an empty result.
  it("rejects an impossible --from date", async () => {
    const r = await cli(["--data", data, "claims", "--from", "2023-13"]);
    expect(r.code).toBe(2);
    expect(r.errLines[0]).toMatch(/^tally: --from must be/);
  });

  it("refuses a --db that is not a postgres:// URL", async () => {
    const r = await cli(["--db", "mysql://root:secret@localhost/tally", "docs"]);
    expect(r.code).toBe(2);
    expect(r.errLines).toEqual(['tally: the database URL must start with postgres:// (got "mysql://root:***@localhost/tally")']);
    expect(r.err).not.toContain("secret");
  });

  it("refuses a store created by a newer version of Tally", async () => {
    const dir = join(root, "newer");
    await (await openStore({ dataDir: dir })).close();
    const db = new BetterSqlite3(join(dir, SQLITE_FILE));
    try {
      const { v } = db.prepare("select max(version) as v from tally_migrations").get() as { v: number };
      db.prepare("insert into tally_migrations (version, name, applied_at) values (?, ?, ?)").run(v + 5, "from-the-future", "2099-01-01T00:00:00Z");
    } finally {
      db.close();
    }
    for (const args of [["docs"], ["claims"], ["ingest", join(corpus, "wire.txt")]]) {
      const r = await cli(["--data", dir, ...args]);
      expect(r.code).not.toBe(0);
      expect(r.errLines).toHaveLength(1);
      expect(r.errLines[0]).toMatch(/^tally: this store was created by a newer version of Tally \(schema \d+, this version knows up to \d+\); upgrade Tally$/);
    }
  });
});
