// Runs `tally` from the sources as a real process would (bin/tally.js runs the built copy).
import { runAsProcess } from "../../src/cli/process.js";

await runAsProcess(process.argv);
