// The use cases decide, once, who may do what: a role below the operation's is refused, input
// that breaks the schema is refused naming its field, and the work runs on the store as the
// caller sees it (their name in the audit trail, a viewer never sees restricted material).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { listClaims, reviewQueue, showClaim } from "../../src/services/use-cases/claims.js";
import { exportConflicts, exportFacts, exportTimeline } from "../../src/services/use-cases/exports.js";
import { showDocument } from "../../src/services/use-cases/documents.js";
import { listFacts } from "../../src/services/use-cases/facts.js";
import { restrict, reviewClaim } from "../../src/services/use-cases/review.js";
import { perform, type CaseContext, type Caller } from "../../src/services/use-cases/use-case.js";
import { csvOf } from "../../src/shared/entities/fact-csv.js";
import { Forbidden, Invalid } from "../../src/shared/errors.js";
import { openStore, type Store } from "../../src/store/index.js";

let dir: string;
let data: string;
let store: Store;

const TEXT = [
  "Observers reported that at least 17 detainees were executed in Kerman in May 2023.",
  "Observers added that 9 students were arrested in Yazd the same month.",
].join("\n");

const as = (caller: Caller): CaseContext => ({ store, caller, dataDir: data });
let viewer: CaseContext;
let analyst: CaseContext;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "tally-use-cases-"));
  data = join(dir, "data");
  await mkdir(join(dir, "docs"));
  await writeFile(join(dir, "docs", "observers.txt"), TEXT);
  const io: CliIo = { out: () => undefined, err: () => undefined, isTTY: false, exitCode: 0 };
  expect(await main(["node", "tally", "--data", data, "ingest", join(dir, "docs"), "--published", "2023-06-02", "--quiet"], io)).toBe(0);
  store = await openStore({ dataDir: data, create: false });
  viewer = as({ name: "vera", role: "viewer" });
  analyst = as({ name: "anwar", role: "analyst" });
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("use cases", () => {
  it("answer what their output schema describes", async () => {
    const page = await perform(listClaims, viewer, { filter: {}, limit: 10 });
    expect(page.claims.map((c) => c.count).sort((a, b) => a - b)).toEqual([9, 17]);
    expect(page.total).toBe(2);
    expect(listClaims.output.safeParse(page).success).toBe(true);
  });

  it("refuse a caller below the operation's role, in one message", async () => {
    const refused = perform(reviewQueue, viewer, { filter: {}, limit: 10 });
    await expect(refused).rejects.toBeInstanceOf(Forbidden);
    await expect(refused).rejects.toThrow("this needs the analyst role; you are a viewer");
    expect((await perform(reviewQueue, analyst, { filter: {}, limit: 10 })).total).toBe(2);
  });

  it("refuse input against their schema, naming the field", async () => {
    const [claim] = (await perform(listClaims, viewer, { filter: {}, limit: 1 })).claims;
    const bad = perform(reviewClaim, analyst, { id: claim?.id ?? 0, decision: { action: "reject", reason: "  " } });
    await expect(bad).rejects.toBeInstanceOf(Invalid);
    await expect(bad).rejects.toMatchObject({ field: "decision.reason", message: "decision.reason: a rejection needs a reason" });
  });

  it("export the rows of a list as a table: the list's rows in its order, columns from the entity, the input checked", async () => {
    const { facts } = await perform(listFacts, viewer, { event: "execution" });
    const table = await perform(exportFacts, viewer, { event: "execution" });
    expect(exportFacts.output.safeParse(table).success).toBe(true);
    expect(table.name).toBe("facts");
    expect(table.rows.map((r) => r[0])).toEqual(facts.map((f) => f.id));
    expect(table.rows[0]?.[table.columns.indexOf("best")]).toBe(17);
    expect(csvOf(table).split("\r\n")[0]).toMatch(/^id,event,place,period_start,period_end,victims,low,best,high,/);
    expect((await perform(exportConflicts, viewer, {})).columns).toEqual(["id", "severity", "kind", "largest", "facts", "claims", "documents", "reason"]);

    const t = await perform(exportTimeline, viewer, { event: "execution", place: "Kerman", by: "month" });
    expect(t.name).toBe("timeline-execution");
    expect(t.columns.slice(0, 2)).toEqual(["month", "fact"]);
    expect(t.rows.map((r) => r[1])).toEqual([facts[0]?.id]);
    expect(t.rows[0]).toContain("at least 17");
    await expect(perform(exportTimeline, viewer, { event: "execution" } as never)).rejects.toMatchObject({ field: "place" });
  });

  it("count the claims by facets, and give a document's claims with the facts they are counted in when asked", async () => {
    const page = await perform(listClaims, viewer, { filter: {}, limit: 1, facets: ["event"] });
    expect(page.facets?.event?.map((f) => [f.value, f.count]).sort()).toEqual([["arrest", 1], ["execution", 1]]);
    expect((await perform(listClaims, viewer, { filter: {}, limit: 1 })).facets).toBeUndefined();
    await expect(perform(listClaims, viewer, { filter: {}, limit: 1, facets: ["colour" as never] })).rejects.toMatchObject({ field: "facets.0" });

    const plain = await perform(showDocument, viewer, { ref: 1 });
    expect(plain.facts).toBeUndefined();
    const withFacts = await perform(showDocument, viewer, { ref: 1, facts: true });
    const { facts } = await perform(listFacts, viewer, {});
    expect(Object.keys(withFacts.facts ?? {}).sort()).toEqual(withFacts.claims.map((c) => String(c.id)).sort());
    expect(new Set(Object.values(withFacts.facts ?? {}))).toEqual(new Set(facts.map((f) => f.id)));
    expect(withFacts.factsStatus?.state).toBe("fresh");
  });

  it("act as the caller: their name in the trail, history for analysts only, restricted material hidden from viewers", async () => {
    const [claim] = (await perform(listClaims, viewer, { filter: { event: "arrest" }, limit: 1 })).claims;
    if (!claim) throw new Error("no arrest claim");
    await perform(reviewClaim, analyst, { id: claim.id, decision: { action: "accept", reason: "checked" } });
    const [last] = await store.listAuditEvents({ afterSeq: (await store.auditHead()).seq - 1 });
    expect(last?.actor).toBe("anwar");
    expect((await perform(showClaim, viewer, { id: claim.id })).history).toBeNull();
    expect((await perform(showClaim, analyst, { id: claim.id })).history?.map((h) => h.reason)).toContain("checked");

    const done = await perform(restrict, analyst, { type: "claim", id: claim.id, restricted: true });
    expect(done).toEqual({ type: "claim", id: claim.id, restricted: true, source: null });
    expect((await perform(listClaims, viewer, { filter: {}, limit: 10 })).claims.map((c) => c.id)).not.toContain(claim.id);
    expect((await perform(listClaims, analyst, { filter: {}, limit: 10 })).claims.map((c) => c.id)).toContain(claim.id);
    await expect(perform(restrict, viewer, { type: "claim", id: claim.id, restricted: false })).rejects.toBeInstanceOf(Forbidden);
  });
});
