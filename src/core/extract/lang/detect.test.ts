// Language detection inside core, and documents in languages without a pack.
import { describe, expect, it } from "vitest";
import { extract } from "../index.js";
import { detectLanguage } from "./detect.js";

describe("language detection", () => {
  it("tells Persian from Arabic by their own letters and words", () => {
    expect(detectLanguage("گزارش‌ها نشان می‌دهد که چند زندانی در این ماه اعدام شده‌اند و خانواده‌ها نگران هستند.")).toBe("fa");
    expect(detectLanguage("وقالت المنظمة إن السلطات نفذت عدداً كبيراً من أحكام الإعدام في هذه الفترة.")).toBe("ar");
  });

  it("tells French from English by function words", () => {
    expect(detectLanguage("Selon une organisation, les forces de sécurité ont tué des manifestants dans la capitale.")).toBe("fr");
    expect(detectLanguage("According to the group, security forces killed protesters in the capital.")).toBeNull();
  });

  it("extracts a Persian text when the caller does not give its language", () => {
    const out = extract("به گزارش هرانا، ۱۵ نفر در این شهر بازداشت شدند.", { document: "x.txt", published: "2024-01-01" });
    expect(out.language).toBe("fa");
    expect(out.claims[0]).toMatchObject({ event: "arrest", count: 15, source: "HRANA" });
  });

  it("says plainly when a language has no pack", () => {
    const out = extract("Güvenlik güçleri 12 kişiyi gözaltına aldı.", { document: "t.txt", published: null, language: "tr" });
    expect(out.claims).toHaveLength(0);
    expect(out.unsupported).toBe("no claims extracted: language Turkish has no extraction rules");
  });

  it("reads language tags with a region or in three letters", () => {
    const text = "به گزارش هرانا، ۱۵ نفر در این شهر بازداشت شدند.";
    for (const language of ["fa-IR", "FA", "pes"]) {
      expect(extract(text, { document: "x.txt", published: "2024-01-01", language }).claims).toHaveLength(1);
    }
  });

  it("does not read Kurdish (Sorani) or Urdu as Persian: they have no pack", () => {
    const sorani = extract("هێزە ئەمنییەکان ١٢ چالاکیان لە شاری سنە دەستگیر کرد و بۆ شوێنێکی نادیار گوازرانەوە.", { document: "k.txt", published: null });
    expect(sorani.claims).toHaveLength(0);
    expect(sorani.unsupported).toBe("no claims extracted: language Kurdish has no extraction rules");
    expect(detectLanguage("پولیس نے شہر میں ۱۲ افراد کو گرفتار کر لیا ہے اور ان سے پوچھ گچھ جاری ہے۔")).toBe("ur");
  });
});
