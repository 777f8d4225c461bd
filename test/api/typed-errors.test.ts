// The typed errors of src/shared/errors.ts, mapped once to HTTP statuses (src/api/errors.ts) and
// once to the CLI's line and exit status (src/cli/main.ts): each kind, thrown from a handler or
// a command, gives the status, code and message it should.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleError } from "../../src/api/errors.js";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { MissingStoreError } from "../../src/store/errors.js";
import { FactsQueryError } from "../../src/services/facts.js";
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from "../../src/shared/errors.js";

function appThrowing(err: Error, logged: string[]): Hono {
  const app = new Hono();
  app.get("/x", () => {
    throw err;
  });
  app.onError((e, c) => handleError(e, c, (line) => logged.push(line)));
  return app;
}

describe("typed errors over HTTP", () => {
  it.each([
    [new NotFound("claim", 7), 404, "not_found", "no claim with id 7"],
    [new NotFound("user", '"ana"', "name", 'no user named "ana"'), 404, "not_found", 'no user named "ana"'],
    [new Invalid("a span of 3 characters is too short for this, say", "span"), 400, "invalid_request", "a span of 3 characters is too short for this, say"],
    [new FactsQueryError("unknown event: picnic"), 400, "invalid_request", "unknown event: picnic"],
    [new Conflict('a user named "ana" exists already', "name"), 400, "invalid_request", 'a user named "ana" exists already'],
    [new Forbidden("only readers with access to restricted material can restrict or release it"), 403, "forbidden", "only readers with access to restricted material can restrict or release it"],
  ])("%s answers its status, code and message", async (err, status, code, message) => {
    const logged: string[] = [];
    const res = await appThrowing(err, logged).request("/x");
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: { code, message } });
    expect(logged).toEqual([]);
  });

  it("answers an Unavailable as the server's trouble: 500, logged, the message hidden", async () => {
    const logged: string[] = [];
    const res = await appThrowing(new Unavailable("the store's schema is at version 3, not 9"), logged).request("/x");
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain("schema");
    expect(logged.join("\n")).toContain("the store's schema is at version 3, not 9");
  });
});

describe("typed errors on the command line", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tally-typed-errors-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(...args: string[]): Promise<{ code: number; err: string[]; out: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 };
    const code = await main(["node", "tally", "--data", dir, ...args], io);
    return { code, err, out };
  }

  it("prints a NotFound as one line and exits 2", async () => {
    expect((await run("init")).code).toBe(0);
    expect(await run("review", "show", "12345")).toEqual({ code: 2, err: ["tally: no claim with id 12345"], out: [] });
  });

  it("prints src/core's ClaimFieldError (a correction the claim cannot hold) as one line and exits 2", async () => {
    const file = join(dir, "brell.txt");
    await writeFile(file, "Reporters in the invented town of Brell said on 3 March 2024 that at least 12 people were arrested by the police.\n");
    expect((await run("ingest", file)).code).toBe(0);
    const [claim] = (await run("review", "list", "--format", "jsonl")).out.map((l) => JSON.parse(l) as { id: number });
    expect(await run("review", "correct", String(claim?.id), "--period", "2024-05-01..2023-01-01")).toEqual({ code: 2, err: ["tally: period start must not be after its end"], out: [] });
  });

  it("prints an Unavailable (a missing store) as one line and exits 2", async () => {
    const missing = join(dir, "nothing-here");
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["node", "tally", "--data", missing, "review", "list"], { out: (l) => out.push(l), err: (l) => err.push(l), isTTY: false, exitCode: 0 });
    expect(code).toBe(2);
    expect(err).toEqual([`tally: ${new MissingStoreError(missing).message}`]);
  });
});
