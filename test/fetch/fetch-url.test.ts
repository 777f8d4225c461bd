import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fetchUrl, formatBytes, parseContentType } from "../../src/ingest/fetch-url.js";
import { InputError } from "../../src/ingest/errors.js";
import { closedPort, startServer } from "./local-server.js";
import type { LocalServer } from "./local-server.js";

/** Awaits a promise that must reject with an InputError and returns the error. */
async function inputError(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  }
  throw new Error("expected the fetch to fail");
}

const LATIN1_BODY = Buffer.from("<p>Caf\u00e9 report, 12 pages</p>", "latin1");
let seenUserAgent = "";
let streamClosed = false;

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  const redirect = (status: number, location: string): void => {
    res.writeHead(status, { location });
    res.end("moved");
  };
  if (path === "/ok") {
    seenUserAgent = req.headers["user-agent"] ?? "";
    res.writeHead(200, { "content-type": "Text/HTML; Charset=\"ISO-8859-1\"", "x-archive-id": "abc-123" });
    res.end(LATIN1_BODY);
  } else if (path === "/missing") {
    res.writeHead(404, "Not Found", { "content-type": "text/plain" });
    res.end("nothing here");
  } else if (path === "/r1") {
    redirect(302, "r2");
  } else if (path === "/r2") {
    redirect(301, "/sub/r3");
  } else if (path === "/sub/r3") {
    redirect(307, `http://${req.headers.host}/ok?from=r3`);
  } else if (path === "/loop-a") {
    redirect(302, "/loop-b");
  } else if (path === "/loop-b") {
    redirect(302, "/loop-a");
  } else if (path.startsWith("/hops/")) {
    const n = Number(path.slice("/hops/".length));
    if (n > 0) redirect(302, `/hops/${n - 1}`);
    else {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("arrived");
    }
  } else if (path === "/to-file") {
    redirect(302, "file:///etc/hostname");
  } else if (path === "/big-declared") {
    res.writeHead(200, { "content-type": "text/plain", "content-length": "5000" });
    res.end("x".repeat(5000));
  } else if (path === "/exact") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.end("y".repeat(1024));
  } else if (path === "/endless") {
    // Chunked, no content-length, never ends on its own.
    res.writeHead(200, { "content-type": "text/plain" });
    const timer = setInterval(() => res.write("z".repeat(512)), 2);
    res.on("close", () => {
      clearInterval(timer);
      streamClosed = true;
    });
  } else if (path === "/silent") {
    // Never answers.
  } else if (path === "/stall-body") {
    res.writeHead(200, { "content-type": "text/plain" });
    res.write("a first part, then nothing more");
  } else {
    res.writeHead(500);
    res.end();
  }
}

