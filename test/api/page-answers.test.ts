// What a page is served with (src/api/page-answers.ts), with the API stood in for by a function.
import { describe, expect, it } from "vitest";
import { jsonForScript, pageStart, type AskApi } from "../../src/api/page-answers.js";

const OVERVIEW = "/overview?event=execution&place=Iran&voices=7";
const overview = { place: "Iran", figures: { documents: 12345, claims: 678, facts: null, conflicts: 2, sources: 3 } };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("pageStart", () => {
  it("puts the answers in, draws the key figures, and names nothing in the Link header", async () => {
    const asked: string[] = [];
    const ask: AskApi = async (path) => {
      asked.push(path);
      return path === OVERVIEW ? json(overview) : json({ mode: "single-user", user: { name: "local", role: "admin" }, csrf: null });
    };
    const start = await pageStart("/", new URLSearchParams(), ask, "/api/v1");
    expect(asked.sort()).toEqual(["/auth/session", OVERVIEW]);
    expect(start.link).toBeNull();
    expect(start.personal).toBe(true);
    expect(start.markup).toContain('<dd data-testid="fig-documents">12,345</dd>');
    // A figure not known yet (facts still being linked) shows as the page shows it.
    expect(start.markup).toContain("<dt>Facts</dt><dd>…</dd>");
    expect(start.markup).toContain("<dt>Open conflicts</dt><dd>2</dd>");
    const data = /^<script type="application\/json" id="tally-answers">(.*)<\/script>$/.exec(start.data);
    expect(JSON.parse(data?.[1] ?? "null")).toEqual({ "/auth/session": { mode: "single-user", user: { name: "local", role: "admin" }, csrf: null }, [OVERVIEW]: overview });
  });

  it("leaves to the script, named in the Link header, an answer that fails, is not JSON or is late", async () => {
    const session = json({ mode: "users", user: null, csrf: null });
    for (const answer of [() => json({ error: { code: "internal_error", message: "x" } }, 500), () => new Response("<html>", { headers: { "content-type": "text/html" } }), () => new Promise<Response>(() => undefined), () => Promise.reject(new Error("gone"))]) {
      const ask: AskApi = async (path) => (path === OVERVIEW ? answer() : session.clone());
      const t0 = Date.now();
      const start = await pageStart("/", new URLSearchParams(), ask, "/api/v1", 50);
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(start.link).toBe(`</api/v1${OVERVIEW}>; rel=preload; as=fetch; crossorigin`);
      expect(start.markup).toBe("");
      expect(start.data).toContain('"/auth/session"');
      expect(start.data).not.toContain("overview");
    }
  });

  it("serves the page as it is when no answer could be had", async () => {
    const start = await pageStart("/claims", new URLSearchParams(), async () => json({}, 401), "/api/v1");
    expect(start).toEqual({ link: "</api/v1/auth/session>; rel=preload; as=fetch; crossorigin", markup: "", data: "", personal: false });
  });
});

describe("jsonForScript", () => {
  it("cannot end or change the script element it sits in, and reads back as the same value", () => {
    const value = { place: "</script><!--<script>", amp: "a&b", seps: "\u2028\u2029" };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(out)).toEqual(value);
  });
});
