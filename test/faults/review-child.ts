// A reviewer in its own process (the fault suite kills it): accepts every proposed claim of the
// store one decision at a time, printing each as it is committed.
import { openStore } from "../../src/store/index.js";

const [dataDir] = process.argv.slice(2);
const store = (await openStore({ dataDir: dataDir as string, migrate: false })).withActor("fault-reviewer");
const queue = await store.queryClaims({ status: "proposed" }, { limit: 10_000, offset: 0, sort: "id" });
for (const c of queue) {
  await store.reviewClaim(c.id, { action: "accept", reason: "fault suite" });
  process.stdout.write(`accepted ${c.id}\n`);
}
await store.close();
