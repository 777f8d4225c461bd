// The ingest pipeline over http(s) URLs and RSS/Atom feeds, against local servers on 127.0.0.1
// started by the test (never the internet).
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../src/config.js";
import { ingest, type IngestEvent } from "../../src/pipeline/ingest.js";
import { openStore, type Store } from "../../src/store/index.js";
import { closedPort, startServer, type LocalServer } from "../fetch/local-server.js";
import { APPEAL, HTML_PAGE, WIRE_REPORT } from "./articles.js";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** An article page without any date of its own: the feed item's date must be used. */
const UNDATED_PAGE = `<!doctype html><html><head><title>Hunger strike in the eastern jail</title></head><body>
<article><h1>Hunger strike in the eastern jail</h1>
<p>At least 23 prisoners were executed in the eastern jail last year, the Granite Defence Network said on Friday.</p>
<p>Relatives said 7 prisoners had been on hunger strike for two weeks.</p></article></body></html>`;

/** A page reached through a redirect. */
const MOVED_PAGE = `<!doctype html><html><head><title>Moved</title></head><body><article>
<p>Police arrested 35 students at the western campus on Monday, the Cedar Student Union said.</p></article></body></html>`;

/** A report published late in the evening, west of Greenwich. */
const LATE_REPORT = "Guards killed 3 inmates during a riot yesterday, the Birch Prison Project said.";
const LATE_PAGE = `<html><head><meta property="article:published_time" content="2023-08-02T21:30:00-05:00"></head><body><article><p>${LATE_REPORT} More details to follow.</p></article></body></html>`;

const MAX_BYTES = 4096;

let server: LocalServer;
const requests: string[] = [];

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = req.url ?? "/";
  requests.push(path);
  const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": type, ...headers });
    res.end(body);
  };
  switch (path) {
    case "/news/raids.html":
      return send(200, "text/html; charset=utf-8", HTML_PAGE, { "x-served-by": "tally-test", etag: '"raids-v1"' });
    case "/articles/hunger-strike":
      return send(200, "text/html; charset=utf-8", UNDATED_PAGE);
    case "/articles/wire.txt":
      return send(200, "text/plain; charset=utf-8", WIRE_REPORT);
    case "/articles/appeal.txt":
      return send(200, "text/plain", APPEAL);
    case "/old-address":
      res.writeHead(301, { location: "/new-address" });
      return void res.end();
    case "/new-address":
      return send(200, "text/html", MOVED_PAGE);
    case "/feed.xml":
      return send(
        200,
        "application/rss+xml; charset=utf-8",
        `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test monitor feed</title><link>${server.origin}/</link>
<item><title>Hunger strike</title><link>${server.url("/articles/hunger-strike")}</link><pubDate>Tue, 14 Mar 2023 09:30:00 GMT</pubDate></item>
<item><title>Wire</title><link>/articles/wire.txt</link><pubDate>Wed, 02 Aug 2023 17:00:00 +0000</pubDate></item>
<item><title>Gone</title><link>${server.url("/articles/gone")}</link><pubDate>Thu, 03 Aug 2023 10:00:00 GMT</pubDate></item>
</channel></rss>`,
      );
    case "/atom.xml":
      return send(
        200,
        "application/atom+xml",
        `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom test</title>
<entry><title>Appeal</title><link rel="alternate" href="${server.url("/articles/appeal.txt")}"/><updated>2024-01-09T12:00:00Z</updated></entry></feed>`,
      );
    case "/evening-feed.xml":
      return send(
        200,
        "application/rss+xml",
        `<rss version="2.0"><channel><title>Evening</title>
<item><title>Late report</title><link>${server.url("/articles/late-report.txt")}</link><pubDate>Wed, 02 Aug 2023 21:30:00 -0500</pubDate></item>
</channel></rss>`,
      );
    case "/articles/late-report.txt":
      return send(200, "text/plain", LATE_REPORT);
    case "/articles/late-page.html":
      return send(200, "text/html", LATE_PAGE);
    case "/not-a-feed.xml":
      return send(200, "application/rss+xml", "Sorry, the feed is down for maintenance { not xml at all");
    case "/big-declared.html":
      return send(200, "text/html", `<p>${"x".repeat(MAX_BYTES * 3)}</p>`);
    case "/big-streamed.html": {
      // No content-length: the limit must be enforced while reading.
      res.writeHead(200, { "content-type": "text/html", "transfer-encoding": "chunked" });
      for (let i = 0; i < 12; i++) res.write(`<p>${"y".repeat(1000)}</p>`);
      return void res.end();
    }
    case "/loop-a":
      res.writeHead(302, { location: "/loop-b" });
      return void res.end();
    case "/loop-b":
      res.writeHead(302, { location: "/loop-a" });
      return void res.end();
    default:
      return send(404, "text/plain", "not found");
  }
}

