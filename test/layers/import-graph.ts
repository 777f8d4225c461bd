// The import graph of src: every relative `import … from` and `export … from` of each .ts/.tsx
// file, marked type-only when the statement imports types alone (`import type`, or every name
// marked `type`). Dynamic `import()` is left out: it loads lazily and cannot form a cycle at load.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

const STATEMENT = /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gms;

/** Whether an import's names are all types: `type X` or `{ type A, type B }`. */
function namesAreTypes(names: string): boolean {
  const braces = /^\{([^}]*)\}$/s.exec(names.trim());
  if (!braces) return false;
  const parts = (braces[1] as string).split(",").map((p) => p.trim()).filter(Boolean);
  return parts.length > 0 && parts.every((p) => p.startsWith("type "));
}

/** Every relative import between the files under `root` (paths relative to `root`'s parent). */
export function importGraph(root: string): { files: string[]; edges: ImportEdge[] } {
  const base = dirname(resolve(root));
  const files = sourceFiles(resolve(root));
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    for (const m of text.matchAll(STATEMENT)) {
      const spec = m[4] as string;
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, "");
      const found = [".ts", ".tsx", "/index.ts"].map((ext) => target + ext).find((p) => known.has(p));
      if (!found) continue;
      edges.push({ from: relative(base, file), to: relative(base, found), typeOnly: m[2] !== undefined || namesAreTypes(m[3] as string) });
    }
  }
  return { files: files.map((f) => relative(base, f)), edges };
}

/** The import cycles: each strongly connected set of two or more files (Tarjan), sorted. */
export function cycles(files: readonly string[], edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1) out.push(set.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return out.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}
