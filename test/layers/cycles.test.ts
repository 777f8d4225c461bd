// No import cycles in src: a file never reaches itself through the files it imports, by value or
// type-only imports (the extractor's drafts are typed in src/core/extract/draft.ts, so context.ts and
// story.ts no longer import index.ts).
import { describe, expect, it } from "vitest";
import { cycles, importGraph, type ImportEdge } from "./import-graph.js";

/** Type-only cycles known and left: each is a set of files, all inside one folder (none now). */
const KNOWN_TYPE_CYCLES: string[][] = [];

const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly });

describe("import cycles", () => {
  it("finds a cycle through several files, and none in a chain", () => {
    const files = ["a", "b", "c", "d"];
    expect(cycles(files, [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d")])).toEqual([["a", "b", "c"]]);
    expect(cycles(files, [edge("a", "b"), edge("b", "c"), edge("c", "d")])).toEqual([]);
  });

  it("reads value and type-only imports apart", () => {
    const { edges } = importGraph("src");
    const fromStore = edges.filter((e) => e.from === "src/store/kysely-store.ts");
    expect(fromStore.find((e) => e.to === "src/store/store.ts")?.typeOnly).toBe(true);
    expect(fromStore.find((e) => e.to === "src/store/audited.ts")?.typeOnly).toBe(false);
  });

  it("has no cycle of value imports in src", () => {
    const { files, edges } = importGraph("src");
    expect(edges.length).toBeGreaterThan(500);
    expect(cycles(files, edges.filter((e) => !e.typeOnly))).toEqual([]);
  });

  it("has no cycle of type-only imports but the known ones", () => {
    const { files, edges } = importGraph("src");
    const known = new Set(KNOWN_TYPE_CYCLES.map((c) => c.join(" ")));
    expect(cycles(files, edges).filter((c) => !known.has(c.join(" ")))).toEqual([]);
  });
});
