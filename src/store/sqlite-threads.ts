// A Kysely dialect for the embedded store that runs every statement on a small pool of threads,
// each with its own SQLite connection to the same file (WAL: readers never wait for the writer).
// better-sqlite3 is synchronous: in the thread that answers HTTP requests, one write that reads
// cold index pages from disk would hold every other request for seconds. `tally serve` opens its
// store this way; the CLI, which answers no one else, keeps its connection in its own thread.
import type { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from "kysely";
import { spawnThread } from "../spawn-thread.js";
import type { FromSqliteThread, SqliteErrorData, SqliteThreadData, ToSqliteThread } from "./sqlite-thread-protocol.js";

/** Each thread's settings (`optimize`: gather planner statistics when the first one opens), and how many threads (at least 1). */
export type SqliteThreadsConfig = SqliteThreadData & { threads: number };

/** An error raised in a SQLite thread, with SQLite's code when it had one. */
export class SqliteThreadError extends Error {
  readonly code: string | undefined;

  constructor(data: SqliteErrorData) {
    super(data.message);
    this.name = data.name === "Error" ? "SqliteThreadError" : data.name;
    this.code = data.code;
  }
}

/** Rows come back as structured clones, where a Buffer arrives as a plain Uint8Array. */
function withBuffers(rows: unknown[]): unknown[] {
  for (const row of rows) {
    if (row === null || typeof row !== "object") continue;
    const r = row as Record<string, unknown>;
    for (const key in r) {
      const v = r[key];
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) r[key] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows;
}

/** A FIFO lock: write transactions of this process queue here, not in SQLite's busy handler. */
class Lock {
  private held = false;
  private readonly waiting: Array<() => void> = [];

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

const BEGIN_WRITE = /^\s*begin\s+immediate\b/i;
const END = /^\s*(commit|rollback|end)\b/i;

/** One pooled connection: a thread holding a SQLite connection. */
class ThreadConnection implements DatabaseConnection {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<number, { resolve: (r: QueryResult<unknown>) => void; reject: (e: Error) => void }>();
  private next = 0;
  /** This connection holds the pool's write lock (between BEGIN IMMEDIATE and COMMIT/ROLLBACK). */
  holdsWriteLock = false;

  constructor(
    private readonly data: SqliteThreadData,
    private readonly writeLock: Lock,
  ) {}

  /** Starts the thread (again, after it stopped) and waits until its connection is open. */
  private start(): Promise<void> {
    if (this.ready) return this.ready;
    // Referenced while it starts and while statements are pending (the caller is waiting for it),
    // so that an idle pool never keeps the process alive on its own.
    const worker = spawnThread(import.meta.url, "sqlite-thread", this.data);
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      const gone = (error: Error) => {
        if (this.worker === worker) {
          this.worker = null;
          this.ready = null;
        }
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      };
      worker.on("message", (m: FromSqliteThread) => {
        if (m.kind === "ready") {
          if (this.pending.size === 0) worker.unref();
          return resolve();
        }
        if (m.kind === "failed") return gone(new SqliteThreadError(m.error));
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (this.pending.size === 0) worker.unref();
        if (m.kind === "rows") p.resolve({ rows: withBuffers(m.rows) });
        else if (m.kind === "changes") p.resolve({ rows: [], numAffectedRows: BigInt(m.changes), insertId: BigInt(m.lastInsertRowid) });
        else p.reject(new SqliteThreadError(m.error));
      });
      worker.on("error", gone);
      worker.on("exit", (code) => gone(new Error(`the SQLite thread stopped (exit code ${code})`)));
    });
    this.ready.catch(() => undefined);
    return this.ready;
  }

  private async run(sql: string, parameters: readonly unknown[]): Promise<QueryResult<unknown>> {
    await this.start();
    const worker = this.worker as Worker;
    return new Promise((resolve, reject) => {
      const id = ++this.next;
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ kind: "run", id, sql, parameters } satisfies ToSqliteThread);
    });
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { sql } = query;
    if (BEGIN_WRITE.test(sql) && !this.holdsWriteLock) {
      await this.writeLock.acquire();
      this.holdsWriteLock = true;
    }
    try {
      const result = await this.run(sql, query.parameters);
      if (this.holdsWriteLock && END.test(sql)) this.releaseWriteLock();
      return result as QueryResult<R>;
    } catch (error) {
      // A BEGIN that failed never started a transaction; a failed COMMIT or ROLLBACK has ended it.
      if (this.holdsWriteLock && (BEGIN_WRITE.test(sql) || END.test(sql))) this.releaseWriteLock();
      throw error;
    }
  }

  // eslint-disable-next-line require-yield -- no caller streams from the embedded store; refused plainly
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming queries are not supported by the threaded SQLite store");
  }

  releaseWriteLock(): void {
    this.holdsWriteLock = false;
    this.writeLock.release();
  }

  /** Closes the connection and ends the thread. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.ready?.catch(() => undefined);
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // Waited for: the thread closes its connection (checkpointing the log) before the process ends.
    worker.ref();
    worker.postMessage({ kind: "close" } satisfies ToSqliteThread);
    await exited;
  }
}

/** Hands out the pool's connections; callers beyond the pool's size wait in turn. */
class ThreadPoolDriver implements Driver {
  private readonly connections: ThreadConnection[];
  private readonly idle: ThreadConnection[];
  private readonly waiting: Array<(c: ThreadConnection) => void> = [];

  constructor(config: SqliteThreadsConfig) {
    const writeLock = new Lock();
    const { threads, ...data } = config;
    this.connections = Array.from({ length: Math.max(1, Math.floor(threads)) }, (_, i) => new ThreadConnection({ ...data, optimize: data.optimize && i === 0 }, writeLock));
    this.idle = [...this.connections];
  }

  async init(): Promise<void> {
    // Opens the first connection now, so a file that cannot be opened fails the store's opening.
    await (this.connections[0] as ThreadConnection).executeQuery(CompiledQuery.raw("select 1"));
  }

  acquireConnection(): Promise<DatabaseConnection> {
    const c = this.idle.pop();
    if (c) return Promise.resolve(c);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin"));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    const c = connection as ThreadConnection;
    // A transaction left open by a failed rollback must not hold every other writer.
    if (c.holdsWriteLock) c.releaseWriteLock();
    const next = this.waiting.shift();
    if (next) next(c);
    else this.idle.push(c);
    return Promise.resolve();
  }

  async destroy(): Promise<void> {
    await Promise.all(this.connections.map((c) => c.close()));
  }
}

/** Kysely's SQLite dialect with its statements run on a pool of threads. */
export class SqliteThreadsDialect implements Dialect {
  constructor(private readonly config: SqliteThreadsConfig) {}

  createDriver(): Driver {
    return new ThreadPoolDriver(this.config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
