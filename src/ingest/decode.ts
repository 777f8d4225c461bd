// Turns a file's bytes into text, refusing binaries and broken encodings with a clear reason.
import { InputError } from "./errors.js";
import { detectMagic } from "./magic.js";
import { firstInvalidUtf8 } from "./utf8-scan.js";

/** Encodings Tally reads. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be";

/** Decoded text and the encoding it was read with. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const READS = "Tally reads .txt, .md, .html and .pdf";

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** Decodes UTF-8 (BOM optional, stripped) or BOM-marked UTF-16; throws InputError otherwise. */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new InputError(file, "empty file");
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new InputError(file, "UTF-32 text is not supported; convert the file to UTF-8");
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, file, "utf-16le");
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, file, "utf-16be");
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (bom === 0) {
    const magic = detectMagic(bytes);
    if (magic) throw new InputError(file, `binary file (${magic}); ${READS}`);
  }
  if (bytes.indexOf(0) !== -1) {
    throw new InputError(file, `binary file (contains NUL bytes; UTF-16 without a byte-order mark?); ${READS}`);
  }
  const body = bytes.subarray(bom);
  if (body.length === 0) throw new InputError(file, "empty file");
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), encoding: "utf-8" };
  } catch {
    const at = firstInvalidUtf8(bytes, bom);
    const offset = at < 0 ? bytes.length - 1 : at;
    const byte = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    throw new InputError(file, `not valid UTF-8: byte 0x${byte} at offset ${offset}; convert the file to UTF-8`);
  }
}

function decodeUtf16(bytes: Uint8Array, file: string, encoding: "utf-16le" | "utf-16be"): DecodedText {
  const body = bytes.subarray(2);
  if (body.length === 0) throw new InputError(file, "empty file");
  const label = encoding === "utf-16le" ? "UTF-16LE" : "UTF-16BE";
  if (body.length % 2 !== 0) {
    throw new InputError(file, `not valid ${label}: odd number of bytes; convert the file to UTF-8`);
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    throw new InputError(file, `not valid ${label}: unpaired surrogate; convert the file to UTF-8`);
  }
}
