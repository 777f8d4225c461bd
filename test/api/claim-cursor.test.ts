// Paging the claims list with a cursor (issue 24), on SQLite and, with DATABASE_URL, PostgreSQL:
// `/claims?cursor=` walks the list a keyset page at a time (`next` in each answer) and yields
// exactly the claims of the offset pages, in their order, across ties in the sort's column; a
// cursor that is not one, or is another order's, is refused with a 400 naming `cursor`; the
// downloads take `limit=all` (every matching claim, read a keyset batch at a time) and a cursor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLedger, type Ledger } from "./helpers.js";

interface Page {
  claims: Array<{ id: number; count: number; documentPublished: string | null }>;
  total: number;
  next: string | null;
}

function runCursorSuite(name: string, url?: string): void {
  describe(`claims cursor: ${name}`, () => {
    let L: Ledger;
    const get = (path: string) => L.app.request(`/api/v1${path}`);
    const page = async (q: string): Promise<Page> => {
      const r = await get(`/claims?${q}`);
      expect(r.status, q).toBe(200);
      return (await r.json()) as Page;
    };
    beforeAll(async () => {
      L = await makeLedger(url ? { url } : {});
    });
    afterAll(() => L.close());

    it("walks every order with cursors: the claims of the offset pages, in their order", async () => {
      for (const filter of ["", "event=execution&", "place=iran&"]) {
        for (const sort of ["period", "count", "published", "id"]) {
          const all = await page(`${filter}sort=${sort}&limit=1000`);
          expect(all.claims.length).toBeGreaterThan(2);
          expect(all.next).toBeNull();
          const byOffset: number[] = [];
          for (let offset = 0; offset < all.total; offset += 2) byOffset.push(...(await page(`${filter}sort=${sort}&limit=2&offset=${offset}`)).claims.map((c) => c.id));
          const walked: number[] = [];
          let cursor: string | null = null;
          let pages = 0;
          do {
            const p: Page = await page(`${filter}sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
            walked.push(...p.claims.map((c) => c.id));
            cursor = p.next;
            pages += 1;
            if (cursor) expect(p.claims).toHaveLength(2);
          } while (cursor && pages < 1000);
          expect(walked, `${filter}${sort}`).toEqual(byOffset);
          expect(walked).toEqual(all.claims.map((c) => c.id));
        }
      }
      // The fixture's claims tie in the sort's column (a document's claims share its date).
      const dates = (await page("sort=published&limit=1000")).claims.map((c) => c.documentPublished);
      expect(new Set(dates).size).toBeLessThan(dates.length);
    });

    it("refuses a cursor that is not one, or is another order's, naming the field", async () => {
      const first = await page("sort=count&limit=2");
      expect(first.next).toEqual(expect.any(String));
      const bad = ["nonsense", "!!", Buffer.from("[1,2]").toString("base64url"), Buffer.from('["count","x",1]').toString("base64url")].map((c) => `sort=count&cursor=${c}`);
      for (const q of [...bad, `sort=period&cursor=${first.next}`]) {
        const r = await get(`/claims?limit=2&${q}`);
        expect(r.status, q).toBe(400);
        const body = (await r.json()) as { error: { message: string; field?: string } };
        expect(body.error.message, q).toMatch(/^cursor /);
      }
      expect((await get(`/claims.csv?sort=count&cursor=nonsense`)).status).toBe(400);
    });

    it("downloads every matching claim with limit=all, and from a cursor on", async () => {
      const all = await page("sort=period&limit=1000");
      const json = (await (await get("/claims.json?sort=period&limit=all")).json()) as Page & { limit: unknown };
      expect(json.claims.map((c) => c.id)).toEqual(all.claims.map((c) => c.id));
      expect(json).toMatchObject({ limit: "all", next: null, total: all.total });
      const csv = await (await get("/claims.csv?sort=period&limit=all")).text();
      expect(csv.trim().split("\r\n").slice(1).map((l) => Number(l.split(",")[0]))).toEqual(all.claims.map((c) => c.id));
      const first = await page("sort=period&limit=3");
      const rest = (await (await get(`/claims.json?sort=period&limit=all&cursor=${first.next}`)).json()) as Page;
      expect([...first.claims, ...rest.claims].map((c) => c.id)).toEqual(all.claims.map((c) => c.id));
      // A page as a download: the same answer as the list's, its `next` too.
      expect(await (await get("/claims.json?sort=count&limit=3&offset=1")).json()).toEqual(await (await get("/claims?sort=count&limit=3&offset=1")).json());
      expect((await get("/claims.csv?limit=0")).status).toBe(400);
    });
  });
}

runCursorSuite("sqlite");
const url = process.env.DATABASE_URL;
if (url) runCursorSuite("postgres", url);
