// The review queue "most consequential first": the claims of the ranked conflicts come first, not
// simply the largest figure (a huge figure nobody disputes is not the first thing to check).
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingest } from "../../src/pipeline/ingest.js";
import { makeLedger, type Ledger } from "./helpers.js";

describe("review queue, most consequential first", () => {
  let L: Ledger;
  const get = async (path: string) => (await L.app.request(`/api/v1${path}`)).json();

  beforeAll(async () => {
    L = await makeLedger();
    const file = join(L.dir, "chronicle.txt");
    // An old, undisputed and very large figure: the largest count of the ledger.
    await writeFile(file, "Historians of the Copperfield valley say that about 2,400,000 civilians were killed in 1921.");
    const summary = await ingest([file], L.store, { config: L.config, published: "2020-05-01" });
    expect(summary.new).toBe(1);
  });
  afterAll(() => L.close());

  it("puts the claims of the most consequential conflict first and the undisputed largest figure after them", async () => {
    const conflicts = (await get("/conflicts")) as { conflicts: Array<{ claims: Array<{ id: string }> }> };
    expect(conflicts.conflicts.length).toBeGreaterThan(0);
    const inConflicts = new Set(conflicts.conflicts.flatMap((k) => k.claims.map((c) => Number(c.id))));
    const topConflict = new Set((conflicts.conflicts[0]?.claims ?? []).map((c) => Number(c.id)));

    const queue = (await get("/review/queue?order=consequential&limit=200")) as { total: number; claims: Array<{ id: number; count: number }> };
    const largest = Math.max(...queue.claims.map((c) => c.count));
    expect(largest).toBe(2_400_000);
    // The size alone would put it first:
    expect(queue.claims.slice().sort((a, b) => b.count - a.count)[0]?.count).toBe(2_400_000);
    // By consequence, the first claims are those of the top conflict, and every conflict claim comes before the others.
    expect(topConflict.has(queue.claims[0]?.id ?? -1)).toBe(true);
    const firstOutside = queue.claims.findIndex((c) => !inConflicts.has(c.id));
    expect(queue.claims.slice(firstOutside).some((c) => inConflicts.has(c.id))).toBe(false);
    expect(queue.claims.findIndex((c) => c.count === 2_400_000)).toBe(firstOutside);
    // Every proposed claim once, and pages that follow each other.
    expect(new Set(queue.claims.map((c) => c.id)).size).toBe(queue.total);
    const page2 = (await get(`/review/queue?order=consequential&limit=3&offset=3`)) as { claims: Array<{ id: number }> };
    expect(page2.claims.map((c) => c.id)).toEqual(queue.claims.slice(3, 6).map((c) => c.id));
  });
});
