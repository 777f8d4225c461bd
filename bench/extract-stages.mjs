// Where extract() spends its time, stage by stage: every function that
// src/core/extract/index.ts imports is timed (inclusive, wall clock) around each call.
//
//   npm run build && node bench/extract-stages.mjs [ROOT] [--runs 4] [--mb 1.5]
//
// The build of ROOT (default: this checkout) is copied to a temporary folder and its
// dist/core/extract/index.js rewritten so that each imported function is called through a timer;
// the build itself is left alone. Each call costs the timer about 0.1 µs, so stages called tens of
// thousands of times read a little high. Shares are of extract() as a whole; a stage called
// from inside another (findTimes from documentPasses, say) is counted only where index.ts calls it.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const root = resolve(args.find((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--")) ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
const runs = flag("--runs", 4);
const mb = flag("--mb", 1.5);

const work = mkdtempSync(join(tmpdir(), "tally-stages-"));
try {
  cpSync(join(root, "dist"), join(work, "dist"), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(work, "node_modules"), "dir");
  writeFileSync(join(work, "package.json"), readFileSync(join(root, "package.json")));
  const entry = join(work, "dist", "core", "extract", "index.js");
  let src = readFileSync(entry, "utf8");
  const names = [];
  src = src.replace(/^import \{([^}]*)\} from/gm, (_, inner) => {
    const parts = inner.split(",").map((p) => p.trim()).filter(Boolean).map((p) => {
      // Types, renamed imports and values that are not functions (the default registry) stay as they are.
      if (p.startsWith("type ") || p.includes(" as ") || /^[A-Z]/.test(p) || p === "defaultRegistry") return p;
      names.push(p);
      return `${p} as __${p}`;
    });
    return `import { ${parts.join(", ")} } from`;
  });
  const lastImport = src.lastIndexOf("\nimport ");
  const cut = src.indexOf("\n", lastImport + 1) + 1;
  const timer =
    "const __T = (globalThis.__stages ??= new Map());\n" +
    "const __W = (n, f) => function (...a) { const t0 = process.hrtime.bigint(); try { return f.apply(this, a); } finally { const e = __T.get(n) ?? [0n, 0]; e[0] += process.hrtime.bigint() - t0; e[1]++; __T.set(n, e); } };\n" +
    names.map((n) => `const ${n} = __W(${JSON.stringify(n)}, __${n});\n`).join("");
  src = src.slice(0, cut) + timer + src.slice(cut);
  src = src.replace("export function extract(", "export const extract = __W(\"extract()\", __extract);\nfunction __extract(");
  writeFileSync(entry, src);

  const { extract } = await import(pathToFileURL(entry).href);
  const { documentsUpTo } = await import(new URL("./corpus.mjs", import.meta.url).href);
  const { docs, bytes } = documentsUpTo(mb * 1e6);
  for (let r = 0; r < 2; r++) for (const d of docs) extract(d.text, d.meta);
  globalThis.__stages.clear();
  for (let r = 0; r < runs; r++) for (const d of docs) extract(d.text, d.meta);
  const rows = [...globalThis.__stages].map(([name, [ns, calls]]) => ({ name, ms: Number(ns) / 1e6 / runs, calls: calls / runs }));
  const total = rows.find((r) => r.name === "extract()")?.ms ?? 1;
  process.stdout.write(`${docs.length} documents, ${(bytes / 1e6).toFixed(2)} MB, ${runs} runs; time per run, inclusive\n`);
  for (const r of rows.sort((a, b) => b.ms - a.ms)) {
    if (r.ms / total < 0.001) continue;
    process.stdout.write(`${r.name.padEnd(22)} ${((100 * r.ms) / total).toFixed(1).padStart(5)}%  ${r.ms.toFixed(1).padStart(7)} ms  ${String(Math.round(r.calls)).padStart(7)} calls  ${((r.ms * 1000) / r.calls).toFixed(2).padStart(7)} µs a call\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
