// `tally serve`: the JSON API and the web pages over the configured store, in one process.
import type { Command } from "commander";
import { DEFAULT_MAX_UPLOAD_BYTES } from "../../api/app.js";
import { defaultWebRoot, isLoopback, ServerRefusal } from "../../api/server.js";
import { serveLedger } from "../../compose.js";
import { showSession } from "../../services/use-cases/session.js";
import { firstAdmin } from "../../services/use-cases/setup.js";
import { perform } from "../../services/use-cases/use-case.js";
import { TallyError } from "../../shared/errors.js";
import { configOf, operatorContext } from "../context.js";
import { UsageError, type CliIo } from "../io.js";

function intOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

/** Registers `tally serve`. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description("serve the web dashboard and the JSON API (/api/v1) over the store")
    .option("--port <n>", "port to listen on (0: any free port)", "8080")
    .option("--host <address>", "address to listen on; anything but loopback lets other machines read and add to the ledger", "127.0.0.1")
    .option("--max-upload <bytes>", `largest uploaded document (default ${DEFAULT_MAX_UPLOAD_BYTES} or the file limit)`)
    .option("--admin <name>", "on first start (no accounts yet): create this admin account and print its password once")
    .option("--insecure-cookies", "send session cookies without the Secure flag even off loopback (only behind a trusted network)")
    .action(async (o: { port: string; host: string; maxUpload?: string; admin?: string; insecureCookies?: boolean }, cmd: Command) => {
      const port = intOption("port", o.port, 0, 65535);
      const maxUploadBytes = o.maxUpload === undefined ? undefined : intOption("max-upload", o.maxUpload, 1, 1024 ** 3);
      const config = configOf(cmd);
      // Each request acts as its signed-in user; without accounts (loopback only), as the local operator.
      let running;
      try {
        running = await serveLedger(
          config,
          {
            host: o.host,
            port,
            localName: config.collector,
            ...(o.insecureCookies ? { secureCookies: false } : {}),
            ...(maxUploadBytes ? { maxUploadBytes } : {}),
            log: (line) => io.err(line),
          },
          async (store) => {
            if (o.admin === undefined) return;
            const made = await perform(firstAdmin, { ...operatorContext(store, config), caller: { name: `${config.collector} (tally serve --admin)`, role: "admin" } }, { name: o.admin });
            if (made) io.err(`tally serve: created admin ${made.user.name} with password ${made.password} (shown once; change it with tally user reset ${made.user.name})`);
          },
        );
      } catch (err) {
        if (err instanceof TallyError) throw err;
        if (err instanceof ServerRefusal) throw new UsageError(err.message);
        throw new UsageError(`cannot listen on ${o.host}:${port}: ${err instanceof Error ? err.message : String(err)}`);
      }
      const { server, store } = running;
      io.out(`Tally is serving ${config.databaseUrl ? "the PostgreSQL store" : config.dataDir} at ${server.url}`);
      io.out(`JSON API: ${server.url}api/v1 (OpenAPI: ${server.url}api/v1/openapi.json)`);
      if (!defaultWebRoot()) io.err("tally serve: the web pages are not built (run `npm run build:web`); serving the API only");
      if (!isLoopback(o.host)) io.err(`tally serve: listening on ${o.host}: sign-in required; run it behind HTTPS (session cookies are Secure${o.insecureCookies ? " — disabled by --insecure-cookies" : ""})`);
      else if ((await perform(showSession, operatorContext(store, config), {})).mode === "single-user") io.err("tally serve: single-user mode (no accounts): anyone on this machine can use the ledger as admin");
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await running.close();
    });
}
