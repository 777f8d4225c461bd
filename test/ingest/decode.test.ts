import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode.js";
import { InputError } from "../../src/ingest/errors.js";

const SAMPLE = "Eight detainees — including two minors — were moved on 3 June.";

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = bigEndian ? code >> 8 : code & 0xff;
    out[3 + i * 2] = bigEndian ? code & 0xff : code >> 8;
  }
  return out;
}

function reasonOf(bytes: Uint8Array): string {
  try {
    decodeText(bytes, "doc.txt");
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(`doc.txt: ${(err as InputError).reason}`);
    return (err as InputError).reason;
  }
  throw new Error("decodeText did not throw");
}

describe("decodeText", () => {
  it("reads plain UTF-8", () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE), "a.txt")).toEqual({ text: SAMPLE, encoding: "utf-8" });
  });

  it("strips a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    const { text, encoding } = decodeText(bytes, "a.txt");
    expect(encoding).toBe("utf-8");
    expect(text).toBe(SAMPLE);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("reads UTF-16 LE and BE with a byte-order mark", () => {
    expect(decodeText(utf16(SAMPLE, false), "a.txt")).toEqual({ text: SAMPLE, encoding: "utf-16le" });
    expect(decodeText(utf16(SAMPLE, true), "a.txt")).toEqual({ text: SAMPLE, encoding: "utf-16be" });
  });

  it("refuses an empty file, and one holding only a BOM", () => {
    expect(reasonOf(new Uint8Array(0))).toBe("empty file");
    expect(reasonOf(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe("empty file");
  });

  it.each([
    ["PDF", [...new TextEncoder().encode("%PDF-1.7\n%âãÏÓ")]],
    ["PNG image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ["JPEG image", [0xff, 0xd8, 0xff, 0xe0, 0, 16]],
    ["GIF image", [...new TextEncoder().encode("GIF89a"), 1, 0]],
    ["ZIP archive, e.g. .docx or .xlsx", [0x50, 0x4b, 0x03, 0x04, 20, 0]],
    ["gzip", [0x1f, 0x8b, 8, 0]],
    ["ELF executable", [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]],
  ])("names a %s by its magic number", (name, bytes) => {
    expect(reasonOf(new Uint8Array(bytes))).toBe(`binary file (${name}); Tally reads .txt, .md, .html and .pdf`);
  });

  it("refuses NUL bytes without a UTF-16 BOM", () => {
    const bytes = new Uint8Array([0x61, 0x00, 0x62, 0x00, 0x63, 0x00]);
    expect(reasonOf(bytes)).toMatch(/^binary file \(contains NUL bytes/);
  });

  it("locates invalid UTF-8 by byte and offset", () => {
    const head = new TextEncoder().encode("x".repeat(1234));
    const bytes = new Uint8Array([...head, 0xe9, 0x74, 0xe9]);
    expect(reasonOf(bytes)).toBe("not valid UTF-8: byte 0xE9 at offset 1234; convert the file to UTF-8");
  });

  it("counts the offset from the start of the file when a BOM is present", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x62, 0xff, 0x63]);
    expect(reasonOf(bytes)).toBe("not valid UTF-8: byte 0xFF at offset 5; convert the file to UTF-8");
  });

  it("refuses a truncated multi-byte sequence at the end", () => {
    const bytes = new Uint8Array([0x61, 0xe2, 0x82]);
    expect(reasonOf(bytes)).toBe("not valid UTF-8: byte 0xE2 at offset 1; convert the file to UTF-8");
  });

  it("refuses broken UTF-16", () => {
    expect(reasonOf(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]))).toMatch(/^not valid UTF-16LE: odd number of bytes/);
    expect(reasonOf(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00]))).toMatch(/^not valid UTF-16LE: unpaired surrogate/);
  });
});