beforeAll(async () => {
  server = await startServer(route);
});
afterAll(async () => {
  await server.close();
});

let dir: string;
let store: Store;
let config: Config;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-urls-"));
  store = await openStore({ dataDir: join(dir, "data") });
  const base = loadConfig({ data: join(dir, "data"), collector: "url-test" }, {});
  config = { ...base, fetch: { ...base.fetch, maxBytes: MAX_BYTES, timeoutMs: 5000, maxRedirects: 5 } };
  requests.length = 0;
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(inputs: string[], published?: string) {
  const events: IngestEvent[] = [];
  const summary = await ingest(inputs, store, { config, ...(published ? { published } : {}), onEvent: (e) => events.push(e) });
  return { summary, events, failed: events.filter((e) => e.status === "failed") };
}

interface StoredHeaders {
  status: number;
  requestedUrl: string;
  redirects: string[];
  fetchedAt: string;
  headers: Record<string, string>;
}

describe("ingest of URLs", () => {
  it("stores an HTML page with its raw bytes, response headers and URL", async () => {
    const url = server.url("/news/raids.html");
    const { summary, events } = await run([url]);
    expect(summary).toMatchObject({ new: 1, failed: 0 });
    expect(events[0]?.name).toBe("127.0.0.1/raids.html");

    const doc = await store.getDocument(sha256(Buffer.from(HTML_PAGE)));
    expect(doc).not.toBeNull();
    if (!doc) return;
    expect(doc).toMatchObject({ url, path: null, mediaType: "text/html", published: "2022-11-20", title: "Night raids in the river district", collector: "url-test" });
    expect(Buffer.from((await store.getDocumentBytes(doc.id)) ?? new Uint8Array()).toString("utf8")).toBe(HTML_PAGE);
    expect(doc.headers).not.toBeNull();
    const headers = JSON.parse(doc.headers ?? "null") as StoredHeaders;
    expect(headers.status).toBe(200);
    expect(headers.requestedUrl).toBe(url);
    expect(headers.redirects).toEqual([]);
    expect(Number.isNaN(Date.parse(headers.fetchedAt))).toBe(false);
    expect(headers.headers).toMatchObject({ "content-type": "text/html; charset=utf-8", "x-served-by": "tally-test", etag: '"raids-v1"' });
    expect(doc.text).toContain("Security forces killed at least 9 people");
    const claims = await store.queryClaims({ documentId: doc.id, includeClutter: true }, { limit: 100, offset: 0, sort: "id" });
    expect(claims.map((c) => c.count)).toEqual(expect.arrayContaining([9, 41]));
    for (const c of claims) expect(doc.text.slice(c.span[0], c.span[1])).toBe(c.quote);

    // Fetching the same bytes again stores nothing new.
    const again = await run([url]);
    expect(again.summary).toMatchObject({ new: 0, duplicate: 1 });
    expect(await store.countDocuments()).toBe(1);
  });

  it("keeps the final URL and the redirect chain of a redirected page", async () => {
    const { summary } = await run([server.url("/old-address")]);
    expect(summary.new).toBe(1);
    const doc = await store.getDocument(sha256(Buffer.from(MOVED_PAGE)));
    expect(doc?.url).toBe(server.url("/new-address"));
    const headers = JSON.parse(doc?.headers ?? "null") as StoredHeaders;
    expect(headers.status).toBe(200);
    expect(headers.requestedUrl).toBe(server.url("/old-address"));
    expect(headers.redirects).toEqual([server.url("/old-address")]);
  });

  it("follows an RSS feed item by item, with each item's date as the fallback publication date", async () => {
    const { summary, events, failed } = await run([server.url("/feed.xml")], "1999-01-01");
    expect(summary).toMatchObject({ new: 2, failed: 1 });
    // The feed itself is not a document.
    expect(await store.countDocuments()).toBe(2);

    const page = await store.getDocument(sha256(Buffer.from(UNDATED_PAGE)));
    expect(page).toMatchObject({ url: server.url("/articles/hunger-strike"), mediaType: "text/html", published: "2023-03-14" });
    const pageClaims = await store.queryClaims({ documentId: page?.id ?? -1, includeClutter: true }, { limit: 100, offset: 0, sort: "id" });
    const executions = pageClaims.find((c) => c.event === "execution" && c.count === 23);
    // "last year" resolved against the item's date.
    expect(executions?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });

    const wire = await store.getDocument(sha256(Buffer.from(WIRE_REPORT)));
    expect(wire).toMatchObject({ url: server.url("/articles/wire.txt"), mediaType: "text/plain", published: "2023-08-02" });
    expect(JSON.parse(wire?.headers ?? "null")).toMatchObject({ status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });

    // The item whose page is gone fails on its own, naming its URL.
    expect(failed).toHaveLength(1);
    expect(failed[0]?.message).toBe(`${server.url("/articles/gone")}: HTTP 404 Not Found`);
    expect(events.map((e) => e.status)).toEqual(["new", "new", "failed"]);
    // Every item of a feed is numbered as the feed's URL.
    expect(events.map((e) => e.input)).toEqual([0, 0, 0]);

    // Following the feed again stores nothing twice.
    const again = await run([server.url("/feed.xml")]);
    expect(again.summary).toMatchObject({ new: 0, duplicate: 2, failed: 1 });
  });

  it("dates a page by its own metadata in the publisher's time zone", async () => {
    await run([server.url("/articles/late-page.html")]);
    expect(await store.getDocument(sha256(Buffer.from(LATE_PAGE)))).toMatchObject({ published: "2023-08-02" });
  });

  // "Wed, 02 Aug 2023 21:30:00 -0500" is 2 August for its publisher, although 3 August in UTC; the
  // "yesterday" in the text must resolve from the publisher's date.
  it("dates a feed item in the publisher's time zone, like page metadata", async () => {
    await run([server.url("/evening-feed.xml")]);
    const doc = await store.getDocument(sha256(Buffer.from(LATE_REPORT)));
    expect(doc?.published).toBe("2023-08-02");
  });

  it("follows an Atom feed", async () => {
    const { summary } = await run([server.url("/atom.xml")]);
    expect(summary).toMatchObject({ new: 1, failed: 0 });
    expect(await store.getDocument(sha256(Buffer.from(APPEAL)))).toMatchObject({ published: "2024-01-09", url: server.url("/articles/appeal.txt") });
  });

  it("reports each failing URL as one failed event with a clear message, and the batch continues", async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/report.html`;
    const inputs = [
      closed,
      server.url("/news/raids.html"),
      server.url("/missing-page"),
      server.url("/not-a-feed.xml"),
      server.url("/big-declared.html"),
      server.url("/big-streamed.html"),
      server.url("/loop-a"),
      server.url("/articles/appeal.txt"),
    ];
    const { summary, failed, events } = await run(inputs);
    expect(summary).toMatchObject({ new: 2, failed: 6, duplicate: 0 });
    // Each event carries the number of the URL it came from (what a queue worker maps back to its job).
    expect(events.map((e) => e.input)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(events.map((e) => e.status)).toEqual(["failed", "new", "failed", "failed", "failed", "failed", "failed", "new"]);
    expect(await store.countDocuments()).toBe(2);
    const messages = failed.map((e) => e.message ?? "");
    expect(messages).toHaveLength(6);
    expect(messages[0]).toBe(`${closed}: connection refused (ECONNREFUSED)`);
    expect(messages[1]).toBe(`${server.url("/missing-page")}: HTTP 404 Not Found`);
    expect(messages[2]).toMatch(new RegExp(`^${escape(server.url("/not-a-feed.xml"))}: not an RSS or Atom feed`));
    expect(messages[3]).toBe(`${server.url("/big-declared.html")}: response is over the 4 KB limit`);
    expect(messages[4]).toBe(`${server.url("/big-streamed.html")}: response is over the 4 KB limit`);
    expect(messages[5]).toBe(`${server.url("/loop-a")}: redirect loop: ${server.url("/loop-a")} → ${server.url("/loop-b")} → ${server.url("/loop-a")}`);
    for (const m of messages) expect(m).not.toContain("\n");
    // Each failed event is named by its URL.
    expect(failed.map((e) => e.name)).toEqual([closed, ...["/missing-page", "/not-a-feed.xml", "/big-declared.html", "/big-streamed.html", "/loop-a"].map((p) => server.url(p))]);
    // The good pages were stored despite the failures around them.
    expect(await store.getDocument(sha256(Buffer.from(HTML_PAGE)))).not.toBeNull();
    expect(await store.getDocument(sha256(Buffer.from(APPEAL)))).not.toBeNull();
  });

  it("mixes files and URLs in one run", async () => {
    const file = join(dir, "wire.txt");
    await writeFile(file, WIRE_REPORT);
    const { summary } = await run([server.url("/news/raids.html"), file]);
    expect(summary).toMatchObject({ new: 2, failed: 0 });
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
