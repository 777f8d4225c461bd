// The JSON API in-process (app.request) over a temporary SQLite ledger of invented documents.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

function expectErrorShape(b: unknown, code: string): void {
  expect(b).toEqual({ error: { code, message: expect.any(String) } });
  expect(Object.keys(b as object)).toEqual(["error"]);
}

describe("documents", () => {
  it("lists documents with the total", async () => {
    const r = await get("/documents?limit=2");
    expect(r.status).toBe(200);
    const b = await body(r);
    expect(b.total).toBe(4);
    expect(b.documents).toHaveLength(2);
    expect(b.documents[0]).toMatchObject({ id: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), claimCount: expect.any(Number) });
    expect(b.documents[0]).not.toHaveProperty("text");
  });

  it("shows one document with text, claims, their facts and provenance, by id or hash prefix", async () => {
    const list = await body(await get("/documents?limit=50"));
    const harbour = list.documents.find((d: { name: string }) => d.name === "harbour-review-2023.txt");
    const r = await get(`/documents/${harbour.id}`);
    expect(r.status).toBe(200);
    const b = await body(r);
    expect(b.document.text).toContain("At least 834 people were executed");
    expect(b.claims.map((c: { count: number }) => c.count).sort()).toEqual([746, 834, 853]);
    for (const c of b.claims) {
      expect(b.document.text.slice(c.span[0], c.span[1])).toBe(c.quote);
      expect(b.facts[String(c.id)]).toMatch(/^fact_/);
    }
    expect(b.provenance).toMatchObject({ sha256: harbour.sha256, publisher: "Harbour Review", published: "2024-01-20", collector: "tests" });
    const byHash = await body(await get(`/documents/${harbour.sha256.slice(0, 10)}`));
    expect(byHash.document.id).toBe(harbour.id);
  });

  it("answers 404 for an unknown document and 400 for a malformed reference", async () => {
    const r = await get("/documents/9999");
    expect(r.status).toBe(404);
    expectErrorShape(await body(r), "not_found");
    const bad = await get("/documents/not-a-ref");
    expect(bad.status).toBe(400);
    expectErrorShape(await body(bad), "invalid_request");
  });
});

