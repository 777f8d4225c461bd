// Victims named in documents are stored with them at ingest and at re-extraction, in every
// language with a mentions reader, linked to the claim whose count they belong to, in the
// document's transaction. Invented sentences.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dropSchema, freshSchema } from "../support/pg-schema.js";
import { loadConfig } from "../../src/config.js";
import { ingest } from "../../src/pipeline/ingest.js";
import { reextractAll } from "../../src/pipeline/reextract.js";
import { listsAgainstCounts } from "../../src/services/victims-registry.js";
import { openStore, type Store } from "../../src/store/index.js";

const TEXTS: Record<string, { text: string; names: string[]; count: number }> = {
  en: { text: "Three prisoners were hanged in Shiraz on 12 May 2025. The executed were Omid Karimi, 29, Babak Tehrani, 41, and Reza Ahmadi.", names: ["Omid Karimi", "Babak Tehrani", "Reza Ahmadi"], count: 3 },
  fa: { text: "سه زندانی روز ۱۲ اردیبهشت در زندان شیراز اعدام شدند. هویت آنان عبارتند از: امید کریمی ۲۹ ساله، بابک تهرانی ۴۱ ساله و رضا احمدی.", names: ["امید کریمی", "بابک تهرانی", "رضا احمدی"], count: 3 },
  ar: { text: "أعدمت السلطات أربعة سجناء في البصرة يوم الاثنين، وهم: حسن العبيدي (52 عاما)، وعلي الزبيدي، ومهند الربيعي، وسالم الجبوري.", names: ["حسن العبيدي", "علي الزبيدي", "مهند الربيعي", "سالم الجبوري"], count: 4 },
  fr: { text: "Trois hommes ont été pendus à Ispahan le 4 juin 2025. Il s'agit de Kaveh Nikzad, 33 ans, de Siamak Parvizi et de Hooman Rad, 50 ans.", names: ["Kaveh Nikzad", "Siamak Parvizi", "Hooman Rad"], count: 3 },
};

let dir = "";
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

const url = process.env.DATABASE_URL;
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) if (url) await dropSchema(url, schema);
});

/** The ledger of a test: SQLite, or PostgreSQL (a fresh schema) in the suite run when DATABASE_URL is set. */
let onPostgres = false;
async function open(): Promise<Store> {
  if (url && onPostgres) {
    const schema = freshSchema("tally_mentions");
    schemas.push(schema);
    return openStore({ url, schema });
  }
  return openStore({ dataDir: join(dir, "data") });
}

async function setup(workers: number): Promise<{ store: Store; files: Record<string, string>; config: ReturnType<typeof loadConfig> }> {
  dir = await mkdtemp(join(tmpdir(), "tally-ingest-mentions-"));
  store = await open();
  const files: Record<string, string> = {};
  for (const [lang, { text }] of Object.entries(TEXTS)) {
    files[lang] = join(dir, `${lang}.txt`);
    await writeFile(files[lang], text);
  }
  files.none = join(dir, "none.txt");
  await writeFile(files.none, "Twelve people were arrested in Tehran on Monday, a rights group said.");
  return { store, files, config: { ...loadConfig({ data: join(dir, "data"), collector: "mentions-test" }, {}), workers } };
}

async function mentionsByDocument(s: Store): Promise<Map<string, Array<{ name: string; claimId: number | null; documentId: number | null; age: number | null }>>> {
  const out = new Map<string, Array<{ name: string; claimId: number | null; documentId: number | null; age: number | null }>>();
  for (const d of await s.listDocuments({ limit: 100, offset: 0 })) {
    out.set(d.name, (await s.victimStore().records({ documentId: d.id })).map((r) => ({ name: r.name, claimId: r.claimId, documentId: r.documentId, age: r.age })));
  }
  return out;
}

