// Solar Hijri months and years as Gregorian intervals (jalaali-js), at the edges of the calendar.
import { describe, expect, it } from "vitest";
import { solarDay, solarLabel, solarMonth, solarYear, toSolar, validSolarDay } from "./solar.js";

describe("Solar Hijri periods", () => {
  it("converts a month that straddles two Gregorian months", () => {
    expect(solarMonth(1403, 8)).toEqual({ start: "2024-10-22", end: "2024-11-20" }); // Aban 1403
  });

  it("converts a year from Nowruz to the last day of Esfand", () => {
    expect(solarYear(1400)).toEqual({ start: "2021-03-21", end: "2022-03-20" });
  });

  it("gives Esfand 30 days in a leap year and 29 otherwise", () => {
    expect(solarMonth(1403, 12).end).toBe("2025-03-20"); // 1403 is leap: Nowruz 1404 fell on 21 March 2025
    expect(validSolarDay(1403, 12, 30)).toBe(true);
    expect(solarMonth(1402, 12).end).toBe("2024-03-19"); // Nowruz 1403 fell on 20 March 2024
    expect(validSolarDay(1402, 12, 30)).toBe(false);
  });

  it("goes back and forth", () => {
    expect(solarDay(1399, 1, 1)).toBe("2020-03-20");
    expect(toSolar("2020-03-20")).toEqual({ jy: 1399, jm: 1, jd: 1 });
  });

  it("labels periods in Latin letters", () => {
    expect(solarLabel(1402, 9)).toBe("Azar 1402");
    expect(solarLabel(1401, 6, [3, 7])).toBe("3–7 Shahrivar 1401");
    expect(solarLabel(1400, null)).toBe("1400");
  });
});
