// PDF reports: the text layer read page by page (pdfjs-dist), claims with the page they stand on,
// scanned PDFs stored without claims ("no text layer"), broken PDFs refused alone. Every PDF here
// is written by the test itself (test/support/pdf.ts).
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { InputError } from "../../src/ingest/errors.js";
import { readDocumentFile } from "../../src/ingest/read-file.js";
import { ingest, type IngestEvent } from "../../src/pipeline/ingest.js";
import { extractFiles } from "../../src/services/extract-files.js";
import { pageAt, pageStarts } from "../../src/shared/page-map.js";
import { openStore } from "../../src/store/index.js";
import { makePdf } from "../support/pdf.js";
import { useTempDirs } from "./temp-dir.js";

const PAGE_ONE = ["Annual review of the Juniper Rights Desk", "At least 21 prisoners were executed in Shiraz in 2023, the Juniper Rights Desk said."];
const PAGE_TWO = ["Detentions", "More than 340 protesters were arrested in Tabriz in 2023, according to the Juniper Rights Desk."];

describe("PDF reports", () => {
  const tempDir = useTempDirs();

  it("reads the text layer page by page, with where each page starts and the title of its metadata", async () => {
    const dir = await tempDir();
    const path = join(dir, "review.pdf");
    const bytes = makePdf([PAGE_ONE, PAGE_TWO], "Juniper annual review");
    await writeFile(path, bytes);
    const doc = await readDocumentFile(path);
    expect(doc.mediaType).toBe("application/pdf");
    expect(doc.title).toBe("Juniper annual review");
    expect(doc.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(Buffer.compare(doc.bytes, Buffer.from(bytes))).toBe(0);
    const starts = pageStarts(doc.textMap);
    expect(starts).toHaveLength(2);
    const second = doc.text.indexOf("Detentions");
    expect(starts?.[1]).toBe(second);
    expect(doc.text.slice(0, second)).toContain("At least 21 prisoners were executed in Shiraz");
    expect(doc.notice).toBeNull();
  });

  it("gives every claim of `tally extract` the page its sentence starts on", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "review.pdf"), makePdf([PAGE_ONE, PAGE_TWO]));
    const outcomes = [];
    for await (const o of extractFiles([join(dir, "review.pdf")], { published: "2024-01-20" })) outcomes.push(o);
    const ok = outcomes[0];
    if (!ok?.ok) throw new Error(`not read: ${ok?.ok === false ? ok.error.message : "nothing"}`);
    const byEvent = Object.fromEntries(ok.claims.map((c) => [c.event, c]));
    expect(byEvent.execution).toMatchObject({ count: 21, place: "Shiraz", page: 1 });
    expect(byEvent.arrest).toMatchObject({ count: 340, place: "Tabriz", page: 2 });
    // The span indexes the working text, and the page follows from where it starts.
    const arrest = byEvent.arrest as { span: [number, number]; quote: string };
    expect(ok.document.text.slice(...arrest.span)).toBe(arrest.quote);
  });

  it("stores PDFs with claims and pages, stores a scan without text as 'no text layer', and fails a broken PDF alone", async () => {
    const dir = await tempDir();
    const scan = makePdf([[], []]);
    await writeFile(join(dir, "a-review.pdf"), makePdf([PAGE_ONE, PAGE_TWO]));
    await writeFile(join(dir, "b-broken.pdf"), Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog\nthis is not a PDF at all\n"));
    await writeFile(join(dir, "c-scan.pdf"), scan);
    await writeFile(join(dir, "d-notes.txt"), "Field notes from the border\n\nAt least 5 people were killed in Zahedan in 2022, the Cedar Monitor said.");
    const store = await openStore({ dataDir: join(dir, "data") });
    try {
      const events: IngestEvent[] = [];
      const config = loadConfig({ data: join(dir, "data"), collector: "pdf-test" }, {});
      const summary = await ingest([dir], store, { config, published: "2024-01-20", onEvent: (e) => events.push(e) });
      expect(summary).toMatchObject({ new: 3, failed: 1 });
      const byName = Object.fromEntries(events.map((e) => [e.name.split("/").pop(), e]));
      expect(byName["b-broken.pdf"]?.status).toBe("failed");
      expect(byName["b-broken.pdf"]?.message).toMatch(/b-broken\.pdf: not a readable PDF/);
      expect(byName["c-scan.pdf"]).toMatchObject({ status: "new", claims: 0, notice: expect.stringContaining("no text layer") });
      expect(byName["a-review.pdf"]?.notice).toBeUndefined();

      const listed = await store.listDocuments({ limit: 10, offset: 0 });
      const review = await store.getDocument(listed.find((d) => d.name === "a-review.pdf")?.id ?? -1);
      expect(review?.mediaType).toBe("application/pdf");
      const claims = await store.queryClaims({ documentId: review?.id ?? -1 }, { limit: 100, offset: 0, sort: "id" });
      expect(claims.map((c) => [c.event, c.count, c.page])).toEqual([["execution", 21, 1], ["arrest", 340, 2]]);
      for (const c of claims) expect(pageAt(pageStarts(review?.textMap) ?? [], c.span[0])).toBe(c.page);

      // The scan: stored with its original bytes and their hash, an empty text and no claims.
      const stored = await store.getDocument(createHash("sha256").update(scan).digest("hex"));
      expect(stored).toMatchObject({ mediaType: "application/pdf", text: "", claimCount: 0, title: "c-scan" });
      expect(Buffer.compare(Buffer.from((await store.getDocumentBytes(stored?.id ?? -1)) ?? []), Buffer.from(scan))).toBe(0);

      // A text file: titled by its first line, and its claims carry no page.
      const notes = listed.find((d) => d.name === "d-notes.txt");
      expect(notes?.title).toBe("Field notes from the border");
      const noteClaims = await store.queryClaims({ documentId: notes?.id ?? -1 }, { limit: 10, offset: 0, sort: "id" });
      expect(noteClaims.length).toBeGreaterThan(0);
      expect(noteClaims.every((c) => c.page === undefined)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("names the file and the reason for bytes that are no PDF", async () => {
    const dir = await tempDir();
    const path = join(dir, "fake.pdf");
    await writeFile(path, "just some text pretending to be a report");
    const err = await readDocumentFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/^.*fake\.pdf: not a readable PDF/);
  });
});
