// Starts the HTTP server of `tally serve` (also used by the browser tests and the bench).
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import type { Config } from "../config.js";
import type { Store } from "../services/use-cases/types.js";
import { createApp } from "./app.js";
import { FactsProvider } from "./facts-provider.js";

/** The built pages next to the package: web-dist/ (from src/api or dist/api alike). */
export function defaultWebRoot(): string | null {
  const dir = fileURLToPath(new URL("../../web-dist", import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : null;
}

/**
 * Threads (SQLite connections) the embedded store of a server runs its statements on: a request
 * never waits in the server's thread for the disk, and a slow one (a write reading cold index
 * pages) holds one connection, not every request.
 */
export const SERVER_SQLITE_THREADS = 4;

/** The server will not start as asked (with the reason why). */
export class ServerRefusal extends Error {}

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ServerOptions {
  store: Store;
  config: Config;
  host: string;
  port: number;
  webRoot?: string | null;
  maxUploadBytes?: number;
  /** Name the local operator acts under in single-user mode. */
  localName?: string;
  secureCookies?: boolean;
  log?: (line: string) => void;
}

/** Listens on host:port; on loopback, answers only to loopback host names (DNS-rebinding guard). */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const loopback = isLoopback(opts.host);
  if (!loopback && (await opts.store.countUsers("admin")) === 0) {
    throw new ServerRefusal(
      `refusing to listen on ${opts.host}: no admin account exists, so anyone who can reach it would be admin. Create one first (tally user add NAME --role admin), or listen on 127.0.0.1`,
    );
  }
  // Linking starts now, in the background, so that the first pages need not wait for it.
  const facts = new FactsProvider(opts.store, opts.config.dataDir);
  facts.warm();
  const app = createApp({
    facts,
    loopback,
    store: opts.store,
    config: opts.config,
    webRoot: opts.webRoot === undefined ? defaultWebRoot() : opts.webRoot,
    allowedHosts: loopback ? ["localhost", "127.0.0.1", "::1", opts.host] : null,
    ...(opts.maxUploadBytes !== undefined ? { maxUploadBytes: opts.maxUploadBytes } : {}),
    ...(opts.localName !== undefined ? { localName: opts.localName } : {}),
    ...(opts.secureCookies !== undefined ? { secureCookies: opts.secureCookies } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info: AddressInfo) => {
      const host = opts.host.includes(":") ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            facts.close();
            server.close(() => done());
            if ("closeAllConnections" in server) server.closeAllConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
