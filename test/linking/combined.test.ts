// Figures of the dead and the injured counted together ("40 killed or wounded") are facts of their
// own: they neither rival nor contain a count of killings. Every sentence here is invented.
import { describe, expect, it } from "vitest";
import { countsDeadAndInjured } from "../../src/core/linking/combined.js";
import { describeScope, linkClaims, scopeKey, claimScope } from "../../src/core/linking/index.js";
import { claim, month, testNetworks, year } from "./claim-factory.js";

/** A killing claim of `count`, its figure the first number written as `count` in digits of any script. */
function killing(quote: string, count: number) {
  const latin = (d: string) => String((d.codePointAt(0) as number) & 0xf);
  const digits = quote.replace(/[\u06F0-\u06F9\u0660-\u0669]/gu, latin);
  const at = digits.search(new RegExp(`(?<![\\d])${count}(?![\\d])`));
  return { event: "killing" as const, quote, count, ...(at >= 0 ? { countAt: at } : {}) };
}

describe("countsDeadAndInjured", () => {
  it.each([
    ["Border guards shot at porters: 40 porters were killed or wounded in March.", 40],
    ["A total of 31 labourers lost their lives or suffered injuries during the month.", 31],
    ["Security forces killed or injured at least 57 people in the town.", 57],
    ["The group recorded 12 dead and wounded after the raid.", 12],
    ["There were 23 civilian casualties in the shelling.", 23],
    ["در این ماه ۴۰ کولبر کشته و زخمی شدند.", 40],
    ["از مجموع ۲۹ کارگری که کشته یا مجروح شده‌اند", 29],
    ["سقط ٢٥ بين قتيل وجريح في المواجهات.", 25],
    ["La manifestation a fait 18 morts et blessés selon la police.", 18],
    ["Au total, 9 personnes ont été tuées ou blessées.", 9],
  ])("a combined count: %s", (quote, count) => {
    expect(countsDeadAndInjured(killing(quote, count))).toBe(true);
  });

  it.each([
    ["Two porters were killed and 18 others were injured near the border.", 2],
    ["Two porters were killed and 18 others were injured near the border.", 18],
    ["Police killed 14 protesters; dozens were wounded in later clashes.", 14],
    ["At least 30 people were killed in the city, the ministry said.", 30],
    ["در این ماه ۴ کولبر کشته و ۱۲ کولبر زخمی شدند.", 4],
    ["Selon l'ONG, 11 manifestants ont été tués et 40 blessés.", 11],
  ])("separate counts: %s (%d)", (quote, count) => {
    expect(countsDeadAndInjured(killing(quote, count))).toBe(false);
  });

  it("is about killings and injuries only", () => {
    expect(countsDeadAndInjured({ event: "arrest", quote: "Police arrested 30 people killed or wounded in nothing.", count: 30 })).toBe(false);
  });
});

describe("linking combined counts", () => {
  const porters = (over: Parameters<typeof claim>[0]) =>
    claim({ event: "killing", place: "Iran", victims: ["civilians"], ...over });

  it("keeps a dead-and-injured figure out of the killings it would otherwise exceed", () => {
    const r = linkClaims(
      [
        porters({ source: "HRANA", count: 20, period: month(2023, 7), quote: "In July, 20 porters were killed or wounded on the border." }),
        porters({ source: "IHRNGO", count: 2, period: year(2023), quote: "Two porters were killed by border guards this year." }),
      ],
      { networkOf: testNetworks },
    );
    expect(r.contradictions).toEqual([]);
    const combined = r.facts.find((f) => f.scope.combined);
    expect(combined?.best).toBe(20);
    expect(combined?.parentId).toBeNull();
    expect(describeScope(combined!.scope)).toMatch(/^people killed or injured of civilians in Iran in July 2023/);
  });

  it("does not set a combined count against a count of deaths for the same scope", () => {
    const r = linkClaims(
      [
        porters({ source: "HRANA", count: 299, quote: "The monitor counted 299 porters killed or injured in 2023." }),
        porters({ source: "IHRNGO", count: 49, quote: "In all, 49 porters were killed in 2023." }),
      ],
      { networkOf: testNetworks },
    );
    expect(r.contradictions).toEqual([]);
    expect(r.facts).toHaveLength(2);
  });

  it("still compares two combined counts of one scope", () => {
    const r = linkClaims(
      [
        porters({ source: "HRANA", count: 300, quote: "Some 300 porters were killed or wounded in 2020." }),
        porters({ source: "IHRNGO", count: 120, quote: "The group said 120 porters were killed or injured in 2020." }),
      ],
      { networkOf: testNetworks },
    );
    expect(r.facts).toHaveLength(1);
    expect(r.contradictions.map((c) => c.kind)).toEqual(["incompatible_figures"]);
  });

  it("keeps the flag through an analyst's merge into a combined fact", () => {
    const c = porters({ count: 5, quote: "Five porters were killed.", override: { scope: { family: "killing", place: "Iran", period: year(2020), victims: ["civilians"], combined: true } } });
    const s = claimScope(c);
    expect(s.combined).toBe(true);
    expect(scopeKey(s)).toContain("dead-and-injured");
  });
});
