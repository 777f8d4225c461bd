// The use cases behind `tally init`, `tally serve --admin`, `tally ingest --queue` and `tally worker`:
// each decides who may perform it and checks its input before it touches the store or the queue.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { enqueueIngest, runIngestWorker } from "../../src/services/use-cases/queue.js";
import { firstAdmin, initStore } from "../../src/services/use-cases/setup.js";
import { perform, type CaseContext, type Caller } from "../../src/services/use-cases/use-case.js";
import { Forbidden, Invalid } from "../../src/shared/errors.js";
import { openStore, type Store } from "../../src/store/index.js";

let dir: string;
let store: Store;
const as = (caller: Caller, extra: Partial<CaseContext> = {}): CaseContext => ({ store, caller, dataDir: dir, ...extra });
const operator: Caller = { name: "operator", role: "admin" };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-setup-"));
  store = await openStore({ dataDir: dir, create: true });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("setup use cases", () => {
  it("init reports whether the open created the store, for an admin only", async () => {
    expect(await perform(initStore, as(operator, { opened: { created: true } }), {})).toEqual({ created: true });
    expect(await perform(initStore, as(operator, { opened: { created: false } }), {})).toEqual({ created: false });
    await expect(perform(initStore, as({ name: "ana", role: "analyst" }), {})).rejects.toBeInstanceOf(Forbidden);
    await expect(perform(initStore, as(operator), { surplus: 1 } as never)).rejects.toBeInstanceOf(Invalid);
  });

  it("makes the first admin once, in the caller's name, and nothing when accounts exist", async () => {
    await expect(perform(firstAdmin, as({ name: "vera", role: "viewer" }), { name: "root" })).rejects.toBeInstanceOf(Forbidden);
    const made = await perform(firstAdmin, as({ name: "operator (tally serve --admin)", role: "admin" }), { name: "root" });
    expect(made).toMatchObject({ user: { name: "root", role: "admin" }, password: expect.stringMatching(/\S{12,}/) });
    expect((await store.getUser("root"))?.role).toBe("admin");
    expect(await perform(firstAdmin, as(operator), { name: "second" })).toBeNull();
    expect(await store.getUser("second")).toBeNull();
  });

  it("refuses a viewer the queue before anything is opened, and a store without a queue", async () => {
    const sqlite = loadConfig({ data: dir, collector: "tests" }, {});
    const viewer = as({ name: "vera", role: "viewer" });
    await expect(perform(enqueueIngest, viewer, { inputs: ["a.txt"], config: sqlite })).rejects.toBeInstanceOf(Forbidden);
    await expect(perform(runIngestWorker, viewer, { config: sqlite, once: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(perform(enqueueIngest, as(operator), { inputs: [], config: sqlite })).rejects.toBeInstanceOf(Invalid);
    await expect(perform(runIngestWorker, as(operator), { config: sqlite, concurrency: 0 })).rejects.toBeInstanceOf(Invalid);
    await expect(perform(enqueueIngest, as(operator), { inputs: ["a.txt"], config: sqlite })).rejects.toThrow(/needs the PostgreSQL store/);
  });
});
