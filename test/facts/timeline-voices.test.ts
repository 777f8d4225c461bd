// The overview chart draws the voices that give the most yearly figures, and says how many it left out.
import { describe, expect, it } from "vitest";
import type { Overview } from "../../src/web/api.js";
import { leadingVoices } from "../../src/web/timeline-voices.js";

type Timeline = Overview["timeline"];

/** A timeline of years 2015–2020 in which voice i gives a figure for the years in `years[i]`. */
function timeline(years: number[][]): Timeline {
  const voices = years.map((_, i) => ({ id: `v${i}`, label: `Voice ${String.fromCharCode(90 - i)}` }));
  const rows = [2015, 2016, 2017, 2018, 2019, 2020].map((y) => ({
    voices: Object.fromEntries(years.flatMap((ys, i) => (ys.includes(y) ? [[`v${i}`, { count: 10 * i + 1, figure: String(10 * i + 1) }]] : []))),
  }));
  return { voices, rows } as unknown as Timeline;
}

describe("leadingVoices", () => {
  it("keeps every voice when there are no more than asked", () => {
    const t = timeline([[2015], [2016, 2017]]);
    expect(leadingVoices(t, 2)).toEqual({ timeline: t, hidden: 0 });
  });

  it("keeps the voices with the most yearly figures, ties by name, and counts the rest", () => {
    const t = timeline([[2015], [2015, 2016, 2017], [2018], [2015, 2016], [2019], [2020]]);
    const { timeline: kept, hidden } = leadingVoices(t, 3);
    // v1 (3 figures), v3 (2), then of the voices with one figure the first by label: v5 ("Voice U").
    expect(kept.voices.map((v) => v.id)).toEqual(["v1", "v3", "v5"]);
    expect(hidden).toBe(3);
    expect(kept.rows).toBe(t.rows);
  });
});
