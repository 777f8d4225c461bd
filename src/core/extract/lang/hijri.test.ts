// Hijri (Umm al-Qura) months as Gregorian intervals, and the Arabic words that name them.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";
import { hijriDay, hijriMonth, toHijri } from "./hijri.js";

const run = (text: string, published: string) => extract(text, { document: "ar.txt", published, language: "ar" }).claims;

describe("Hijri months", () => {
  it("converts months and days with the Umm al-Qura calendar", () => {
    expect(hijriMonth(1445, 9)).toEqual({ start: "2024-03-11", end: "2024-04-09" }); // Ramadan 1445
    expect(hijriMonth(1446, 1)?.start).toBe("2024-07-07"); // 1 Muharram 1446
    expect(hijriDay(1445, 12, 10)).toEqual({ start: "2024-06-16", end: "2024-06-16" });
    expect(toHijri("2024-03-11")).toEqual({ hy: 1445, hm: 9, hd: 1 });
    expect(hijriMonth(1700, 1)).toBeNull();
  });

  it("dates a figure by a Hijri month named with 'شهر', a year or 'الماضي'", () => {
    expect(run("نفذت السلطات 14 إعداماً خلال شهر رمضان.", "2024-04-20")[0]?.period).toEqual({ start: "2024-03-11", end: "2024-04-09" });
    expect(run("قتل 22 شخصاً خلال رمضان الماضي.", "2024-06-15")[0]?.period).toEqual({ start: "2024-03-11", end: "2024-04-09" });
    expect(run("أعدمت السلطات 6 أشخاص في شهر محرم 1444.", "2024-06-15")[0]?.period).toEqual({ start: "2022-07-30", end: "2022-08-27" });
  });

  it("reads a Hijri day and keeps its digits out of the counts", () => {
    const cs = run("أعدمت السلطات 3 أشخاص في 10 ذو الحجة 1445 هـ.", "2024-06-20");
    expect(cs.map((c) => [c.count, c.period])).toEqual([[3, { start: "2024-06-16", end: "2024-06-16" }]]);
  });

  it("does not read a given name as a month", () => {
    expect(run("اعتقل محمد رمضان و3 آخرون.", "2024-06-15")[0]?.period).toBeNull();
  });
});
