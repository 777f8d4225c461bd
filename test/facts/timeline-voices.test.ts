// A timeline may keep only the voices that give the most figures, and says how many it left out.
import { describe, expect, it } from "vitest";
import type { Timeline, TimelineRow } from "../../src/services/facts.js";
import { leadingVoices } from "../../src/services/timeline-voices.js";

/** A timeline of years 2015–2020 in which voice i gives a figure for the years in `years[i]`. */
function timeline(years: number[][]): Timeline {
  const voices = years.map((_, i) => ({ id: `v${i}`, label: `Voice ${String.fromCharCode(90 - i)}` }));
  const rows = [2015, 2016, 2017, 2018, 2019, 2020].map(
    (y) =>
      ({
        label: String(y),
        voices: Object.fromEntries(years.flatMap((ys, i) => (ys.includes(y) ? [[`v${i}`, { count: 10 * i + 1, figure: String(10 * i + 1) }]] : []))),
      }) as unknown as TimelineRow,
  );
  return { event: "execution", place: "Iran", by: "year", voices, hiddenVoices: 0, rows };
}

describe("leadingVoices", () => {
  it("keeps every voice when there are no more than asked", () => {
    const t = timeline([[2015], [2016, 2017]]);
    expect(leadingVoices(t, 2)).toBe(t);
    expect(leadingVoices(t, 5).hiddenVoices).toBe(0);
  });

  it("keeps the voices with the most yearly figures, ties by label, drops the others' figures and counts them", () => {
    const t = timeline([[2015], [2015, 2016, 2017], [2018], [2015, 2016], [2019], [2020]]);
    const kept = leadingVoices(t, 3);
    // v1 (3 figures), v3 (2), then of the voices with one figure the first by label: v5 ("Voice U").
    expect(kept.voices.map((v) => v.id)).toEqual(["v1", "v3", "v5"]);
    expect(kept.hiddenVoices).toBe(3);
    expect(kept.rows.map((r) => Object.keys(r.voices).sort())).toEqual([["v1", "v3"], ["v1", "v3"], ["v1"], [], [], ["v5"]]);
    expect(kept.rows.map((r) => r.label)).toEqual(t.rows.map((r) => r.label));
    // The timeline given is left as it was.
    expect(t.voices).toHaveLength(6);
    expect(Object.keys(t.rows[0]?.voices ?? {})).toEqual(["v0", "v1", "v3"]);
  });

  it("adds to the voices an earlier limit left out", () => {
    const t = timeline([[2015], [2015, 2016, 2017], [2018], [2015, 2016]]);
    expect(leadingVoices(leadingVoices(t, 3), 1)).toMatchObject({ voices: [{ id: "v1" }], hiddenVoices: 3 });
  });
});
