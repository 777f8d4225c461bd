// Magic numbers of binary formats people mistake for text documents.

/** One binary signature: the bytes a file starts with (after `offset`) and the type's name. */
export interface MagicNumber {
  name: string;
  bytes: readonly number[];
  offset?: number;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/** Known binary formats, checked in order against the start of a file. */
export const MAGIC_NUMBERS: readonly MagicNumber[] = [
  { name: "PDF", bytes: ascii("%PDF-") },
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: ascii("GIF87a") },
  { name: "GIF image", bytes: ascii("GIF89a") },
  { name: "WebP image", bytes: ascii("WEBP"), offset: 8 },
  { name: "ZIP archive, e.g. .docx or .xlsx", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "ZIP archive, e.g. .docx or .xlsx", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "legacy Office document, e.g. .doc", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "bzip2", bytes: ascii("BZh") },
  { name: "xz", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: "7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: "RAR archive", bytes: ascii("Rar!") },
  { name: "ELF executable", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "SQLite database", bytes: ascii("SQLite format 3") },
];

/** Name of the binary format `bytes` starts with, or null when none is recognised. */
export function detectMagic(bytes: Uint8Array): string | null {
  for (const magic of MAGIC_NUMBERS) {
    const start = magic.offset ?? 0;
    if (bytes.length < start + magic.bytes.length) continue;
    if (magic.bytes.every((b, i) => bytes[start + i] === b)) return magic.name;
  }
  return null;
}