for (const pg of url ? [false, true] : [false]) describe(`victim mentions at ingest (${pg ? "postgres" : "sqlite"})`, () => {
  beforeAll(() => {
    onPostgres = pg;
  });
  for (const workers of [0, 1]) {
    it(`stores each document's mentions with it, linked to its count claim, in en, fa, ar and fr (${workers} extraction workers)`, async () => {
      const { store: s, files, config } = await setup(workers);
      const summary = await ingest(Object.values(files), s, { config });
      expect(summary.new).toBe(5);
      const byDoc = await mentionsByDocument(s);
      for (const [lang, { names, count }] of Object.entries(TEXTS)) {
        const doc = (await s.listDocuments({ limit: 100, offset: 0 })).find((d) => d.name === `${lang}.txt`);
        const claims = await s.queryClaims({ documentId: doc?.id ?? -1, includeClutter: true }, { limit: 10, offset: 0, sort: "id" });
        const ms = byDoc.get(`${lang}.txt`) ?? [];
        expect(ms.map((m) => m.name), lang).toEqual(names);
        expect(ms.every((m) => m.documentId === doc?.id), lang).toBe(true);
        const counted = claims.find((c) => c.event === "execution" && c.count === count);
        expect(counted, lang).toBeDefined();
        expect(ms.every((m) => m.claimId === counted?.id), lang).toBe(true);
      }
      expect(byDoc.get("none.txt")).toEqual([]);
      // The counts set against the names: every list is as long as its count.
      const counts = await listsAgainstCounts(s);
      expect(counts.map((c) => [c.named, c.flag]).sort()).toEqual(Object.values(TEXTS).map((t) => [t.count, "matches"]).sort());
      expect((await s.verifyAudit()).ok).toBe(true);
    });
  }

  it("re-extraction replaces the mentions, linked to the new claims", async () => {
    const { store: s, files, config } = await setup(0);
    await ingest([files.en as string, files.fa as string], s, { config });
    const before = await mentionsByDocument(s);
    const summary = await reextractAll(s);
    expect(summary.documents).toBe(2);
    const after = await mentionsByDocument(s);
    for (const name of ["en.txt", "fa.txt"]) {
      const doc = (await s.listDocuments({ limit: 10, offset: 0 })).find((d) => d.name === name);
      const claims = await s.queryClaims({ documentId: doc?.id ?? -1, includeClutter: true }, { limit: 10, offset: 0, sort: "id" });
      expect(after.get(name)?.map((m) => m.name)).toEqual(before.get(name)?.map((m) => m.name));
      // The undecided claim was replaced: the mentions follow it to its new id.
      const counted = claims.find((c) => c.event === "execution" && c.count === 3);
      expect(counted?.id).not.toBe(before.get(name)?.[0]?.claimId);
      expect(after.get(name)?.every((m) => m.claimId === counted?.id)).toBe(true);
    }
    expect((await s.verifyAudit()).ok).toBe(true);
  });

  it("never leaves half a document: a mention the database refuses fails its document's write whole", async () => {
    const { store: s } = await setup(0);
    const doc = { sha256: "a".repeat(64), bytes: new TextEncoder().encode("x"), mediaType: "text/plain", name: "bad.txt", url: null, path: null, publisher: null, published: null, capturedAt: new Date().toISOString(), collector: "t", language: "en", title: null, text: "Two men were shot dead. They were Ali Saberi and Nima Tavakoli.", textMap: null, headers: null };
    const claim = { event: "killing" as const, count: 2, qualifier: "exact" as const, victims: [], place: null, period: null, source: null, quote: "Two men were shot dead.", span: [0, 23] as [number, number] };
    const bad = { name: null as unknown as string, age: null, sex: null, place: null, date: null, event: null, occupation: null, ethnicity: null, span: [34, 44] as [number, number], sentence: [24, 63] as [number, number], claim: 0, source: null };
    const [result] = await s.putDocuments([{ doc, claims: [claim as never], mentions: [bad] }]);
    expect(result?.error).toBeInstanceOf(Error);
    expect(await s.getDocument(doc.sha256)).toBeNull();
    expect(await s.countClaims({ includeClutter: true })).toBe(0);
  });
});
