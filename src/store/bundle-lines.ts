// The bundle's lines on the wire: gzip-compressed JSON Lines, hashed line by line so the end line
// can vouch for everything before it.
import { createHash } from "node:crypto";
import type { Hash } from "node:crypto";
import { PassThrough, Transform, pipeline } from "node:stream";
import type { Readable, TransformCallback } from "node:stream";
import { createGunzip } from "node:zlib";
import { BundleError } from "./bundle-format.js";

/** Counts the bytes passing through. */
export class ByteCounter extends Transform {
  bytes = 0;
  /** The first two bytes seen (gzip data start with 1f 8b). */
  readonly head: number[] = [];
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let i = 0; i < chunk.length && this.head.length < 2; i++) this.head.push(chunk[i] as number);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  /** Whether the input starts as gzip data does. */
  get gzipMagic(): boolean {
    return this.head[0] === 0x1f && this.head[1] === 0x8b;
  }
}

/** SHA-256 over lines as written: each line's UTF-8 bytes and its newline. */
export class LineHash {
  private readonly hash: Hash = createHash("sha256");
  add(line: string | Uint8Array): void {
    this.hash.update(line);
    this.hash.update("\n");
  }
  hex(): string {
    return this.hash.copy().digest("hex");
  }
}

const NEWLINE = 0x0a;

/**
 * Reads a gzip-compressed JSON Lines stream line by line. While the caller handles a line,
 * `digestBefore()` is the SHA-256 of every line before it, and `bytes` the compressed bytes read.
 */
export class BundleReader {
  private readonly counter = new ByteCounter();
  private readonly hash = new LineHash();
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  /** Number of the line being handled (1 = header). */
  lineNumber = 0;

  constructor(private readonly input: Readable) {}

  get bytes(): number {
    return this.counter.bytes;
  }

  digestBefore(): string {
    return this.hash.hex();
  }

  /** The lines as text; throws BundleError when the gzip data are cut short or damaged. */
  async *lines(): AsyncGenerator<string> {
    const gunzip = createGunzip();
    const out = new PassThrough();
    pipeline(this.input, this.counter, gunzip, out, () => {});
    let pending: Buffer[] = [];
    let previous: Buffer | null = null;
    const emit = (line: Buffer): string => {
      if (previous) this.hash.add(previous);
      previous = line;
      this.lineNumber++;
      try {
        return this.decoder.decode(line);
      } catch {
        throw new BundleError(`bundle is corrupt: line ${this.lineNumber} is not UTF-8`);
      }
    };
    try {
      for await (const chunk of out as AsyncIterable<Buffer>) {
        let start = 0;
        for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, start)) {
          pending.push(chunk.subarray(start, i));
          const line = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending);
          pending = [];
          start = i + 1;
          yield emit(line);
        }
        if (start < chunk.length) pending.push(chunk.subarray(start));
      }
    } catch (error) {
      throw this.gzipError(error);
    }
    if (pending.length > 0) yield emit(Buffer.concat(pending));
  }

  private gzipError(error: unknown): Error {
    if (error instanceof BundleError) return error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === "Z_BUF_ERROR") return new BundleError("bundle is truncated");
    if (e.code === "Z_DATA_ERROR") {
      // Damage inside the compressed data can fail before anything was decompressed: only input
      // that does not start as gzip does is "not gzip data".
      return new BundleError(!this.counter.gzipMagic ? "not a Tally bundle (not gzip data)" : `bundle is corrupt (${e.message})`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
