// One SQLite thread of a store's thread pool (sqlite-threads.ts): a connection of its own that
// runs the statements it is sent, so the thread that answers requests never waits on the disk.
import { parentPort, workerData } from "node:worker_threads";
import { openSqliteDatabase } from "./sqlite-database.js";
import { CachedStatementDatabase } from "./sqlite-statements.js";
import type { FromSqliteThread, SqliteErrorData, SqliteThreadData, ToSqliteThread } from "./sqlite-thread-protocol.js";

const port = parentPort;
if (!port) throw new Error("sqlite-thread runs as a worker thread");
const post = (m: FromSqliteThread) => port.postMessage(m);

function errorData(error: unknown): SqliteErrorData {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === "string" ? { code } : {}) };
}

let db: CachedStatementDatabase;
try {
  const { file, busyTimeoutMs, optimize, bulkWrites } = workerData as SqliteThreadData;
  db = new CachedStatementDatabase(openSqliteDatabase(file, { busyTimeoutMs, optimize, bulkWrites: bulkWrites === true }));
  post({ kind: "ready" });
} catch (error) {
  post({ kind: "failed", error: errorData(error) });
  port.close();
}

port.on("message", (m: ToSqliteThread) => {
  if (m.kind === "close") {
    db.close();
    port.close();
    return;
  }
  try {
    const statement = db.prepare(m.sql);
    if (statement.reader) post({ kind: "rows", id: m.id, rows: statement.all(m.parameters) as unknown[] });
    else {
      const { changes, lastInsertRowid } = statement.run(m.parameters) as { changes: number; lastInsertRowid: number | bigint };
      post({ kind: "changes", id: m.id, changes, lastInsertRowid });
    }
  } catch (error) {
    post({ kind: "error", id: m.id, error: errorData(error) });
  }
});
