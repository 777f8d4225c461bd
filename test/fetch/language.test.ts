import { describe, expect, it } from "vitest";
import { franc } from "franc-min";
import { detectLanguage, isPlainEnglish } from "../../src/ingest/language.js";
import { ENGLISH, OTHER_LATIN } from "./language-samples.js";

describe("detectLanguage", () => {
  it("recognises English", () => {
    const text =
      "The monitoring group said on Tuesday that its volunteers had visited four towns in the north " +
      "and spoken with the families of people who were taken from their homes during the night.";
    expect(detectLanguage(text)).toBe("en");
  });

  it("recognises French", () => {
    const text =
      "Selon l'association, les familles des personnes arrêtées n'ont reçu aucune nouvelle depuis " +
      "plusieurs semaines et les avocats n'ont pas pu consulter le dossier.";
    expect(detectLanguage(text)).toBe("fr");
  });

  it("recognises Persian and maps it to fa", () => {
    const text =
      "به گفته این گروه، خانواده‌های بازداشت‌شدگان هنوز هیچ خبری از وضعیت عزیزان خود ندارند و " +
      "وکلای آنها اجازه دیدار با موکلان خود را پیدا نکرده‌اند.";
    expect(detectLanguage(text)).toBe("fa");
  });

  it("recognises Arabic", () => {
    const text =
      "قالت المنظمة إن عائلات المعتقلين لم تتلق أي معلومات عن أماكن احتجازهم منذ أسابيع، " +
      "وإن المحامين لم يتمكنوا من الاطلاع على ملفات القضايا.";
    expect(detectLanguage(text)).toBe("ar");
  });

  it("returns null for text too short or without letters", () => {
    expect(detectLanguage("Hi there")).toBeNull();
    expect(detectLanguage("12,345 — 67 / 89 (2024)")).toBeNull();
    expect(detectLanguage("")).toBeNull();
  });

  it("looks only at the opening of a long document", () => {
    const english = "Observers counted the people held at the station and wrote down every name they heard. ";
    const french = "Les observateurs ont noté chaque nom entendu devant le commissariat pendant la nuit. ";
    expect(detectLanguage(english.repeat(30) + french.repeat(300))).toBe("en");
  });
});

describe("isPlainEnglish (the shortcut past franc)", () => {
  it.each(Object.entries(ENGLISH))("takes English %s prose as English, as franc does", (_name, text) => {
    expect(isPlainEnglish(text)).toBe(true);
    expect(franc(text)).toBe("eng");
  });

  it.each(Object.entries(OTHER_LATIN))("leaves %s to franc, which does not say English", (_name, text) => {
    expect(isPlainEnglish(text)).toBe(false);
    expect(detectLanguage(text)).not.toBe("en");
  });

  it("recognises the other languages through franc", () => {
    for (const code of ["fr", "es", "pt", "it", "de", "nl", "id", "tr", "pl", "ro"]) {
      expect(detectLanguage(OTHER_LATIN[code] ?? ""), code).toBe(code);
    }
  });

  it("leaves short samples, mostly non-Latin text and foreign text quoting English to franc", () => {
    expect(isPlainEnglish("The group said that the prisoners were moved.")).toBe(false);
    const persian = "به گفته این گروه، خانواده‌های بازداشت‌شدگان هنوز هیچ خبری از وضعیت عزیزان خود ندارند ".repeat(4);
    expect(isPlainEnglish(persian + (ENGLISH.wire ?? "").slice(0, 200))).toBe(false);
    const quoted = `${OTHER_LATIN.fr ?? ""} « The authorities must release them », a déclaré la porte-parole.`;
    expect(isPlainEnglish(quoted)).toBe(false);
    expect(detectLanguage(quoted)).toBe("fr");
  });
});
