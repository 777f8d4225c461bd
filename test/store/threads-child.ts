// Child process of sqlite-threads.test.ts: opens a store on threads, stores and counts, prints the
// count, closes the store and says so. The process must finish its work, closing included (a pool
// waiting for SQLite keeps it alive), and then exit on its own (an idle pool does not).
import { openStore } from "../../src/store/open-store.js";
import { makeClaim, makeDoc } from "./fixtures.js";

const [dataDir] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir as string, threads: 2 });
await store.putDocument(makeDoc("A document stored by a child process through the threads."), [makeClaim()]);
process.stdout.write(`claims ${await store.countClaims({})}\n`);
await store.close();
process.stdout.write("closed\n");
