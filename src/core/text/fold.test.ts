// Folding for the Persian, Arabic and French rules: one spelling, and spans that map back.
import { describe, expect, it } from "vitest";
import { fold, foldText, originalRange } from "./fold.js";

describe("fold", () => {
  it("reads Persian and Arabic-Indic digits as ASCII, also mixed inside one number", () => {
    expect(fold("۳۴۵")).toBe("345");
    expect(fold("٣٤٥")).toBe("345");
    expect(fold("٣۴٥")).toBe("345"); // Arabic-Indic 3 and 5 around a Persian 4
    expect(fold("۲٠۲۵")).toBe("2025");
  });

  it("spells yeh, kaf, alef and the Kurdish heh one way", () => {
    expect(fold("زنداني")).toBe(fold("زندانی"));
    expect(fold("كشته")).toBe("کشته");
    expect(fold("شدەاند")).toBe("شدهاند");
    expect(fold("أكثر")).toBe(fold("اكثر"));
  });

  it("reads a word with and without its zero-width non-joiner the same", () => {
    expect(fold("دست\u200cکم")).toBe(fold("دستکم"));
    expect(fold("می\u200cشوند")).toBe("میشوند");
  });

  it("drops harakat and tatweel", () => {
    expect(fold("قتيلاً")).toBe(fold("قتيلا"));
    expect(fold("بـ27")).toBe("ب27");
  });

  it("keeps the Arabic thousands separator as a comma and ٪ as %", () => {
    expect(fold("۲٬۴۰۰")).toBe("2,400");
    expect(fold("٪۱۲")).toBe("%12");
  });

  it("maps every folded range back to the original text", () => {
    const original = "دست\u200cکم ۱٢ نفر";
    const f = foldText(original);
    const at = f.text.indexOf("12");
    const [s, e] = originalRange(f, at, at + 2);
    expect(original.slice(s, e)).toBe("۱٢");
    const [qs, qe] = originalRange(f, 0, f.text.length);
    expect(original.slice(qs, qe)).toBe(original);
  });
});
