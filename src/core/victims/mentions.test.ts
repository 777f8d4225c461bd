// Invented sentences of the shapes reports use to name victims, in each language read.
import { describe, expect, it } from "vitest";
import { findVictimMentions, type MentionClaim } from "./mentions.js";

const names = (text: string, lang: string) => findVictimMentions(text, lang).map((m) => m.name);

describe("victim mentions in English", () => {
  const text = "Four prisoners were hanged in Karaj on 3 March 2025. The executed were Kamran Salehi, 34, and Dariush Moradi, 27, a teacher from Tabriz, as well as Nasrin Jafari, a woman, 45.";
  const claims: MentionClaim[] = [{ span: [0, 52], event: "execution", count: 4, period: { start: "2025-03-03", end: "2025-03-03" }, place: "Karaj" }];
  const ms = findVictimMentions(text, "en", claims);
  it("reads each name after the lead, with its age and what its item says", () => {
    expect(ms.map((m) => m.name)).toEqual(["Kamran Salehi", "Dariush Moradi", "Nasrin Jafari"]);
    expect(ms.map((m) => m.age)).toEqual([34, 27, 45]);
    expect(ms[1]?.occupation).toBe("teacher");
    expect(ms[1]?.place).toBe("Tabriz");
    expect(ms[2]?.sex).toBe("female");
  });
  it("links them to the count claim of the sentence before, taking its event, date and place", () => {
    expect(ms.every((m) => m.claim === 0)).toBe(true);
    expect(ms[0]?.event).toBe("execution");
    expect(ms[0]?.date).toBe("2025-03-03");
    expect(ms[0]?.place).toBe("Karaj");
  });
  it("keeps spans into the text", () => {
    const m = ms[0];
    expect(m && text.slice(m.span[0], m.span[1])).toBe("Kamran Salehi");
    expect(m && text.slice(m.sentence[0], m.sentence[1])).toMatch(/^The executed were/);
  });
  it("reads a single name before a victim verb", () => {
    const one = findVictimMentions("Hamed Nouri, 31, a Baluch fuel porter, was shot dead near Saravan on Friday.", "en");
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ name: "Hamed Nouri", age: 31, ethnicity: "Baluch", event: "killing", claim: null });
  });
  it("reads names after «identified as», ages in brackets, and keeps a place in the list to its person", () => {
    const ms = findVictimMentions("The victims, identified as Soroush Talebi (25) and Yaser Ebadi (31), were hanged before dawn.", "en");
    expect(ms.map((m) => [m.name, m.age])).toEqual([["Soroush Talebi", 25], ["Yaser Ebadi", 31]]);
    const fr = findVictimMentions("Les victimes sont Soroush Talebi, 25 ans, et Yaser Ebadi, un enseignant de Tabriz.", "fr");
    expect(fr.map((m) => m.place)).toEqual([null, "Tabriz"]);
  });
  it("does not take a prison or an organisation for a person", () => {
    expect(names("The prisoners were Evin Prison, Amnesty International and others.", "en")).toEqual([]);
    expect(names("Ten people were arrested in Tehran.", "en")).toEqual([]);
  });
});

describe("victim mentions in Persian", () => {
  it("reads names after «عبارتند از», with Persian digits and ages", () => {
    const ms = findVictimMentions("هویت سه زندانی اعدام‌شده در زندان قزلحصار عبارتند از: مهدی کاظمی ۳۸ ساله، سعید رحیمی ۲۹ ساله و فرهاد نوروزی کارگر اهل کرج.", "fa");
    expect(ms.map((m) => m.name)).toEqual(["مهدی کاظمی", "سعید رحیمی", "فرهاد نوروزی"]);
    expect(ms.map((m) => m.age)).toEqual([38, 29, null]);
    expect(ms[2]?.occupation).toBe("worker");
    expect(ms[2]?.place).toBe("Karaj");
    expect(ms[0]?.event).toBe("execution");
  });
});

describe("victim mentions in Persian, after «به نام‌های»", () => {
  it("stops a name at the verb after it", () => {
    const ms = findVictimMentions("دو زندانی به نام‌های سروش طالبی و یاسر عبادی شناسایی شده‌اند.", "fa");
    expect(ms.map((m) => m.name)).toEqual(["سروش طالبی", "یاسر عبادی"]);
  });
});

describe("victim mentions in Arabic", () => {
  it("reads names after «وهم», with «عاما» ages", () => {
    const ms = findVictimMentions("أعدمت السلطات ثلاثة سجناء في الأهواز، وهم: كريم الساعدي (41 عاما)، وجاسم النصاري 33 عاما، وعادل الكعبي.", "ar");
    expect(ms.map((m) => m.name)).toEqual(["كريم الساعدي", "جاسم النصاري", "عادل الكعبي"]);
    expect(ms.map((m) => m.age)).toEqual([41, 33, null]);
    expect(ms[0]?.event).toBe("execution");
  });
});

describe("victim mentions in French", () => {
  it("reads names after «il s'agit de», with «ans» ages", () => {
    const ms = findVictimMentions("Deux hommes ont été exécutés à Chiraz. Il s'agit de Behnam Rostami, 36 ans, et de Arash Zamani, enseignant, 40 ans.", "fr");
    expect(ms.map((m) => m.name)).toEqual(["Behnam Rostami", "Arash Zamani"]);
    expect(ms.map((m) => m.age)).toEqual([36, 40]);
    expect(ms[1]?.occupation).toBe("teacher");
  });
  it("reads nothing in a language it has no words for", () => {
    expect(findVictimMentions("Ali Rezaei was executed.", "de")).toEqual([]);
  });
});
