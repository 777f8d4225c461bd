// The static import graph of the sources: which files and packages a module loads before any of
// its code runs. Type-only imports are left out the way the compiler leaves them out (each file is
// transpiled with the project's settings), dynamic `import()` calls are not followed.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ts from "typescript";

const STATIC_IMPORT = /^(?:import|export)\b[^;"'`]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"/gm;

/** The specifiers a source file imports statically once compiled. */
export function staticSpecifiers(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    fileName: file,
  }).outputText;
  return [...js.matchAll(STATIC_IMPORT)].map((m) => (m[1] ?? m[2]) as string);
}

/** A package's name from a bare specifier: `date-fns/addDays` → `date-fns`, `@hono/node-server` kept whole. */
function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
}

/**
 * Every source file reached from `entry` by static imports, and every package (with the
 * specifiers it was imported as) those files import. Node's built-ins are left out.
 */
export function staticClosure(entry: string): { files: Set<string>; packages: Map<string, Set<string>> } {
  const files = new Set<string>();
  const packages = new Map<string, Set<string>>();
  const todo = [resolve(entry)];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith(".ts")) continue; // a JSON module imports nothing
    for (const spec of staticSpecifiers(file)) {
      if (spec.startsWith("node:")) continue;
      if (spec.startsWith(".")) todo.push(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else {
        const name = packageName(spec);
        const seen = packages.get(name) ?? new Set<string>();
        seen.add(spec);
        packages.set(name, seen);
      }
    }
  }
  return { files, packages };
}
