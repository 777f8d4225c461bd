import { describe, expect, it } from "vitest";
import { LruMap } from "../../src/core/lru-map.js";

describe("LruMap", () => {
  it("drops the least recently used entry past its capacity; reading an entry keeps it", () => {
    const m = new LruMap<string, number>(2);
    m.set("a", 1);
    m.set("b", 2);
    expect(m.get("a")).toBe(1);
    m.set("c", 3);
    expect(m.get("b")).toBeUndefined();
    expect([m.get("a"), m.get("c"), m.size]).toEqual([1, 3, 2]);
    m.set("a", 10);
    m.set("d", 4);
    expect([m.get("a"), m.get("c"), m.get("d")]).toEqual([10, undefined, 4]);
  });
});
