import { describe, expect, it } from "vitest";
import { Interner, flat } from "../../src/core/linking/strings.js";

describe("flat", () => {
  it("gives back the same text, whatever it was built from", () => {
    const parts = ["Amnesty", " gives ", String(1234), " for executions in Iran in ", "2021", "."];
    let built = "";
    for (const p of parts) built += p;
    expect(flat(built)).toBe(parts.join(""));
    expect(flat("")).toBe("");
  });
});

describe("Interner", () => {
  it("keeps one entry per distinct text and returns equal text", () => {
    const i = new Interner();
    const a = i.get(`2021-${"0"}1-01`);
    const b = i.get(["2021", "01", "01"].join("-"));
    const c = i.get("2021-01-31");
    expect(a).toBe("2021-01-01");
    expect(b).toBe("2021-01-01");
    expect(c).toBe("2021-01-31");
    expect(i.size).toBe(2);
  });

  it("keeps null as null", () => {
    const i = new Interner();
    expect(i.maybe(null)).toBeNull();
    expect(i.maybe("Tehran")).toBe("Tehran");
    expect(i.size).toBe(1);
  });
});
