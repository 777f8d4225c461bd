// Reads the text layer of a PDF (pdfjs-dist, Mozilla's PDF.js) into a working text, page by page,
// with where each page starts in it. A PDF without text (a scan) is not an error: its text is
// empty and it is reported as having no text layer.
import { InputError } from "./errors.js";

/** The text of a PDF: working text, where each page starts in it, the title of its metadata. */
export interface PdfText {
  text: string;
  /** Offset in `text` of the start of each page (page 1 at 0). */
  pageStarts: number[];
  title: string | null;
  /** True when no page has any text: a scanned PDF (its text is empty). */
  noTextLayer: boolean;
}

/** What ingest says of a PDF without a text layer. */
export const NO_TEXT_LAYER = "no text layer (a scanned PDF?): stored without claims";

/** The one line a PDF.js failure becomes. */
function reasonOf(err: unknown): string {
  const name = (err as { name?: string } | null)?.name ?? "";
  const message = err instanceof Error ? err.message : String(err);
  if (name === "PasswordException") return "the PDF is password-protected; Tally reads PDFs it can open";
  if (name === "InvalidPDFException") return `not a readable PDF (${message})`;
  return `not a readable PDF (${name ? `${name}: ` : ""}${message})`;
}

interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

/** The text of one page's items: each item's string, a line break where PDF.js marks the end of a line. */
function pageText(items: readonly TextItem[]): string {
  let out = "";
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    out += item.str;
    if (item.hasEOL) out += "\n";
  }
  return out
    .split("\n")
    .map((line) => line.replace(/\s+$/u, ""))
    .join("\n")
    .trim();
}

/** Reads a PDF's text layer; throws InputError naming `file` when the bytes are no readable PDF. */
export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfText> {
  // Loaded only when a PDF is read (PDF.js is large).
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // PDF.js takes ownership of (detaches) the buffer it is given: give it a copy, the original is stored.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw new InputError(file, reasonOf(err));
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(pageText(content.items as TextItem[]));
      page.cleanup();
    }
    let text = "";
    const pageStarts: number[] = [];
    for (const [i, t] of pages.entries()) {
      if (i > 0) text += "\n\n";
      pageStarts.push(text.length);
      text += t;
    }
    const info = (await doc.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === "string" && info.Title.trim() ? info.Title.trim().slice(0, 500) : null;
    // A scan: nothing to read, and every page starts at the start of the (empty) text.
    if (text.trim() === "") return { text: "", pageStarts: pageStarts.map(() => 0), title, noTextLayer: true };
    return { text, pageStarts, title, noTextLayer: false };
  } catch (err) {
    throw new InputError(file, reasonOf(err));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
