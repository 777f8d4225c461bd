import { describe, it, expect } from "vitest";
import { figureInterval, formatFigure, overlaps } from "../../src/core/linking/index.js";

describe("figure intervals", () => {
  it("turns qualifiers into intervals", () => {
    expect(figureInterval(246, "at_least")).toEqual({ lo: 246, hi: null });
    expect(figureInterval(10, "more_than")).toEqual({ lo: 11, hi: null });
    expect(figureInterval(1000, "about")).toEqual({ lo: 900, hi: 1100 });
    expect(figureInterval(40, "up_to")).toEqual({ lo: 0, hi: 40 });
    expect(figureInterval(1500, "exact")).toEqual({ lo: 1470, hi: 1530 });
    expect(figureInterval(27, "exact")).toEqual({ lo: 27, hi: 27 });
  });

  it("lets 'at least 246' and '267' agree but not '225' and 'at least 280'", () => {
    expect(overlaps(figureInterval(246, "at_least"), figureInterval(267, "exact"))).toBe(true);
    expect(overlaps(figureInterval(225, "exact"), figureInterval(280, "at_least"))).toBe(false);
    expect(overlaps(figureInterval(12, "exact"), figureInterval(13, "exact"))).toBe(false);
    expect(overlaps(figureInterval(50, "up_to"), figureInterval(51, "at_least"))).toBe(false);
  });

  it("writes figures in words", () => {
    expect(formatFigure(1500, "about")).toBe("about 1,500");
    expect(formatFigure(7, "exact")).toBe("7");
  });
});
