import { describe, expect, it } from "vitest";
import { limitHeapGrowth } from "../../src/pipeline/heap-growth.js";

describe("limitHeapGrowth", () => {
  it("refuses a growth that is not a whole positive number of per cent, before setting anything", () => {
    for (const bad of [0, -5, 12.5, Number.NaN]) expect(() => limitHeapGrowth(bad)).toThrow(RangeError);
  });
});
