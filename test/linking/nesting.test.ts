import { describe, it, expect } from "vitest";
import { linkClaims } from "../../src/core/linking/index.js";
import { claim, month, year } from "./claim-factory.js";

describe("nesting", () => {
  it("puts a city under its province and the province under the country", () => {
    const r = linkClaims([
      claim({ place: "Iran", count: 500 }),
      claim({ place: "Sistan and Baluchestan", count: 100 }),
      claim({ place: "Zahedan", count: 40 }),
    ]);
    const by = (p: string) => r.facts.find((f) => f.scope.place === p)!;
    expect(by("Zahedan").parentId).toBe(by("Sistan and Baluchestan").id);
    expect(by("Sistan and Baluchestan").parentId).toBe(by("Iran").id);
    expect(by("Iran").parentId).toBeNull();
  });

  it("prefers the same place over a wider one as parent of a month", () => {
    const r = linkClaims([
      claim({ place: "Iran", count: 500, period: year(2020) }),
      claim({ place: "Iran", count: 40, period: month(2020, 5) }),
      claim({ place: "Tehran", count: 3, period: month(2020, 5) }),
    ]);
    const month5 = r.facts.find((f) => f.scope.place === "Iran" && f.scope.period?.end === "2020-05-31")!;
    const tehran = r.facts.find((f) => f.scope.place === "Tehran")!;
    expect(tehran.parentId).toBe(month5.id);
    expect(month5.parentId).toBe(r.facts.find((f) => f.scope.period?.end === "2020-12-31")!.id);
  });

  it("keeps different countries and families apart", () => {
    const r = linkClaims([claim({ place: "Iran" }), claim({ place: "Iraq" }), claim({ event: "arrest" })]);
    expect(r.facts.every((f) => f.parentId === null && f.children.length === 0)).toBe(true);
  });
});
