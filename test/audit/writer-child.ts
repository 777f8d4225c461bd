// A separate writer process for the concurrency test: opens the SQLite store in a data directory
// and stores documents, sources and relations under its own actor.
import { openStore } from "../../src/store/open-store.js";
import { makeClaim, makeDoc } from "../store/fixtures.js";

const [dir, tag, countText] = process.argv.slice(2);
const count = Number(countText ?? "20");
const store = (await openStore({ dataDir: dir ?? "", busyTimeoutMs: 30_000 })).withActor(`writer-${tag ?? "?"}`);
let previous: number | null = null;
for (let i = 0; i < count; i++) {
  const { id } = await store.putDocument(makeDoc(`Writer ${tag} document ${i}: 5 prisoners executed.`), [makeClaim({ count: i })]);
  if (i % 5 === 0) await store.upsertSource({ name: `Monitor ${tag} ${i}`, kind: "ngo", aliases: [] });
  if (previous !== null) await store.addRelation(previous, id, "near_duplicate", 0.5);
  await store.replaceClaims(id, [makeClaim({ count: i + 1 })], "child-1");
  previous = id;
}
await store.close();
