// Input checks the API and the CLI share (issue 22, item 5): one date validator, so that the API
// refuses "2023-13-45" as the CLI does; and OpenAPI patterns that are patterns (no regex flags
// inside), each matching its own example.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../src/api/openapi.js";
import { parseDateOption } from "../../src/cli/io.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
beforeAll(async () => {
  L = await makeLedger();
});
afterAll(async () => {
  await L?.close();
});

const cliAccepts = (v: string): boolean => {
  try {
    parseDateOption(v, "--from");
    return true;
  } catch {
    return false;
  }
};

/** A real calendar date prefix, by the calendar itself. */
function isReal(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m || Number(m[1]) < 1000) return false;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const PATHS = ["/claims?from=", "/claims?to=", "/exports/claims?format=json&from=", "/facts?from=", "/facts?to="];

describe("dates", () => {
  it.each(["2023-13-45", "2023-02-30", "2023-00", "2021-04-31", "2023-1-5", "23-01-01", "2023/01/01", "0999"])("the API refuses %s on every route, as the CLI does", async (v) => {
    expect(cliAccepts(v)).toBe(false);
    for (const path of PATHS) {
      const r = await L.app.request(`/api/v1${path}${encodeURIComponent(v)}`);
      expect(r.status, `${path}${v}`).toBe(400);
    }
    const ingest = await L.app.request("/api/v1/ingest/url", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.org/a.html", published: v }) });
    expect(ingest.status).toBe(400);
    expect(((await ingest.json()) as { error: { message: string } }).error.message).toMatch(/^published: /);
  });

  it.each(["2024-02-29", "2023", "2023-12", "2023-12-31"])("both accept %s", async (v) => {
    expect(cliAccepts(v)).toBe(true);
    for (const path of PATHS) expect((await L.app.request(`/api/v1${path}${v}`)).status, path).toBe(200);
  });

  it("API and CLI agree with the calendar on any YYYY-MM-DD (property)", async () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(""));
    const shaped = fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(shaped, fc.string({ maxLength: 12 })), async (v) => {
        const api = (await L.app.request(`/api/v1/claims?limit=1&from=${encodeURIComponent(v)}`)).status === 200;
        expect(api).toBe(cliAccepts(v));
        expect(api).toBe(isReal(v.trim()) && v.trim() === v);
      }),
      { numRuns: 150 },
    );
  });
});

describe("OpenAPI patterns", () => {
  /** Every (schema, path) of the document that has a pattern. */
  function patterns(node: unknown, path: string, out: Array<{ path: string; pattern: string; example?: unknown }>): typeof out {
    if (Array.isArray(node)) node.forEach((n, i) => patterns(n, `${path}[${i}]`, out));
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o["pattern"] === "string") out.push({ path, pattern: o["pattern"], example: o["example"] });
      for (const [k, v] of Object.entries(o)) patterns(v, `${path}.${k}`, out);
    }
    return out;
  }

  it("are plain ECMAScript patterns, each matching its own example", () => {
    const found = patterns(openApiDocument(), "$", []);
    expect(found.length).toBeGreaterThan(5);
    for (const { path, pattern, example } of found) {
      const re = new RegExp(pattern, "u");
      if (typeof example === "string") expect(re.test(example), `${path}: ${pattern} against ${example}`).toBe(true);
    }
    const url = found.find((f) => f.example === "https://example.org/report.html");
    expect(url, "the url field has a pattern and an example").toBeDefined();
    const re = new RegExp(url?.pattern ?? "", "u");
    expect(re.test("HTTP://example.org/x")).toBe(true);
    expect(re.test("ftp://example.org/x")).toBe(false);
  });
});
