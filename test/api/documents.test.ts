// The documents use case (services/documents.ts) through the API (`/documents`, `/documents.csv`)
// and the CLI (`tally documents`): every filter narrows the page and its total alike.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { loadReference } from "../../src/services/reference.js";
import { makeLedger, type Ledger } from "./helpers.js";

interface Doc {
  id: number;
  name: string;
  publisher: string | null;
  published: string | null;
  claimCount: number;
  collector: string;
  restricted: boolean;
}
interface DocPage {
  total: number;
  limit: number;
  offset: number;
  documents: Doc[];
}

describe("documents: filters, paging, CSV, the CLI", () => {
  let L: Ledger;
  const get = (path: string) => L.app.request(`/api/v1${path}`);
  const page = async (query: string): Promise<DocPage> => {
    const r = await get(`/documents?${query}`);
    expect(r.status).toBe(200);
    return (await r.json()) as DocPage;
  };

  beforeAll(async () => {
    L = await makeLedger();
    const file = join(L.dir, "minutes.txt");
    await writeFile(file, "Minutes of the volunteers' meeting\n\nThe group agreed to meet again next month to plan the archive.");
    await ingest([file], L.store, { config: L.config, published: "2024-06-03", publisher: "Volunteer Archive" });
    await loadReference(L.store);
    const harbour = (await L.store.listDocuments({ limit: 100, offset: 0 })).find((d) => d.publisher === "Harbour Review");
    await L.store.setRestricted({ type: "document", id: harbour?.id ?? -1 }, true);
  });
  afterAll(() => L.close());

  it("narrows by publisher (any case), publication range, claims, kind and restriction, the total agreeing", async () => {
    const all = await page("limit=500");
    expect(all.total).toBe(all.documents.length);
    expect((await page("publisher=harbour%20REVIEW")).documents.map((d) => d.publisher)).toEqual(["Harbour Review"]);

    const in2023 = await page("from=2023&to=2023&reference=false");
    expect(in2023.documents.length).toBeGreaterThan(0);
    expect(in2023.documents.every((d) => d.published?.startsWith("2023"))).toBe(true);
    expect(in2023.total).toBe(all.documents.filter((d) => d.published?.startsWith("2023") && d.collector !== "tally reference").length);
    const fromMonth = await page("from=2024-01&reference=false&limit=500");
    expect(fromMonth.documents.map((d) => d.published).sort()).toEqual(all.documents.filter((d) => d.collector !== "tally reference" && (d.published ?? "") >= "2024-01").map((d) => d.published).sort());

    const without = await page("hasClaims=false");
    expect(without.documents.map((d) => d.name)).toEqual(["minutes.txt"]);
    const withClaims = await page("hasClaims=true&limit=500");
    expect(withClaims.total + without.total).toBe(all.total);

    const reference = await page("reference=true&limit=500");
    expect(reference.total).toBeGreaterThan(0);
    expect(reference.documents.every((d) => d.collector === "tally reference")).toBe(true);
    expect((await page("reference=false&limit=500")).total + reference.total).toBe(all.total);

    expect((await page("restricted=true")).documents.map((d) => d.publisher)).toEqual(["Harbour Review"]);
    expect((await page("restricted=false&limit=500")).total).toBe(all.total - 1);
  });

  it("pages through the same order and refuses a bad filter naming its field", async () => {
    const all = await page("limit=500&reference=false");
    const first = await page("limit=2&reference=false");
    const second = await page("limit=2&offset=2&reference=false");
    expect([...first.documents, ...second.documents].map((d) => d.id)).toEqual(all.documents.slice(0, 4).map((d) => d.id));
    expect(second.total).toBe(all.total);
    for (const bad of ["from=2024-13", "hasClaims=maybe", "to=24"]) {
      const r = await get(`/documents?${bad}`);
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.message).toContain(bad.split("=")[0]);
    }
  });

  it("exports the same page as CSV (`/documents.csv`), and `tally documents` answers with the same use case", async () => {
    const json = await page("reference=false&from=2023");
    const csv = await get("/documents.csv?reference=false&from=2023");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]?.split(",").slice(0, 3)).toEqual(["id", "sha256", "name"]);
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(json.documents.map((d) => d.id));

    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: () => undefined, isTTY: false, exitCode: 0 };
    const code = await main(["node", "tally", "--data", L.config.dataDir, "documents", "--no-reference", "--from", "2023", "--format", "json"], io);
    expect(code).toBe(0);
    const cliPage = JSON.parse(out.join("\n")) as DocPage;
    expect(cliPage.total).toBe(json.total);
    expect(cliPage.documents.map((d) => d.id)).toEqual(json.documents.map((d) => d.id));

    const none: string[] = [];
    const code2 = await main(["node", "tally", "--data", L.config.dataDir, "documents", "--no-claims", "--format", "jsonl"], { out: (l) => none.push(l), err: () => undefined, isTTY: false, exitCode: 0 });
    expect(code2).toBe(0);
    expect(none.map((l) => (JSON.parse(l) as Doc).name)).toEqual(["minutes.txt"]);
  });
});
