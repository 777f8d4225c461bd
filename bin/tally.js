#!/usr/bin/env node
// Entry point of the `tally` command: runs the compiled CLI (npm install builds it).
import { runAsProcess } from "../dist/cli/process.js";

await runAsProcess(process.argv);