describe("fetchUrl against a local server", () => {
  let server: LocalServer;
  beforeAll(async () => {
    server = await startServer(route);
  });
  afterAll(async () => {
    await server.close();
  });

  it("returns bytes, headers, media type and charset of a 200", async () => {
    const before = Date.now();
    const r = await fetchUrl(server.url("/ok"), { userAgent: "TallyTest/1" });
    expect(r.status).toBe(200);
    expect(r.requestedUrl).toBe(server.url("/ok"));
    expect(r.finalUrl).toBe(server.url("/ok"));
    expect(r.redirects).toEqual([]);
    expect(Buffer.compare(r.bytes, LATIN1_BODY)).toBe(0);
    expect(r.mediaType).toBe("text/html");
    expect(r.charset).toBe("iso-8859-1");
    expect(r.headers["x-archive-id"]).toBe("abc-123");
    expect(r.headers["content-type"]).toBe('Text/HTML; Charset="ISO-8859-1"');
    expect(Date.parse(r.fetchedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(seenUserAgent).toBe("TallyTest/1");
  });

  it("reports a 404 with its status text", async () => {
    const err = await inputError(fetchUrl(server.url("/missing")));
    expect(err.file).toBe(server.url("/missing"));
    expect(err.reason).toBe("HTTP 404 Not Found");
  });

  it("follows a chain of relative and absolute redirects", async () => {
    const r = await fetchUrl(server.url("/r1"));
    expect(r.finalUrl).toBe(server.url("/ok?from=r3"));
    expect(r.redirects).toEqual([server.url("/r1"), server.url("/r2"), server.url("/sub/r3")]);
    expect(r.requestedUrl).toBe(server.url("/r1"));
    expect(Buffer.compare(r.bytes, LATIN1_BODY)).toBe(0);
  });

  it("detects a redirect loop and names its steps", async () => {
    const err = await inputError(fetchUrl(server.url("/loop-a")));
    expect(err.reason).toBe(`redirect loop: ${server.url("/loop-a")} → ${server.url("/loop-b")} → ${server.url("/loop-a")}`);
  });

  it("allows exactly maxRedirects redirects and refuses one more", async () => {
    const ok = await fetchUrl(server.url("/hops/3"), { maxRedirects: 3 });
    expect(ok.finalUrl).toBe(server.url("/hops/0"));
    expect(ok.redirects).toHaveLength(3);
    const err = await inputError(fetchUrl(server.url("/hops/4"), { maxRedirects: 3 }));
    expect(err.reason).toBe("too many redirects (more than 3)");
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const err = await inputError(fetchUrl(server.url("/to-file")));
    expect(err.reason).toBe('unsupported URL scheme "file:" (only http and https)');
  });

  it("refuses a body whose content-length is over the limit", async () => {
    const err = await inputError(fetchUrl(server.url("/big-declared"), { maxBytes: 1024 }));
    expect(err.reason).toBe("response is over the 1 KB limit");
  });

  it("accepts a body of exactly maxBytes", async () => {
    const r = await fetchUrl(server.url("/exact"), { maxBytes: 1024 });
    expect(r.bytes.length).toBe(1024);
  });

  it("aborts an endless body without content-length once it passes the limit", async () => {
    const started = Date.now();
    const err = await inputError(fetchUrl(server.url("/endless"), { maxBytes: 4096, timeoutMs: 5000 }));
    expect(err.reason).toBe("response is over the 4 KB limit");
    expect(Date.now() - started).toBeLessThan(3000);
    await expect.poll(() => streamClosed, { timeout: 2000 }).toBe(true);
  });

  it("times out on a server that never answers", async () => {
    const started = Date.now();
    const err = await inputError(fetchUrl(server.url("/silent"), { timeoutMs: 200 }));
    expect(err.reason).toBe("timed out after 0.2 s");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("times out on a body that stalls half way", async () => {
    const err = await inputError(fetchUrl(server.url("/stall-body"), { timeoutMs: 250 }));
    expect(err.reason).toBe("timed out after 0.25 s");
  });
});

describe("fetchUrl without a server", () => {
  it("reports a refused connection with the system code", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/report.html`;
    const err = await inputError(fetchUrl(url, { timeoutMs: 5000 }));
    expect(err.file).toBe(url);
    expect(err.reason).toBe("connection refused (ECONNREFUSED)");
  });

  it("refuses schemes other than http and https", async () => {
    expect((await inputError(fetchUrl("ftp://127.0.0.1/list.txt"))).reason).toBe(
      'unsupported URL scheme "ftp:" (only http and https)',
    );
    expect((await inputError(fetchUrl("file:///etc/hostname"))).reason).toMatch(/unsupported URL scheme "file:"/);
    expect((await inputError(fetchUrl("not a url"))).reason).toBe("not a valid URL: not a url");
  });
});

describe("fetch helpers", () => {
  it("formats limits the way error messages show them", () => {
    expect(formatBytes(20 * 1024 * 1024)).toBe("20 MB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(10)).toBe("10 bytes");
  });

  it("splits content-type into media type and charset", () => {
    expect(parseContentType("application/rss+xml; charset=UTF-8")).toEqual({ mediaType: "application/rss+xml", charset: "utf-8" });
    expect(parseContentType("text/plain")).toEqual({ mediaType: "text/plain", charset: null });
    expect(parseContentType(null)).toEqual({ mediaType: "", charset: null });
  });
});
