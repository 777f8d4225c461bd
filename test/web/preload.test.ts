// The landing page's data is asked for while the session loads (preload); the page takes that
// answer once, and never an old or failed one.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { adoptAnswers, getJson, preload, takeLoaded } from "../../src/web/api.js";

let answers: Array<() => Response>;
const fetchMock = vi.fn(async (_url: string) => {
  const next = answers.shift();
  if (!next) throw new Error("no answer left");
  return next();
});
const ok = (n: number) => () => new Response(JSON.stringify({ n }), { status: 200, headers: { "content-type": "application/json" } });
const unauthorized = () => new Response(JSON.stringify({ error: { code: "unauthorized", message: "sign in" } }), { status: 401 });

beforeEach(() => {
  answers = [];
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("preload", () => {
  it("asks once and hands the answer to the first getJson of the same path only", async () => {
    answers.push(ok(1), ok(2));
    preload("/overview?a=1");
    preload("/overview?a=1"); // already under way: not asked twice
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await getJson("/overview?a=1")).toEqual({ n: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(await getJson("/overview?a=1")).toEqual({ n: 2 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(["/api/v1/overview?a=1", "/api/v1/overview?a=1"]);
  });

  it("is not used for another path", async () => {
    answers.push(ok(1), ok(2));
    preload("/overview?a=1");
    expect(await getJson("/overview?a=2")).toEqual({ n: 2 });
  });

  it("asks again when the early answer failed (say, before signing in)", async () => {
    answers.push(unauthorized, ok(3));
    preload("/overview?b=1");
    expect(await getJson("/overview?b=1")).toEqual({ n: 3 });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("hands an answer that has arrived to a first render synchronously, once", async () => {
    answers.push(ok(5), ok(6));
    preload("/overview?d=1");
    expect(takeLoaded("/overview?d=1")).toBeNull(); // not arrived yet: the page renders loading and asks getJson
    await vi.waitFor(() => expect(takeLoaded("/overview?d=1")).toEqual({ data: { n: 5 } }));
    expect(takeLoaded("/overview?d=1")).toBeNull();
    expect(await getJson("/overview?d=1")).toEqual({ n: 6 });
  });

  it("never hands a failed early answer to a first render", async () => {
    answers.push(unauthorized, ok(7));
    preload("/overview?e=1");
    await new Promise((r) => setTimeout(r, 20));
    expect(takeLoaded("/overview?e=1")).toBeNull();
    expect(await getJson("/overview?e=1")).toEqual({ n: 7 });
  });

  it("asks again when the early answer has waited too long", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    answers.push(ok(1), ok(4));
    preload("/overview?c=1");
    vi.setSystemTime(Date.now() + 60_000);
    expect(await getJson("/overview?c=1")).toEqual({ n: 4 });
  });
});

describe("answers the server put into the page", () => {
  it("are taken once, by the first page that asks, without a request; a preload of the same path asks nothing", async () => {
    answers.push(ok(2));
    adoptAnswers({ "/auth/session": { user: null }, "/overview?c=1": { n: 1 } });
    preload("/overview?c=1");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(takeLoaded("/auth/session")).toEqual({ data: { user: null } });
    expect(await getJson("/overview?c=1")).toEqual({ n: 1 });
    expect(fetchMock).not.toHaveBeenCalled();
    // Taken: the next call asks the server.
    expect(await getJson("/overview?c=1")).toEqual({ n: 2 });
    expect(takeLoaded("/auth/session")).toBeNull();
  });

  it("go stale like preloaded ones, and a null answer is no answer", async () => {
    vi.useFakeTimers();
    answers.push(ok(5), ok(6));
    adoptAnswers({ "/overview?d=1": { n: 4 }, "/overview?d=2": null });
    vi.advanceTimersByTime(10_000);
    expect(await getJson("/overview?d=1")).toEqual({ n: 5 });
    expect(await getJson("/overview?d=2")).toEqual({ n: 6 });
  });
});
