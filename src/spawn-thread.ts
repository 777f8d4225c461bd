// Starts a worker thread from a module next to the caller: the compiled .js in dist/, or the
// TypeScript source through tsx when running from src/ (the tests).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * A worker running `name` (without extension) in the directory of `callerUrl`
 * (the caller's import.meta.url), with `workerData`.
 */
export function spawnThread(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith(".ts")) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  // tsx's ESM API registers its loader hooks for the thread that calls it.
  const tsx = pathToFileURL(join(dirname(createRequire(callerUrl).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  const script = new URL(`./${name}.ts`, callerUrl).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
