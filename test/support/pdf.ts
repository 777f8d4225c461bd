// Writes small, valid PDF files by hand for tests: pages of text lines in a standard font (no
// embedded font, WinAnsi), or pages with only a drawing (a "scanned" PDF without a text layer).

/** One page: its lines of text (empty: the page has a drawing and no text). */
export type PdfPage = readonly string[];

const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** The content stream of a page: each line 16 points below the last, or a filled rectangle. */
function contentOf(lines: PdfPage): string {
  if (lines.length === 0) return "0.5 g 72 400 300 200 re f\n";
  const body = lines.map((line, i) => (i === 0 ? `(${escape(line)}) Tj` : `T* (${escape(line)}) Tj`)).join("\n");
  return `BT\n/F1 11 Tf\n16 TL\n72 760 Td\n${body}\nET\n`;
}

/** A PDF of the given pages, with a document title in its Info dictionary when `title` is given. */
export function makePdf(pages: readonly PdfPage[], title?: string): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = title === undefined ? "<< /Producer (tally tests) >>" : `<< /Title (${escape(title)}) /Producer (tally tests) >>`;
  pages.forEach((lines, i) => {
    const id = pageIds[i] as number;
    const content = contentOf(lines);
    objects[id] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`;
  });
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}