describe("claims", () => {
  it("filters, sorts and pages like the CLI", async () => {
    const all = await body(await get("/claims"));
    expect(all.total).toBe(9);
    const ex = await body(await get("/claims?event=execution&from=2022&to=2022&sort=count"));
    expect(ex.claims.map((c: { count: number }) => c.count)).toEqual(expect.arrayContaining([576, 580]));
    expect(ex.total).toBe(2);
    const counts = ex.claims.map((c: { count: number }) => c.count);
    expect([...counts].sort((a, b) => b - a).join() === counts.join() || [...counts].sort((a, b) => a - b).join() === counts.join()).toBe(true);
    const prot = await body(await get("/claims?victims=protesters"));
    expect(prot.claims.every((c: { victims: string[] }) => c.victims.includes("protesters"))).toBe(true);
    expect(prot.total).toBe(2);
    const src = await body(await get("/claims?source=HRANA"));
    expect(src.total).toBe(2);
    const page = await body(await get("/claims?limit=3&offset=3&sort=id"));
    expect(page.claims.map((c: { id: number }) => c.id)).toEqual(all.claims.map((c: { id: number }) => c.id).sort((a: number, b: number) => a - b).slice(3, 6));
    const multi = await body(await get("/claims?event=execution,killing"));
    expect(multi.total).toBe(9);
  });

  it("rejects a bad filter with the error shape and a message naming the field", async () => {
    for (const q of ["event=beheading", "from=last-year", "victims=cats", "sort=random", "limit=0", "limit=abc", "offset=-1"]) {
      const r = await get(`/claims?${q}`);
      expect(r.status, q).toBe(400);
      const b = await body(r);
      expectErrorShape(b, "invalid_request");
      expect(b.error.message).toContain(q.split("=")[0]);
    }
  });

  it("exports exactly the claims of a filter, sort and page as CSV and JSON", async () => {
    const q = "event=execution&sort=count&limit=4&offset=1";
    const shown = await body(await get(`/claims?${q}`));
    const csv = await get(`/exports/claims?${q}&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,document,published,event,count,qualifier,period_start,period_end,place,victims,source,quote,span_start,span_end,clutter,extractor,status,period_label,period_from,confidence,confidence_reason,page");
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(shown.claims.map((c: { id: number }) => c.id));
    const json = await body(await get(`/exports/claims?${q}&format=json`));
    expect(json.claims).toEqual(shown.claims);
  });
});

describe("facts, conflicts, timeline, sources, overview", () => {
  it("lists facts and shows one with its voices", async () => {
    const { facts } = await body(await get("/facts?event=execution&place=Iran"));
    const y2023 = facts.find((f: { period: { start: string } | null }) => f.period?.start === "2023-01-01");
    // HRANA's 746 lies below two independent minimums (834 and 853): ruled out of low and best.
    expect(y2023).toMatchObject({ status: "contested", low: 834, best: 853, high: 853 });
    expect(y2023.bestRule).toContain("ruled out by two independent minimums above them: 746 (HRANA)");
    const one = await body(await get(`/facts/${y2023.id}`));
    expect(one.claimViews).toHaveLength(3);
    expect(one.conflicts.length).toBeGreaterThan(0);
    const missing = await get("/facts/fact_0000000000000000");
    expect(missing.status).toBe(404);
    expectErrorShape(await body(missing), "not_found");
    const bad = await get("/facts?event=nonsense");
    expect(bad.status).toBe(400);
    expectErrorShape(await body(bad), "invalid_request");
  });

  it("lists conflicts most consequential first", async () => {
    const { conflicts } = await body(await get("/conflicts"));
    expect(conflicts.length).toBe(3);
    expect(conflicts[0].severity).toBe("medium");
    expect(conflicts[0].reason).toMatch(/cannot both be right/);
  });

  it("gives a yearly timeline with each network's figure", async () => {
    const t = await body(await get("/timeline?event=execution&place=Iran"));
    expect(t.rows.map((r: { label: string }) => r.label)).toEqual(["2021", "2022", "2023"]);
    expect(t.voices.length).toBe(3);
    expect(t.hiddenVoices).toBe(0);
  });

  it("keeps the voices with the most figures when asked for fewer, and counts the others", async () => {
    const all = await body(await get("/timeline?event=execution&place=Iran"));
    const two = await body(await get("/timeline?event=execution&place=Iran&voices=2"));
    expect(two.voices).toHaveLength(2);
    expect(two.hiddenVoices).toBe(1);
    const kept = new Set(two.voices.map((v: { id: string }) => v.id));
    const dropped = all.voices.map((v: { id: string }) => v.id).find((id: string) => !kept.has(id));
    for (const r of two.rows) expect(Object.keys(r.voices).every((id) => kept.has(id))).toBe(true);
    // A dropped voice gave no more yearly figures than a kept one.
    const yearsOf = (id: string) => all.rows.filter((r: { voices: Record<string, unknown> }) => r.voices[id]).length;
    for (const id of kept) expect(yearsOf(id as string)).toBeGreaterThanOrEqual(yearsOf(dropped));
    const o = await body(await get("/overview?event=execution&place=Iran&voices=2"));
    expect(o.timeline.voices).toEqual(two.voices);
    expect(o.timeline.hiddenVoices).toBe(1);
    for (const bad of ["0", "-1", "two", "2.5"]) {
      const r = await get(`/overview?event=execution&place=Iran&voices=${bad}`);
      expect(r.status).toBe(400);
      expectErrorShape(await body(r), "invalid_request");
    }
  });

  it("lists the registry with claim counts", async () => {
    const s = await body(await get("/sources"));
    const ihr = s.sources.find((x: { short: string }) => x.short === "IHRNGO");
    expect(ihr.claims).toBe(4);
    expect(s.networks.length).toBeGreaterThan(0);
  });

  it("sums up one event and place", async () => {
    const o = await body(await get("/overview?event=execution&place=Iran"));
    expect(o.figures).toMatchObject({ documents: 4, claims: 7, conflicts: 3, sources: 3 });
    expect(o.factsStatus.state).toBe("fresh"); // a small ledger is always linked before answering
    expect(o.timeline.rows).toHaveLength(3);
    expect(o.latestDocuments.length).toBe(4);
    expect(o.byYear.map((r: { year: number }) => r.year).sort()).toEqual([2021, 2022, 2023]);
  });
});

describe("search", () => {
  it("finds documents with snippets and survives query syntax", async () => {
    const r = await body(await get("/search?q=HRANA%20protesters"));
    expect(r.hits[0].name).toBe("meadow-post-protests.txt");
    expect(r.hits[0].snippet).toMatch(/\[/);
    expect(r).toMatchObject({ q: "HRANA protesters", ranked: r.hits.length, complete: true });
    const weird = await get(`/search?q=${encodeURIComponent('"NEAR( OR * -')}`);
    expect(weird.status).toBe(200);
    const missing = await get("/search");
    expect(missing.status).toBe(400);
    expectErrorShape(await body(missing), "invalid_request");
  });
});

describe("ingest", () => {
  const upload = (name: string, content: string | Uint8Array<ArrayBuffer>, type = "text/plain", extra: Record<string, string> = {}) => {
    const fd = new FormData();
    fd.set("file", new File([content], name, { type }));
    for (const [k, v] of Object.entries(extra)) fd.set(k, v);
    return get("/ingest", { method: "POST", body: fd });
  };

  it("stores an uploaded document through the pipeline and links its claims", async () => {
    const r = await upload("new-wire.txt", "At least 12 people were executed in Iran in 2020, according to Iran Human Rights.", "text/plain", { published: "2021-01-10", publisher: "Upload Wire" });
    expect(r.status).toBe(200);
    const b = await body(r);
    expect(b.summary).toMatchObject({ new: 1, claims: 1 });
    const doc = await body(await get(`/documents/${b.documents[0].id}`));
    expect(doc.provenance).toMatchObject({ publisher: "Upload Wire", published: "2021-01-10", collector: "local (web upload)" });
    // The facts are relinked after the upload.
    const t = await body(await get("/timeline?event=execution&place=Iran"));
    expect(t.rows.map((x: { label: string }) => x.label)).toContain("2020");
    const again = await body(await upload("new-wire.txt", "At least 12 people were executed in Iran in 2020, according to Iran Human Rights."));
    expect(again.summary).toMatchObject({ new: 0, duplicate: 1 });
  });

  it("refuses unsupported types with 415, and a broken PDF with 422 naming the problem", async () => {
    const docx = await upload("report.docx", "PK...", "application/octet-stream");
    expect(docx.status).toBe(415);
    expectErrorShape(await body(docx), "unsupported_media_type");
    const pdf = await upload("report.pdf", "%PDF-1.7 ...", "application/pdf");
    expect(pdf.status).toBe(422);
    const problem = await body(pdf);
    expectErrorShape(problem, "ingest_failed");
    expect(problem.error.message).toMatch(/^report\.pdf: not a readable PDF/);
    const pdfAsText = await upload("report.txt", "%PDF-1.7 ...", "text/plain");
    expect(pdfAsText.status).toBe(415);
    const disguised = await upload("report.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]), "text/plain");
    expect(disguised.status).toBe(415);
    expectErrorShape(await body(disguised), "unsupported_media_type");
    const image = await upload("report.txt", "text", "image/png");
    expect(image.status).toBe(415);
    const json = await get("/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expectErrorShape(await body(json), "unsupported_media_type");
  });

  it("refuses an upload over the size limit with 413", async () => {
    const small = await makeSmallApp();
    const fd = new FormData();
    fd.set("file", new File(["x".repeat(5000)], "big.txt", { type: "text/plain" }));
    const r = await small.request("/api/v1/ingest", { method: "POST", body: fd });
    expect(r.status).toBe(413);
    expectErrorShape(await body(r), "payload_too_large");
  });

  it("validates the upload form and the URL body", async () => {
    const fd = new FormData();
    fd.set("published", "yesterday");
    const r = await get("/ingest", { method: "POST", body: fd });
    expect(r.status).toBe(400);
    expectErrorShape(await body(r), "invalid_request");
    const u = await get("/ingest/url", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: "file:///etc/passwd" }) });
    expect(u.status).toBe(400);
    expectErrorShape(await body(u), "invalid_request");
    const broken = await get("/ingest/url", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(broken.status).toBe(400);
    expectErrorShape(await body(broken), "invalid_request");
  });

  it("refuses state changes from other sites", async () => {
    const fd = new FormData();
    fd.set("file", new File(["text"], "a.txt", { type: "text/plain" }));
    const r = await L.app.request("http://127.0.0.1:8080/api/v1/ingest", { method: "POST", body: fd, headers: { origin: "https://evil.example", host: "127.0.0.1:8080" } });
    expect(r.status).toBe(403);
    expectErrorShape(await body(r), "forbidden");
  });
});

async function makeSmallApp() {
  const { createApp } = await import("../../src/api/app.js");
  return createApp({ store: L.store, config: L.config, maxUploadBytes: 1000, log: () => {} });
}

describe("errors and headers", () => {
  it("uses one error shape for unknown routes, wrong methods and server faults", async () => {
    const nf = await get("/nothing-here");
    expect(nf.status).toBe(404);
    expectErrorShape(await body(nf), "not_found");
    const method = await L.app.request("/", { method: "DELETE" });
    expect(method.status).toBe(405);
    expectErrorShape(await body(method), "method_not_allowed");
    const { createApp } = await import("../../src/api/app.js");
    const broken = createApp({ store: { ...L.store, countDocuments: () => Promise.reject(new Error("disk on fire")), listDocuments: () => Promise.reject(new Error("disk on fire")) }, config: L.config, log: () => {} });
    const r = await broken.request("/api/v1/documents");
    expect(r.status).toBe(500);
    const b = await body(r);
    expectErrorShape(b, "internal_error");
    expect(b.error.message).not.toContain("disk on fire");
  });

  it("sets the security headers on API responses and pages", async () => {
    for (const path of ["/api/v1/documents", "/api/v1/nothing", "/claims"]) {
      const r = await L.app.request(path);
      const csp = r.headers.get("content-security-policy") ?? "";
      for (const d of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp, path).toContain(d);
      expect(csp).not.toContain("unsafe-inline");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("x-frame-options")).toBe("DENY");
    }
  });

  describe("pages", () => {
    const INDEX = '<!doctype html><title>Tally</title><div id="root"></div><script type="module" src="/assets/a.js"></script>';
    async function pagesApp(app: Record<string, unknown> = {}) {
      const { createApp } = await import("../../src/api/app.js");
      const { mkdtemp, writeFile, mkdir } = await import("node:fs/promises");
      const webRoot = await mkdtemp(join(tmpdir(), "tally-pages-"));
      await writeFile(join(webRoot, "index.html"), INDEX);
      await mkdir(join(webRoot, "assets"));
      await writeFile(join(webRoot, "assets", "a.js"), "export {};");
      return createApp({ store: L.store, config: L.config, webRoot, log: () => {}, ...app });
    }
    /** The page's data block, parsed (null when it has none). */
    const answersIn = (page: string): Record<string, unknown> | null => {
      const m = /<script type="application\/json" id="tally-answers">([^<]*)<\/script>/.exec(page);
      return m ? (JSON.parse(m[1] as string) as Record<string, unknown>) : null;
    };

    it("come with the answers their script asks first and the overview's key figures already drawn", async () => {
      const app = await pagesApp();
      const r = await app.request("/?event=arrest&place=Iraq");
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("link")).toBeNull();
      const page = await r.text();
      const answers = answersIn(page);
      const overviewPath = "/overview?event=arrest&place=Iraq&voices=7";
      expect(Object.keys(answers ?? {}).sort()).toEqual(["/auth/session", overviewPath]);
      // Exactly what the API answers.
      expect(answers?.[overviewPath]).toEqual(await body(await app.request(`/api/v1${overviewPath}`)));
      expect(answers?.["/auth/session"]).toEqual(await body(await app.request("/api/v1/auth/session")));
      const documents = (answers?.[overviewPath] as { figures: { documents: number } }).figures.documents;
      expect(page).toContain(`<dd data-testid="fig-documents">${documents}</dd>`);
      expect(page).toContain("<dt>Claims naming Iraq</dt>");
      // The script is still the only one that runs, after the markup and the data.
      expect(page.indexOf("tally-answers")).toBeLessThan(page.indexOf('src="/assets/a.js"'));
      // Other pages hold the session only, and no markup.
      const claims = await (await app.request("/claims?event=arrest")).text();
      expect(Object.keys(answersIn(claims) ?? {})).toEqual(["/auth/session"]);
      expect(claims).toContain('<div id="root"></div>');
      // Assets are served as they are.
      const asset = await app.request("/assets/a.js");
      expect(asset.headers.get("link")).toBeNull();
      expect(await asset.text()).toBe("export {};");
    });

    it("never let a place in the address add markup or script, in the figures or in the data", async () => {
      const app = await pagesApp();
      const place = '</script><script>alert(1)</script><img src=x onerror="alert(2)">\u2028&amp;';
      const page = await (await app.request(`/?place=${encodeURIComponent(place)}`)).text();
      expect(page.match(/<script/g)).toHaveLength(2); // the data block and the page's own script
      expect(page).not.toContain("<img");
      expect(page).toContain("<dt>Claims naming &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
      const answers = answersIn(page);
      expect((Object.values(answers ?? {})[1] as { place: string }).place).toBe(place);
    });

    it("hold nothing a signed-out visitor may not see, and name in the Link header what the script must ask", async () => {
      const app = await pagesApp({ loopback: false });
      const r = await app.request(`/?place=${encodeURIComponent("x>; rel=stylesheet, <https://evil.example/a.css")}`);
      const page = await r.text();
      expect(Object.keys(answersIn(page) ?? {})).toEqual(["/auth/session"]);
      expect((answersIn(page)?.["/auth/session"] as { user: unknown }).user).toBeNull();
      expect(page).toContain('<div id="root"></div>');
      expect(page).not.toContain("fig-documents");
      // The overview the visitor was refused is left to the script; the place stays inside the URL, percent-encoded.
      expect(r.headers.get("link")).toBe(
        "</api/v1/overview?event=execution&place=x%3E%3B+rel%3Dstylesheet%2C+%3Chttps%3A%2F%2Fevil.example%2Fa.css&voices=7>; rel=preload; as=fetch; crossorigin",
      );
    });
  });

  it("answers only to the allowed host names when told", async () => {
    const { createApp } = await import("../../src/api/app.js");
    const app = createApp({ store: L.store, config: L.config, allowedHosts: ["127.0.0.1", "localhost"], log: () => {} });
    expect((await app.request("http://127.0.0.1:8080/api/v1/documents")).status).toBe(200);
    const r = await app.request("http://rebind.example:8080/api/v1/documents");
    expect(r.status).toBe(403);
    expectErrorShape(await body(r), "forbidden");
  });
});
