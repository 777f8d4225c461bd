// Facets of claims by network and language (issue 24), on SQLite and, with DATABASE_URL,
// PostgreSQL: `/claims?facets=network,language` counts every matching claim by the network the
// source registry puts its source in and by its document's language; each count is the total the
// filter on that value lists (`network=`, `language=`), and the counts follow the other filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSIAN_REPORT } from "../support/languages.js";
import { makeLedger, type Ledger } from "./helpers.js";

type Facet = Array<{ value: string | null; count: number; label?: string }>;
interface Answer {
  total: number;
  claims: Array<{ id: number; source: string | null }>;
  facets?: Record<string, Facet>;
}

function runSuite(name: string, url?: string): void {
  describe(`claim facets by network and language: ${name}`, () => {
    let L: Ledger;
    const get = (path: string, init?: RequestInit) => L.app.request(`/api/v1${path}`, init);
    const claims = async (q: string): Promise<Answer> => {
      const r = await get(`/claims?${q}`);
      expect(r.status, q).toBe(200);
      return (await r.json()) as Answer;
    };
    beforeAll(async () => {
      L = await makeLedger(url ? { url } : {});
      const fd = new FormData();
      fd.set("file", new File([PERSIAN_REPORT], "gozaresh.txt", { type: "text/plain" }));
      fd.set("published", "2024-12-01");
      expect((await get("/ingest", { method: "POST", body: fd })).status).toBe(200);
    });
    afterAll(() => L.close());

    it("counts each network and language as the filter on it lists, and follows the other filters", async () => {
      for (const filter of ["", "event=execution&", "from=2022&to=2022&"]) {
        const all = await claims(`${filter}limit=1000&facets=network,language`);
        const networks = all.facets?.network ?? [];
        const languages = all.facets?.language ?? [];
        expect(networks.reduce((n, v) => n + v.count, 0), filter).toBe(all.total);
        expect(languages.reduce((n, v) => n + v.count, 0), filter).toBe(all.total);
        expect(networks.filter((v) => v.value !== null).length, filter).toBeGreaterThan(0);
        for (const v of networks) {
          if (v.value === null) continue;
          expect(v.label).toEqual(expect.any(String));
          const only = await claims(`${filter}network=${encodeURIComponent(v.value)}&limit=1000&facets=network`);
          expect(only.total, `${filter}${v.value}`).toBe(v.count);
          expect(only.facets?.network).toEqual([v]);
        }
        for (const v of languages) {
          if (v.value === null) continue;
          expect((await claims(`${filter}language=${v.value}&limit=1000`)).total, `${filter}${v.value}`).toBe(v.count);
        }
      }
      const everything = await claims("limit=1000&facets=language");
      expect(everything.facets?.language?.map((v) => v.value).sort()).toEqual(["en", "fa"]);
      // A narrower filter, smaller counts.
      const executions = await claims("event=execution&limit=1&facets=network");
      const any = await claims("limit=1&facets=network");
      expect(executions.total).toBeLessThan(any.total);
      // A network by its name too; an unknown one is refused naming the field.
      const first = (any.facets?.network ?? []).find((v) => v.value !== null && v.label);
      expect((await claims(`network=${encodeURIComponent(first?.label ?? "")}&limit=1`)).total).toBe(first?.count);
      const r = await get("/claims?network=no-such-network");
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/^network /);
      expect((await get("/claims?language=Persian")).status).toBe(400);
    });

    it("gives the same claims in the download of a network's and a language's filter", async () => {
      const q = "language=fa&sort=id&limit=all";
      const page = await claims("language=fa&sort=id&limit=1000");
      expect(page.total).toBeGreaterThan(0);
      const csv = await (await get(`/claims.csv?${q}`)).text();
      expect(csv.trim().split("\r\n").slice(1).map((l) => Number(l.split(",")[0]))).toEqual(page.claims.map((c) => c.id));
    });
  });
}

runSuite("sqlite");
const url = process.env.DATABASE_URL;
if (url) runSuite("postgres", url);
