// Downloads written a batch of rows at a time (issue 24: "streaming for large results"): the
// response starts with the header line and each batch is encoded only when the client reads on, so
// a large export never stands in memory as one string. The bytes are those of the whole table
// written at once: each line (the last too) ends with CRLF; the JSON is `JSON.stringify` of the list.
import { csvLine } from "../shared/csv.js";

/** Rows (or items) a batch at a time, from a store read in pages or from a list already held. */
export type Batches<T> = AsyncIterable<readonly T[]> | Iterable<readonly T[]>;

/** Rows already held, cut into batches of `size`. */
export function* batchesOf<T>(rows: readonly T[], size = 1000): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** A byte stream of the texts `pieces` yields, one read at a time; cancelling it ends the source. */
function streamOf(pieces: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await pieces.return?.();
    },
  });
}

/** CSV: the header line, then each batch's lines. */
export function csvStream(columns: readonly string[], batches: Batches<readonly unknown[]>): ReadableStream<Uint8Array> {
  async function* lines(): AsyncGenerator<string> {
    yield `${csvLine(columns)}\r\n`;
    for await (const batch of batches) if (batch.length > 0) yield batch.map((r) => `${csvLine(r)}\r\n`).join("");
  }
  return streamOf(lines());
}

/**
 * JSON `{"<key>":[…]}` (then `rest`'s fields), the list's items written a batch at a time. A field
 * of `rest` given as a function is asked once the list is written (what only the reading tells).
 */
export function jsonListStream<T>(key: string, batches: Batches<T>, rest: Record<string, unknown> = {}): ReadableStream<Uint8Array> {
  async function* pieces(): AsyncGenerator<string> {
    yield `{${JSON.stringify(key)}:[`;
    let first = true;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      yield `${first ? "" : ","}${batch.map((item) => JSON.stringify(item)).join(",")}`;
      first = false;
    }
    const fields = await Promise.all(Object.entries(rest).map(async ([k, v]): Promise<[string, unknown]> => [k, typeof v === "function" ? await (v as () => unknown)() : v]));
    const tail = fields.filter(([, v]) => v !== undefined);
    yield `]${tail.map(([k, v]) => `,${JSON.stringify(k)}:${JSON.stringify(v)}`).join("")}}`;
  }
  return streamOf(pieces());
}

/** The headers of a download named `tally-<name>.<ext>`. */
export function downloadHeaders(name: string, ext: "csv" | "json"): Record<string, string> {
  return {
    "Content-Type": ext === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    "Content-Disposition": `attachment; filename="tally-${name.replace(/[^\w.-]/g, "_")}.${ext}"`,
    "Cache-Control": "no-store",
  };
}
