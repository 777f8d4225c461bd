// Hand-written documents and claims for the store tests (invented text, no real reports).
import { createHash } from "node:crypto";
import type { NewClaim, NewDocument } from "../../src/store/store.js";

/** A document whose bytes are `text` in UTF-8 unless `bytes` is given. */
export function makeDoc(text: string, over: Partial<NewDocument> = {}): NewDocument {
  const bytes = over.bytes ?? new TextEncoder().encode(text);
  return {
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes,
    mediaType: "text/plain",
    name: "doc.txt",
    url: null,
    path: null,
    publisher: null,
    published: null,
    capturedAt: "2024-01-01T00:00:00.000Z",
    collector: "file",
    language: "en",
    title: null,
    text,
    textMap: null,
    headers: null,
    ...over,
  };
}

/** A claim quoting `quote` at the start of the text, with overridable fields. */
export function makeClaim(over: Partial<NewClaim> = {}): NewClaim {
  return {
    event: "execution",
    count: 10,
    qualifier: "exact",
    period: null,
    place: null,
    victims: [],
    source: null,
    quote: "A sentence with a figure.",
    span: [0, 25],
    ...over,
  };
}

/** Bytes that are not valid UTF-8 (lone continuation, overlong form, truncated sequence, NUL). */
export const INVALID_UTF8 = new Uint8Array([0x48, 0x69, 0x80, 0xc0, 0xaf, 0x00, 0xff, 0xfe, 0xe2, 0x82, 0x0a]);

/**
 * 80,000 distinct two-character words of 4-byte ideographs (400,000 UTF-16 units, all indexed):
 * their lexemes and positions come to over 1 MB.
 */
export function crowdedText(): string {
  const ideograph = (i: number) => String.fromCodePoint(0x20000 + i);
  return Array.from({ length: 80_000 }, (_, i) => ideograph(i % 40_000) + ideograph(Math.floor(i / 40_000))).join(" ");
}
