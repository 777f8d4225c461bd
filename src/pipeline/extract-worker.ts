// Worker-thread side of the extraction pool: extracts claims, detects the language and computes
// the SimHash of one document per message, exactly as the main thread would (same function).
import { parentPort } from "node:worker_threads";
import { extractInline, type ExtractRequest, type ExtractResponse } from "./extract-pool.js";

const port = parentPort;
if (!port) throw new Error("extract-worker.js runs as a worker thread of the extraction pool");

port.on("message", (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    res = { id: req.id, ...extractInline(req.text, req.name, req.published, req.publisher) };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(res);
});
