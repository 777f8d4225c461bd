// Worker-thread side of the extraction pool: extracts claims and detects the language of one
// document per message, exactly as the main thread would (same functions, same arguments).
import { parentPort } from "node:worker_threads";
import { detectLanguage } from "../ingest/language.js";
import { claimsFor, type ExtractRequest, type ExtractResponse } from "./extract-pool.js";

const port = parentPort;
if (!port) throw new Error("extract-worker.js runs as a worker thread of the extraction pool");

port.on("message", (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    res = { id: req.id, claims: claimsFor(req.text, req.name, req.published, req.publisher), language: detectLanguage(req.text) };
  } catch (err) {
    res = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(res);
});
