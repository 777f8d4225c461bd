// WeightedLru: the near-duplicate index's caches, bounded by the bytes they hold.
import { describe, expect, it } from "vitest";
import { WeightedLru } from "../../src/pipeline/weighted-lru.js";

describe("WeightedLru", () => {
  it("drops the least recently used entries once the total weight is over the capacity", () => {
    const cache = new WeightedLru<number, string>(10, (s) => s.length);
    cache.set(1, "aaaa");
    cache.set(2, "bbbb");
    expect(cache.get(1)).toBe("aaaa"); // 1 is now the most recently used
    cache.set(3, "cccc"); // 12 > 10: 2 goes
    expect(cache.get(2)).toBeUndefined();
    expect(cache.get(1)).toBe("aaaa");
    expect(cache.get(3)).toBe("cccc");
    expect(cache.weight).toBe(8);
    expect(cache.size).toBe(2);
  });

  it("counts a replaced entry once, and keeps an entry heavier than the capacity alone", () => {
    const cache = new WeightedLru<string, string>(6, (s) => s.length);
    cache.set("a", "xx");
    cache.set("a", "xxx");
    expect(cache.weight).toBe(3);
    cache.set("b", "yyyyyyyyyy");
    expect(cache.size).toBe(1);
    expect(cache.get("b")).toBe("yyyyyyyyyy");
    expect(cache.get("a")).toBeUndefined();
    cache.set("c", "z");
    expect(cache.get("b")).toBeUndefined();
    expect(cache.weight).toBe(1);
  });
});
