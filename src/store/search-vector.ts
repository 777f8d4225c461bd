// A document's full-text vector for PostgreSQL, built here rather than by to_tsvector in the
// server: the same words as the queries (search-terms.ts), in tsvector's binary wire format, which
// the server takes without parsing text. Building it in the server was the largest single cost of
// storing a document: inserting 1,000 generated 5 KB documents (title, text, vector, GIN index)
// took the server 0.83 s with to_tsvector, 0.44 s with the binary vector; the building moves to
// the extraction thread (about 0.18 ms a document).
//
// Binary tsvector (PostgreSQL's tsvectorrecv): int32 number of lexemes, then per lexeme, in byte
// order: its UTF-8 bytes and a NUL, uint16 number of positions, then each position as uint16
// (weight in the top two bits, 3 = A … 0 = D; position 1–16383 below), strictly increasing.
import { foldSearchText } from "./search-fold.js";
import { foldSigma, MAX_LEXEME_BYTES, WORD_CHARACTER } from "./search-terms.js";

/** Characters of a document's text that are indexed (a tsvector is limited to 1 MB). */
export const INDEXED_TEXT_CHARS = 400_000;

/** Highest position (tsvector.h MAXENTRYPOS - 1): later words share it, as with to_tsvector. */
const MAX_POSITION = 16_383;
/** The position bits of an encoded position (below the weight). */
const POSITION_BITS = 0x3fff;
/** Positions kept per lexeme (MAXNUMPOS). */
const MAX_POSITIONS = 256;
/** Bytes of lexemes and positions in one vector, under PostgreSQL's 1 MB (MAXSTRPOS). */
const MAX_TOTAL_BYTES = 1_000_000;

/** Weights: title words rank above text words (ts_rank weighs A 1.0, B 0.4). */
const WEIGHT_TITLE = 3;
const WEIGHT_TEXT = 2;

/** What is kept of one lexeme: its UTF-8 length and its encoded positions. */
interface Entry {
  bytes: number;
  positions: number[];
}

/**
 * The tsvector of a document, in binary: the words of its title (weight A), then of the first
 * 400,000 characters of its text (weight B), each folded (search-fold.ts) and lower-cased, with
 * their positions.
 */
export function searchVector(title: string | null, text: string): Uint8Array {
  const vector = new VectorBuilder();
  if (title) vector.add(title, WEIGHT_TITLE);
  vector.add(text.length > INDEXED_TEXT_CHARS ? text.slice(0, INDEXED_TEXT_CHARS) : text, WEIGHT_TEXT);
  return vector.encode();
}

/**
 * The value to store in `search_vector`: the vector built beforehand (on another thread, say) or
 * built now, as a Buffer, which the PostgreSQL driver sends in binary.
 */
export function searchVectorValue(title: string | null, text: string, built?: Uint8Array): Buffer {
  const vector = built ?? searchVector(title, text);
  return Buffer.isBuffer(vector) ? vector : Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

/** Letters and digits among the ASCII characters. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => (WORD_CHARACTER.test(String.fromCharCode(c)) ? 1 : 0));
/** Code points outside ASCII seen so far, and whether each belongs to words. */
const wide = new Map<number, boolean>();

function isWordCodePoint(cp: number): boolean {
  if (cp < 128) return ASCII_WORD[cp] === 1;
  let found = wide.get(cp);
  if (found === undefined) {
    found = WORD_CHARACTER.test(String.fromCodePoint(cp));
    if (wide.size < 65_536) wide.set(cp, found);
  }
  return found;
}

/**
 * Collects lexemes and positions. The text is lower-cased as a whole and then cut into the words
 * `searchTerms` finds (a hand-written scan: the Unicode regular expression took a quarter of the
 * time), which gives the lexemes `lexemeOf` gives word by word.
 */
class VectorBuilder {
  private readonly entries = new Map<string, Entry>();
  private position = 0;
  private total = 0;
  /** Whether a lexeme has a character from U+D800 up, where UTF-16 order and UTF-8 order can differ. */
  private high = false;

  add(raw: string, weight: number): void {
    const text = foldSigma(foldSearchText(raw.normalize("NFC")).toLowerCase());
    const n = text.length;
    let i = 0;
    while (i < n) {
      // Skip to the next word character, then to the end of the word.
      let cp = text.codePointAt(i) as number;
      if (!isWordCodePoint(cp)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
      const start = i;
      let high = false;
      do {
        if (cp >= 0xd800) high = true;
        i += cp > 0xffff ? 2 : 1;
        if (i >= n) break;
        cp = text.codePointAt(i) as number;
      } while (isWordCodePoint(cp));
      this.word(text.slice(start, i), weight, high);
    }
  }

  private word(lexeme: string, weight: number, high: boolean): void {
    if (this.position < MAX_POSITION) this.position++;
    const entry = this.entries.get(lexeme);
    if (entry === undefined) {
      // A new lexeme costs its bytes, a NUL, a count and its first position (with room to align).
      const bytes = high ? Buffer.byteLength(lexeme) : utf8Length(lexeme);
      if (bytes > MAX_LEXEME_BYTES || this.total + bytes + 6 > MAX_TOTAL_BYTES) return;
      this.total += bytes + 6;
      this.high ||= high;
      this.entries.set(lexeme, { bytes, positions: [(weight << 14) | this.position] });
      return;
    }
    const list = entry.positions;
    if (list.length >= MAX_POSITIONS || this.total + 2 > MAX_TOTAL_BYTES || ((list[list.length - 1] as number) & POSITION_BITS) >= this.position) return;
    this.total += 2;
    list.push((weight << 14) | this.position);
  }

  /** The binary tsvector, lexemes in the byte order PostgreSQL keeps them in. */
  encode(): Uint8Array {
    const lexemes = [...this.entries.keys()];
    // JavaScript compares strings by UTF-16 units, which orders them as their UTF-8 bytes unless
    // surrogates (characters beyond U+FFFF) meet units from U+E000 up.
    if (this.high) lexemes.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    else lexemes.sort();
    let size = 4;
    for (const e of this.entries.values()) size += e.bytes + 3 + 2 * e.positions.length;
    // Its own memory (not Node's shared pool), so that it can be handed to another thread.
    const out = Buffer.alloc(size);
    out.writeInt32BE(lexemes.length, 0);
    let at = 4;
    for (const lexeme of lexemes) {
      const { bytes, positions } = this.entries.get(lexeme) as Entry;
      if (bytes === lexeme.length) {
        // ASCII: byte by byte, quicker than a call into Buffer.write for a short word.
        for (let k = 0; k < bytes; k++) out[at + k] = lexeme.charCodeAt(k);
        at += bytes;
      } else {
        at += out.write(lexeme, at, bytes, "utf8");
      }
      out[at++] = 0;
      out[at++] = positions.length >> 8;
      out[at++] = positions.length & 0xff;
      for (const p of positions) {
        out[at++] = p >> 8;
        out[at++] = p & 0xff;
      }
    }
    return out;
  }
}

/** UTF-8 length of a string without surrogates. */
function utf8Length(s: string): number {
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) bytes += c >= 0x800 ? 2 : 1;
  }
  return bytes;
}
