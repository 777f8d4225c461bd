import { describe, it, expect } from "vitest";
import {
  allPlaces,
  findPlaces,
  getPlace,
  mostSpecificPlace,
  placeAncestors,
  placeContains,
  placeCountry,
} from "./places.js";

const names = (text: string) => findPlaces(text).map((m) => m.name);

describe("findPlaces", () => {
  it("finds names, aliases and demonyms with offsets", () => {
    const text = "Monitors in Zahedan and the Iranian capital compared notes with Saudi lawyers.";
    const found = findPlaces(text);
    expect(found.map((m) => [m.name, m.via])).toEqual([
      ["Zahedan", "name"],
      ["Iran", "demonym"],
      ["Saudi Arabia", "demonym"],
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toMatch(/^(Zahedan|Iranian|Saudi)$/);
  });

  it("prefers the longest name and never overlaps", () => {
    const found = findPlaces("Families gathered outside Ghezel Hesar Prison near Karaj.");
    expect(found.map((m) => m.name)).toEqual(["Ghezel Hesar Prison", "Karaj"]);
    expect(found[0]?.kind).toBe("prison");
    expect(names("Activists from Sistan & Baluchestan and Sistan-Baluchestan spoke.")).toEqual([
      "Sistan and Baluchestan",
      "Sistan and Baluchestan",
    ]);
  });

  it("respects case and word boundaries", () => {
    expect(names("the iran desk filed nothing")).toEqual([]);
    expect(names("A bus left Iranshahr at dawn.")).toEqual(["Iranshahr"]);
    expect(names("Iran's courts")).toEqual(["Iran"]);
    expect(names("Two Iraqis and three Afghans were held.")).toEqual(["Iraq", "Afghanistan"]);
  });

  it("keeps Iraqi Kurdistan apart from Iran's Kurdistan province", () => {
    expect(names("He fled to Iraqi Kurdistan in spring.")).toEqual(["Kurdistan Region of Iraq"]);
    expect(names("He fled to Iraq’s Kurdistan in spring.")).toEqual(["Kurdistan Region of Iraq"]);
    expect(names("Arrests rose across Kurdistan province.")).toEqual(["Kurdistan"]);
    expect(names("Arrests rose across Kordestan.")).toEqual(["Kurdistan"]);
  });

  it("skips outlets and parties that merely contain a place name", () => {
    expect(names("Fars News said the trial in Shiraz had ended.")).toEqual(["Shiraz"]);
    expect(names("According to Iran International, nobody was released.")).toEqual([]);
  });

  it("takes typographic apostrophes as plain ones", () => {
    expect(names("Inmates of Qarchak Women’s Prison wrote a letter.")).toEqual(["Qarchak Prison"]);
  });

  it("scans a megabyte of text quickly", () => {
    const chunk = "A statement from Urmia described events in West Azerbaijan and elsewhere in the region. ";
    const text = chunk.repeat(Math.ceil(1_000_000 / chunk.length));
    findPlaces(text);
    const t = performance.now();
    const found = findPlaces(text);
    const ms = performance.now() - t;
    expect(found.length).toBe(2 * Math.ceil(1_000_000 / chunk.length));
    expect(ms).toBeLessThan(400);
  });
});

describe("hierarchy", () => {
  it("looks places up by name, alias or demonym in any case", () => {
    expect(getPlace("Evin")?.name).toBe("Evin Prison");
    expect(getPlace("gohardasht")?.name).toBe("Rajaei Shahr Prison");
    expect(getPlace("Iraqi")?.name).toBe("Iraq");
    expect(getPlace("Tehran")?.kind).toBe("city");
    expect(getPlace("Tehran province")?.kind).toBe("province");
    expect(getPlace("Atlantis")).toBeNull();
  });

  it("lists ancestors nearest first and finds the country", () => {
    expect(placeAncestors("Evin Prison")).toEqual(["Tehran", "Tehran Province", "Iran"]);
    expect(placeAncestors("Iran")).toEqual([]);
    expect(placeCountry("Vakilabad")).toBe("Iran");
    expect(placeCountry("Iraqi Kurdistan")).toBe("Iraq");
    expect(placeCountry("Atlantis")).toBeNull();
  });

  it("decides containment", () => {
    expect(placeContains("Iran", "Zahedan")).toBe(true);
    expect(placeContains("Sistan-Baluchestan", "Zahedan")).toBe(true);
    expect(placeContains("Zahedan", "Zahedan")).toBe(true);
    expect(placeContains("Zahedan", "Iran")).toBe(false);
    expect(placeContains("Iraq", "Kurdistan")).toBe(false);
    expect(placeContains("Atlantis", "atlantis")).toBe(true);
  });

  it("has 31 provinces of Iran, all UN members, and consistent parents", () => {
    const all = allPlaces();
    expect(all.filter((p) => p.kind === "province" && p.parent === "Iran")).toHaveLength(31);
    expect(all.filter((p) => p.kind === "country").length).toBeGreaterThanOrEqual(196);
    for (const p of all) if (p.parent !== null) expect(getPlace(p.parent)?.name).toBe(p.parent);
    for (const p of all.filter((x) => x.kind === "prison")) expect(placeCountry(p.name)).toBe("Iran");
  });
});

describe("mostSpecificPlace", () => {
  it("picks the deepest place on one chain", () => {
    expect(mostSpecificPlace(findPlaces("Evin, in Tehran, the Iranian capital"))).toBe("Evin Prison");
  });

  it("falls back to the nearest common ancestor", () => {
    expect(mostSpecificPlace(findPlaces("protests in Sanandaj and Marivan"))).toBe("Kurdistan");
    expect(mostSpecificPlace(findPlaces("protests in Mahabad and Zahedan"))).toBe("Iran");
  });

  it("gives null for places on different chains without a common ancestor", () => {
    expect(mostSpecificPlace(findPlaces("envoys of Iran and Iraq"))).toBeNull();
    expect(mostSpecificPlace([])).toBeNull();
  });
});
