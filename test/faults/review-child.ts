// A reviewer in its own process (the fault suite kills it): accepts every proposed claim of the
// store (a data directory or a postgres:// URL) one decision at a time, printing each as it is committed.
import { openStore } from "../../src/store/index.js";

// A data directory, or a postgres:// URL.
const [where] = process.argv.slice(2);
const location = /^postgres/.test(where ?? "") ? { url: where as string } : { dataDir: where as string };
const store = (await openStore({ ...location, migrate: false })).withActor("fault-reviewer");
const queue = await store.queryClaims({ status: "proposed" }, { limit: 10_000, offset: 0, sort: "id" });
for (const c of queue) {
  await store.reviewClaim(c.id, { action: "accept", reason: "fault suite" });
  process.stdout.write(`accepted ${c.id}\n`);
}
await store.close();
