// Runs the CLI as the `tally` process: real stdout and stderr, exit status, and a reader that
// goes away (`tally audit log | head`) ends the output quietly instead of crashing with EPIPE.
import { main, processIo } from "./main.js";

/** True for the errors of writing to a pipe whose reader has gone. */
function readerGone(err: NodeJS.ErrnoException): boolean {
  return err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED";
}

/**
 * Runs `tally` with process arguments. When stdout's reader closes the pipe, later output is
 * dropped and the command finishes its work (a store write is never cut short); its exit status
 * stands.
 */
export async function runAsProcess(argv: string[]): Promise<void> {
  const io = processIo();
  let stdoutOpen = true;
  let stderrOpen = true;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (!readerGone(err)) throw err;
    stdoutOpen = false;
  });
  process.stderr.on("error", (err: NodeJS.ErrnoException) => {
    if (!readerGone(err)) throw err;
    stderrOpen = false;
  });
  const out = io.out;
  const errOut = io.err;
  io.out = (line) => {
    if (stdoutOpen) out(line);
  };
  io.err = (line) => {
    if (stderrOpen) errOut(line);
  };
  try {
    process.exitCode = await main(argv, io);
  } catch (err) {
    if (stderrOpen) process.stderr.write(`tally: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
