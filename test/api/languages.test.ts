// Documents in other languages through the API: the language in document lists and pages, the
// filter by language, the note on a document whose language has no extraction rules (in the
// ingest response and on the document), and the extractor's calendar label on claims.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSIAN_REPORT, TURKISH_REPORT } from "../support/languages.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
beforeAll(async () => {
  L = await makeLedger();
});
afterAll(async () => {
  await L?.close();
});

const get = (path: string, init?: RequestInit) => L.app.request(`/api/v1${path}`, init);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (r: Response): Promise<any> => r.json();
const NO_RULES = "no claims extracted: language Turkish has no extraction rules";

function upload(name: string, content: string) {
  const fd = new FormData();
  fd.set("file", new File([content], name, { type: "text/plain" }));
  fd.set("published", "2024-12-01");
  return get("/ingest", { method: "POST", body: fd });
}

describe("a document in a language without extraction rules", () => {
  it("is stored, and the ingest response and the document say why it has no claims", async () => {
    const r = await upload("gozlem.txt", TURKISH_REPORT);
    expect(r.status).toBe(200);
    const b = await body(r);
    expect(b.summary).toMatchObject({ new: 1, claims: 0, unsupported: { tr: 1 } });
    expect(b.events).toEqual([expect.objectContaining({ name: "gozlem.txt", status: "new", claims: 0, language: "tr", unsupported: NO_RULES })]);
    const doc = await body(await get(`/documents/${b.documents[0].id}`));
    expect(doc.document).toMatchObject({ language: "tr", languageName: "Turkish", claimCount: 0, unsupported: NO_RULES });
    expect(doc.provenance.language).toBe("tr");
  });

  it("gives an English document no such note", async () => {
    const list = await body(await get("/documents?language=en"));
    expect(list.documents.length).toBeGreaterThan(0);
    for (const d of list.documents) {
      expect(d.language).toBe("en");
      expect(d).not.toHaveProperty("unsupported");
    }
  });
});

describe("GET /documents?language=", () => {
  it("lists and counts the documents of one language", async () => {
    await upload("گزارش.txt", PERSIAN_REPORT);
    const persian = await body(await get("/documents?language=fa"));
    expect(persian.total).toBe(1);
    expect(persian.documents.map((d: { name: string; languageName: string }) => [d.name, d.languageName])).toEqual([["گزارش.txt", "Persian"]]);
    const all = await body(await get("/documents?limit=500"));
    const english = await body(await get("/documents?language=EN&limit=500"));
    expect(english.total).toBe(all.documents.filter((d: { language: string }) => d.language === "en").length);
    expect((await body(await get("/documents?language=unknown"))).total).toBe(all.documents.filter((d: { language: string | null }) => d.language === null).length);
  });

  it("rejects a value that is not a language code", async () => {
    const r = await get("/documents?language=Persian!");
    expect(r.status).toBe(400);
    expect((await body(r)).error.message).toContain("language must be a language code");
  });
});

describe("claims with a calendar label", () => {
  it("carry the label, the period's origin and the confidence in the JSON API and its export", async () => {
    const { id } = await L.store.putDocument(makeDoc(`${PERSIAN_REPORT}\n(labelled)`, { name: "labelled.txt", language: "fa" }), [
      makeClaim({ count: 12, qualifier: "at_least", period: { start: "2024-10-22", end: "2024-11-20" }, periodLabel: "آبان ۱۴۰۳", periodFrom: "sentence", confidence: 0.9, quote: PERSIAN_REPORT.slice(0, 30), span: [0, 30] }),
    ]);
    const doc = await body(await get(`/documents/${id}`));
    expect(doc.claims[0]).toMatchObject({ periodLabel: "آبان ۱۴۰۳", periodFrom: "sentence", confidence: 0.9 });
    expect(doc.claims[0]).not.toHaveProperty("confidenceReason");
    const exported = await body(await get("/exports/claims?format=json&limit=1000"));
    expect(exported.claims.find((c: { documentId: number }) => c.documentId === id)).toMatchObject({ periodLabel: "آبان ۱۴۰۳" });
    const csv = await (await get("/exports/claims?format=csv&limit=1000")).text();
    const row = csv.split("\r\n").find((l) => l.startsWith(`${doc.claims[0].id},`));
    expect(row).toMatch(/,آبان ۱۴۰۳,sentence,0\.9,,$/); // confidence_reason and page empty
  });
});
