// Language detection by script, letters and function words, before franc's n-gram model.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as FrancMin from "franc-min";
import { ENGLISH, OTHER_LATIN } from "./language-samples.js";

type FrancModule = typeof FrancMin;

const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock("franc-min", async (importOriginal) => {
  const real = await importOriginal<FrancModule>();
  return { ...real, franc: (...args: Parameters<typeof real.franc>) => (calls.n++, real.franc(...args)) };
});
const { arabicScriptLanguage, detectLanguage, isLeaningEnglish, isPlainEnglish, isPlainFrench } = await import("../../src/ingest/language.js");

// Invented sentences, in the register of a monitoring report.
const PERSIAN =
  "به گزارش این گروه حقوق بشری، دست‌کم هفت زندانی در ماه گذشته در زندان مرکزی این شهر اعدام شدند و " +
  "خانواده‌های آنها پیش از اجرای حکم از این موضوع مطلع نشده بودند. این گروه می‌گوید شمار واقعی بیشتر است.";
/** The same kind of Persian typed on a Kurdish keyboard: every final heh is ە, yeh and kaf are Arabic. */
const PERSIAN_KURDISH_KEYBOARD =
  "بە گزارش این گروە، دست‌کم سە زندانی کە در ماە گذشتە بازداشت شدە بودند بە زندان مرکزی منتقل شدند " +
  "و خانوادەهای آنها هنوز از وضعیت عزیزان خود خبری ندارند. این گروە گفتە است کە پروندە آنها در دادگاە است.";
const ARABIC =
  "قالت المنظمة في بيان إن السلطات نفذت حكم الإعدام بحق ما لا يقل عن تسعة سجناء خلال الشهر الماضي، " +
  "وإن عائلاتهم لم تبلغ بذلك مسبقا. وأضافت أن هذه الأرقام قد تكون أقل من العدد الحقيقي.";
const KURDISH =
  "ڕێکخراوەکە ڕایگەیاند کە لە مانگی ڕابردوودا دوو زیندانی لە زیندانی ناوەندی شارەکە لەسێدارە دران و " +
  "بنەماڵەکانیان پێشتر ئاگادار نەکرابوونەوە. ڕێکخراوەکە دەڵێت ژمارەی ڕاستەقینە زیاترە.";
const URDU =
  "تنظیم کے مطابق گزشتہ ماہ صوبے کی مرکزی جیل میں کم از کم نو قیدیوں کو پھانسی دی گئی اور ان کے " +
  "خاندانوں کو پہلے سے اطلاع نہیں دی گئی۔ تنظیم کا کہنا ہے کہ اصل تعداد اس سے زیادہ ہو سکتی ہے۔";

describe("detection by script, letters and function words", () => {
  beforeEach(() => {
    calls.n = 0;
  });

  it.each([
    ["Persian", PERSIAN, "fa"],
    ["Persian typed on a Kurdish keyboard", PERSIAN_KURDISH_KEYBOARD, "fa"],
    ["Arabic", ARABIC, "ar"],
    ["Sorani Kurdish", KURDISH, "ku"],
    ["Urdu", URDU, "ur"],
    ["English", ENGLISH.wire ?? "", "en"],
    ["French", OTHER_LATIN.fr ?? "", "fr"],
  ])("tells %s without franc", (_name, text, code) => {
    expect(detectLanguage(text)).toBe(code);
    expect(calls.n).toBe(0);
  });

  it("tells Persian from Arabic with Arabic yeh and kaf and with ZWNJ dropped", () => {
    const arabicLetters = PERSIAN.replaceAll("ی", "ي").replaceAll("ک", "ك").replaceAll("\u200c", "");
    expect(arabicScriptLanguage(arabicLetters)).toBe("fa");
  });

  it("does not take a Persian text quoting a Kurdish name for Kurdish", () => {
    expect(detectLanguage(`${PERSIAN} سازمان هەنگاو این خبر را تأیید کرد.`)).toBe("fa");
  });

  it("leaves the other Latin-script languages to franc", () => {
    for (const [code, text] of Object.entries(OTHER_LATIN)) {
      if (code === "fr") continue;
      expect(isPlainFrench(text), code).toBe(false);
    }
    calls.n = 0;
    expect(detectLanguage(OTHER_LATIN.es ?? "")).toBe("es");
    expect(calls.n).toBe(1);
  });

  it("asks franc, among Arabic-script languages only, when letters and words do not decide", () => {
    // Names and nouns with no function word and no letter of one language only.
    const names = "محمد علی حسن رضا احمد محمود سعید مجید حمید ناصر منصور جواد".repeat(3);
    const found = detectLanguage(names);
    expect(calls.n).toBe(1);
    expect(["fa", "ar", "ur", "ps", "ku", null]).toContain(found);
  });
});

describe("English heavy in names and figures", () => {
  // Invented: a headline, a byline, a dateline and a list of names: 5 English function words in 60.
  const NAMES =
    "Marlowe Rights Watch Quarterly Figures: Northern Provinces 2023\nBy Tomas Grell, Ines Varga\n\nVELDHAVEN, March 4 (Orbis Wire) — " +
    "Marlowe Rights Watch, Civic Ledger Project, Northgate Monitor, Harbour Legal Aid Network: 41 arrests in Veldhaven, Brask, Ollin, " +
    "Tarrow during February, the groups said in a joint note with tables, maps, case summaries. Officials in Veldhaven did not comment. " +
    "Tags: Veldhaven, Brask, arrests, detention, monitoring.";

  beforeEach(() => {
    calls.n = 0;
  });

  it("is English by its function words when no other language's are there, without franc", () => {
    expect(isPlainEnglish(NAMES)).toBe(false);
    expect(isLeaningEnglish(NAMES)).toBe(true);
    expect(detectLanguage(NAMES)).toBe("en");
    expect(calls.n).toBe(0);
  });

  it("does not take another Latin-script language for English, even quoting an English sentence", () => {
    for (const [code, text] of Object.entries(OTHER_LATIN)) expect(isLeaningEnglish(text), code).toBe(false);
    const quoting = `${OTHER_LATIN.es ?? ""} \u201cThe authorities must release them and they should say where they are held,\u201d said the spokesperson.`;
    expect(isLeaningEnglish(quoting)).toBe(false);
    expect(detectLanguage(quoting)).toBe("es");
  });
});

describe("short Latin-script texts", () => {
  it("a short English sentence is English by its function words, not French by franc's n-grams", () => {
    expect(detectLanguage("Monitors said at least 14 prisoners were executed in the city jail last year.")).toBe("en");
    expect(detectLanguage("Au moins 12 manifestants ont été tués selon une ONG dans la capitale.")).toBe("fr");
  });

  it("a short plain-ASCII headline without function words is unknown (English rules apply), not French", () => {
    expect(detectLanguage("Police arrest 60 people at party")).toBeNull();
  });
});
