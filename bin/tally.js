#!/usr/bin/env node
// Entry point of the `tally` command: runs the compiled CLI (npm install builds it).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`tally: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = 2; },
);
