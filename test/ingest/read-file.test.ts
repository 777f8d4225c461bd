import { createHash } from "node:crypto";
import { mkdir, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/ingest/errors.js";
import { DEFAULT_MAX_BYTES, readDocumentFile } from "../../src/ingest/read-file.js";
import { useTempDirs } from "./temp-dir.js";

const TEXT = "Report, March.\r\n\r\nAt least 14 people were hanged last month,  the group said.\n";

describe("readDocumentFile", () => {
  const tempDir = useTempDirs();

  it("reads a .txt file verbatim with hash, name and manifest metadata", async () => {
    const dir = await tempDir();
    const path = join(dir, "report.txt");
    await writeFile(path, TEXT);
    const doc = await readDocumentFile(path, { manifestEntry: { file: "report.txt", published: "2021-04", publisher: "Monitor", url: null } });
    expect(doc).toMatchObject({ name: "report.txt", path, mediaType: "text/plain", text: TEXT, published: "2021-04", publisher: "Monitor", url: null, title: "Report, March." });
    expect(doc.sha256).toBe(createHash("sha256").update(TEXT).digest("hex"));
    expect(doc.bytes.equals(Buffer.from(TEXT))).toBe(true);
  });

  it("reads .md (title from the first heading) and strips a UTF-8 BOM", async () => {
    const dir = await tempDir();
    const path = join(dir, "notes.MD");
    const md = "# Weekly notes\n\nTwo *journalists* were arrested.\n";
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(md)]));
    const doc = await readDocumentFile(path, {});
    expect(doc).toMatchObject({ mediaType: "text/markdown", text: md, title: "Weekly notes", published: null });
  });

  it("reads HTML into working text; manifest values win over page metadata", async () => {
    const dir = await tempDir();
    const path = join(dir, "page.htm");
    await writeFile(path, `<html lang="en"><head><meta property="article:published_time" content="2019-05-01">
      <meta property="og:site_name" content="Page Site"><link rel="canonical" href="https://p.example/a"></head>
      <body><h1>Heading here</h1><p>Nine were <b>detained</b>.</p><script>NO</script></body></html>`);
    const plain = await readDocumentFile(path, {});
    expect(plain).toMatchObject({ mediaType: "text/html", text: "Heading here\n\nNine were detained.", title: "Heading here",
      published: "2019-05-01", publisher: "Page Site", url: "https://p.example/a", language: "en" });
    const withManifest = await readDocumentFile(path, { manifestEntry: { file: "page.htm", published: "2019-06", publisher: "Manifest Pub", url: null } });
    expect(withManifest).toMatchObject({ published: "2019-06", publisher: "Manifest Pub", url: "https://p.example/a" });
  });

  it("refuses unsupported extensions before reading", async () => {
    await expect(readDocumentFile("/no/such/dir/report.docx", {})).rejects.toThrow(
      new InputError("/no/such/dir/report.docx", "unsupported file type .docx; Tally reads .txt, .md, .html and .pdf"),
    );
  });

  it("titles a .txt file by its first line, or by its file name when that line is a long paragraph", async () => {
    const dir = await tempDir();
    const path = join(dir, "border-notes.txt");
    await writeFile(path, `\n  ${"A long opening paragraph that runs on and on. ".repeat(6)}\n\nMore.`);
    expect((await readDocumentFile(path, {})).title).toBe("border-notes");
  });

  it("checks the size with stat before reading (200 MB sparse file)", async () => {
    const dir = await tempDir();
    const path = join(dir, "huge.txt");
    await writeFile(path, "");
    await truncate(path, 200 * 1024 * 1024);
    await expect(readDocumentFile(path, {})).rejects.toThrow(`${path}: file is 200.0 MB, over the 50 MB limit`);
    expect(DEFAULT_MAX_BYTES).toBe(50 * 1024 * 1024);
  });

  it("honours a smaller maxBytes", async () => {
    const dir = await tempDir();
    const path = join(dir, "a.txt");
    await writeFile(path, "x".repeat(2048));
    await expect(readDocumentFile(path, { maxBytes: 1024 })).rejects.toThrow(/file is 2\.0 KB, over the 1 KB limit$/);
    await expect(readDocumentFile(path, { maxBytes: 4096 })).resolves.toMatchObject({ text: "x".repeat(2048) });
  });

  it("reports missing files, folders, empty and binary files as InputError", async () => {
    const dir = await tempDir();
    await expect(readDocumentFile(join(dir, "gone.txt"), {})).rejects.toThrow(/gone\.txt: no such file or folder$/);
    await mkdir(join(dir, "folder.txt"));
    await expect(readDocumentFile(join(dir, "folder.txt"), {})).rejects.toThrow(/folder\.txt: is a folder, not a file$/);
    await writeFile(join(dir, "empty.txt"), "");
    await expect(readDocumentFile(join(dir, "empty.txt"), {})).rejects.toThrow(/empty\.txt: empty file$/);
    await writeFile(join(dir, "fake.txt"), Buffer.from("%PDF-1.4\n"));
    await expect(readDocumentFile(join(dir, "fake.txt"), {})).rejects.toThrow(/fake\.txt: binary file \(PDF\)/);
    await writeFile(join(dir, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    await expect(readDocumentFile(join(dir, "latin1.txt"), {})).rejects.toThrow(/not valid UTF-8: byte 0xE9 at offset 3/);
  });
});
