// Clutter: claims in teaser boxes, tag, share and copyright lines are flagged, the article is not.
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

type Claim = ReturnType<typeof extract>["claims"][number];

const claimsOf = (text: string): Claim[] => extract(text, { document: "cl.txt", published: "2023-06-15" }).claims;

const PAGE = [
  "Iran hangs 12 prisoners in Karaj",
  "",
  "Authorities in Karaj hanged twelve prisoners at dawn on Sunday, the rights group said in a statement released later that day.",
  "",
  "Photo: Families of 5 prisoners executed in Karaj gather outside the prison.",
  "",
  "Latest news",
  "Regime executes 7 more prisoners in Shiraz...",
  "Four protesters arrested in Rasht...",
  "",
  "Tags: executions, Karaj, 12 prisoners hanged",
  "Share this: 3 prisoners hanged in Karaj",
  "\u00a9 2023 Rights Monitor. All rights reserved. 40 executions recorded.",
].join("\n");

const byCount = (claims: Claim[], n: number) => claims.filter((c) => c.count === n);

describe("clutter", () => {
  const claims = claimsOf(PAGE);

  it("the headline counts and is not clutter", () => {
    const h = claims.find((c) => c.quote === "Iran hangs 12 prisoners in Karaj");
    expect(h?.event).toBe("execution");
    expect(h?.clutter).toBeUndefined();
  });

  it("the body sentence is not clutter", () => {
    const body = claims.find((c) => c.quote.startsWith("Authorities in Karaj"));
    expect(body?.count).toBe(12);
    expect(body?.clutter).toBeUndefined();
  });

  it("a photo caption still counts", () => {
    const cap = byCount(claims, 5);
    expect(cap).toHaveLength(1);
    expect(cap[0]?.clutter).toBeUndefined();
  });

  it("teasers under 'Latest news' are clutter", () => {
    expect(byCount(claims, 7).map((c) => c.clutter)).toEqual([true]);
    expect(byCount(claims, 4).map((c) => c.clutter)).toEqual([true]);
  });

  it("a tag line is clutter", () => {
    const tag = claims.find((c) => c.quote.startsWith("Tags:"));
    expect(tag?.clutter).toBe(true);
  });

  it("a share line is clutter", () => {
    expect(byCount(claims, 3).map((c) => c.clutter)).toEqual([true]);
  });

  it("a copyright line is clutter", () => {
    expect(byCount(claims, 40).map((c) => c.clutter)).toEqual([true]);
  });
});

describe("teaser sections", () => {
  const text = [
    "Officials said guards arrested 30 students in Tabriz on Friday, and the students' families have been asking for news of them ever since then.",
    "",
    "Related articles",
    "Six women executed in Qezel Hesar",
    "Must read: 20 Baluch prisoners executed in Zahedan",
    "",
    "You might also like",
    "Ten protesters killed in Zahedan ...",
    "",
    "Copyright 2023 Iran Monitor. 8 killed in Tehran",
  ].join("\n");
  const claims = claimsOf(text);

  it("the article's claim is not clutter", () => {
    expect(byCount(claims, 30).map((c) => c.clutter)).toEqual([undefined]);
  });

  it("'Related articles', 'Must read' and 'You might also like' teasers are clutter", () => {
    expect(byCount(claims, 6).map((c) => c.clutter)).toEqual([true]);
    expect(byCount(claims, 20).map((c) => c.clutter)).toEqual([true]);
    expect(byCount(claims, 10).map((c) => c.clutter)).toEqual([true]);
  });

  it("a copyright line with a figure is clutter", () => {
    expect(byCount(claims, 8).map((c) => c.clutter)).toEqual([true]);
  });

  it("a teaser section ends when a long content paragraph resumes", () => {
    const t = [
      "Related articles",
      "Six women executed in Qezel Hesar",
      "",
      "Rights monitors said on Monday that guards in Urmia Central Prison hanged nine prisoners at dawn after their families were summoned for a last visit.",
    ].join("\n");
    const c = claimsOf(t);
    expect(byCount(c, 9).map((x) => x.clutter)).toEqual([undefined]);
    expect(byCount(c, 6).map((x) => x.clutter)).toEqual([true]);
  });

  it("'latest' inside a sentence does not start a teaser section", () => {
    const t = "The latest figures show 40 protesters were killed in Zahedan.";
    expect(claimsOf(t).map((c) => c.clutter)).toEqual([undefined]);
  });
});
