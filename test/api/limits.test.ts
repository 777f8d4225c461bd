// What a request may cost (issue 22, item 2): a body limit on every route, refused with 413
// before the body is read; a separate, larger limit for uploads; rate limits on the token routes
// and on guessed API tokens; and a lockout that answers the same whether an account exists.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/api/limits.js";
import { startServer, type RunningServer } from "../../src/api/server.js";
import { AuthService } from "../../src/services/auth.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
let server: RunningServer;

beforeAll(async () => {
  L = await makeLedger();
  server = await startServer({ store: L.store, config: L.config, host: "127.0.0.1", port: 0, webRoot: null, maxUploadBytes: 4 * 1024 * 1024, log: () => {} });
});
afterAll(async () => {
  await server?.close();
  await L?.close();
});

interface Sent {
  status: number;
  body: string;
  /** Bytes of the body handed to the socket before the answer came. */
  written: number;
}

/**
 * POSTs to the running server: `declared` bytes announced in Content-Length (or chunked when
 * null), the body written in 64 KB chunks up to `total` bytes while the server lets it in, and
 * stops as soon as an answer arrives.
 */
function post(path: string, declared: number | null, total: number, contentType = "application/json"): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": contentType };
    if (declared !== null) headers["content-length"] = declared;
    const req = request(`${server.url}${path.replace(/^\//, "")}`, { method: "POST", headers });
    let written = 0;
    let answered = false;
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && written < total) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body, written });
        req.destroy();
      });
    });
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    req.flushHeaders();
    pump();
  });
}

describe("request body limits", () => {
  it("refuses a declared 300 MB login body with 413 before reading it", async () => {
    const r = await post("/api/v1/auth/login", 300 * 1024 * 1024, 128 * 1024);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.code).toBe("payload_too_large");
    expect(r.written).toBeLessThanOrEqual(128 * 1024);
  });

  it("stops reading a streamed (chunked) body as soon as it passes the limit, never holding it whole", async () => {
    const before = process.memoryUsage().arrayBuffers;
    const total = 96 * 1024 * 1024;
    const r = await post("/api/v1/auth/login", null, total);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).error.message).toMatch(new RegExp(`${DEFAULT_MAX_BODY_BYTES} byte limit`));
    // What was sent before the refusal is the limit plus what the sockets' buffers took in.
    expect(r.written).toBeLessThan(total / 3);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
  });

  it("applies the limit to every route, also those that need no body", async () => {
    for (const path of ["/api/v1/review/claims/1", "/api/v1/tokens", "/api/v1/ingest/url", "/api/v1/nowhere", "/"]) {
      const r = await post(path, DEFAULT_MAX_BODY_BYTES + 1, 0);
      expect(r.status, path).toBe(413);
    }
  });

  it("lets an upload over the JSON limit through to its own, larger limit", async () => {
    const within = await post("/api/v1/ingest", 2 * 1024 * 1024, 2 * 1024 * 1024, "multipart/form-data; boundary=x");
    expect(within.status).not.toBe(413);
    const over = await post("/api/v1/ingest", 5 * 1024 * 1024, 0, "multipart/form-data; boundary=x");
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body).error.message).toMatch(/upload is over the 4194304 byte limit/);
  });

  it("still reads a small JSON body sent in chunks", async () => {
    const r = await L.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: new Blob([JSON.stringify({ name: "nobody", password: "a-wrong-password" })]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(r.status).toBe(401);
  });
});

describe("rate limits on credentials", () => {
  it("limits token requests per address", async () => {
    const app = createApp({ store: L.store, config: L.config, log: () => {}, credentialLimits: { tokenRequestsPerWindow: 2 } });
    const create = () => app.request("/api/v1/tokens", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "x" }) });
    // Single-user mode: the local operator has no account, so the route refuses (400) but counts.
    expect((await create()).status).toBe(400);
    expect((await create()).status).toBe(400);
    const third = await create();
    expect(third.status).toBe(429);
    expect(third.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("refuses every API token from an address that guessed wrong too often, even a right one", async () => {
    const auth = new AuthService(L.store);
    const { user } = await auth.addUser("tok", "analyst", "secret-long-password-1", "setup");
    const { token } = await auth.createToken(user.id, "script", "setup");
    const app = createApp({ store: L.store, config: L.config, log: () => {}, credentialLimits: { badTokensPerWindow: 3 } });
    const ask = (t: string) => app.request("/api/v1/documents", { headers: { authorization: `Bearer ${t}` } });
    expect((await ask(token)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await ask(`tly_guess${i}`)).status).toBe(401);
    expect((await ask("tly_guess4")).status).toBe(429);
    expect((await ask(token)).status).toBe(429);
  });
});

describe("lockout", () => {
  it("answers a locked name the same whether or not an account has it", async () => {
    const app = createApp({ store: L.store, config: L.config, log: () => {}, loopback: false, authOptions: { maxFailures: 2, attemptsPerWindow: 1000 } });
    await new AuthService(L.store).addUser("lou", "viewer", "secret-long-password-2", "setup");
    const attempt = (name: string) => app.request("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, password: "not-the-password" }) });
    const answers: Record<string, { status: number; message: string; retry: string | null }[]> = {};
    for (const name of ["lou", "no-such-person"]) {
      answers[name] = [];
      for (let i = 0; i < 4; i++) {
        const r = await attempt(name);
        answers[name].push({ status: r.status, message: ((await r.json()) as { error: { message: string } }).error.message, retry: r.headers.get("retry-after") === null ? null : "set" });
      }
    }
    expect(answers["lou"]?.map((a) => a.status)).toEqual([401, 401, 429, 429]);
    expect(answers["no-such-person"]).toEqual(answers["lou"]);
  });
});
