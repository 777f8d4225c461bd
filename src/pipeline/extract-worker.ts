// Worker-thread side of the extraction pool: extracts claims, detects the language and computes
// the SimHash (and, when asked, the full-text vector) of one document per message, exactly as the main thread would (same function).
import { parentPort } from "node:worker_threads";
import { runInline, type ExtractRequest, type ExtractResponse } from "./extract-pool.js";

const port = parentPort;
if (!port) throw new Error("extract-worker.js runs as a worker thread of the extraction pool");

port.on("message", (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    res = { id: req.id, ...runInline(req) };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  // A search vector that owns its memory moves to the main thread instead of being copied.
  const vector = "searchVector" in res ? res.searchVector : undefined;
  const owned = vector && vector.byteOffset === 0 && vector.buffer.byteLength === vector.byteLength && vector.buffer instanceof ArrayBuffer;
  port.postMessage(res, owned ? [vector.buffer] : []);
});
