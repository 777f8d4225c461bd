import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/ingest/language.js";

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
