// Sub-counts, lists and figures after the event: "including four women, two minors, …",
// "as well as 9 foreign nationals", "those hanged included 40 Xs, six Ys and one Z".
import { describe, it, expect } from "vitest";
import { extract } from "./index.js";

const claims = (text: string, published = "2024-03-01") =>
  extract(text, { document: "s.txt", published }).claims.map((c) => `${c.event} ${c.count} ${c.qualifier}`);

describe("sub-counts and lists", () => {
  it("a long aside listing parts does not cut the figure from its verb", () => {
    expect(claims("At least 88 people, including five women, three juvenile offenders, a retired teacher, and a man with a disability, were hanged in several prisons.")).toEqual([
      "execution 88 at_least",
      "execution 5 exact",
      "execution 3 exact",
    ]);
  });

  it("the parts go on after 'as well as'", () => {
    expect(claims("Last month, 64 prisoners were executed, including 60 men and 4 women, as well as 7 foreign nationals.")).toEqual([
      "execution 64 exact",
      "execution 60 exact",
      "execution 4 exact",
      "execution 7 exact",
    ]);
  });

  it("a list of nationalities after 'those executed included' is a list of parts, down to one", () => {
    expect(claims("Those executed included 40 Omanis, six Sudanese and one Somali.")).toEqual([
      "execution 40 exact",
      "execution 6 exact",
      "execution 1 exact",
    ]);
  });

  it("a figure after a dash is still the figure of the number before it", () => {
    expect(claims("The group put the number of hangings in the country last year at 212 — more than in any year since 2015.")).toEqual(["execution 212 exact"]);
  });

  it("'the number of dead' and 'the toll' put at a figure are counts of the killed", () => {
    expect(claims("Officials put the number of dead at 57 on Sunday.")).toEqual(["killing 57 exact"]);
    expect(claims("The ministry put the number of wounded at 140.")).toEqual(["injury 140 exact"]);
  });

  it("a number of cities in an aside is not a count of people", () => {
    expect(claims("Security forces killed 31 protesters, including residents of 12 cities, the group said.")).toEqual(["killing 31 exact"]);
  });

  it("a figure after the verb: 'executed up to N <group> suspected of …'", () => {
    expect(claims("The authorities executed up to 15 Baluch Islamists suspected of bombings, activists said.")).toEqual(["execution 15 up_to"]);
  });

  it("the days of a date range are not counts", () => {
    expect(claims("Between Feb. 4 and 11, the province executed 19 prisoners.")).toEqual(["execution 19 exact"]);
  });

  it("'N death sentences were carried out' counts executions, and 'N cases of torture' counts torture", () => {
    expect(claims("Officials said 61 death sentences were carried out over the autumn.")).toEqual(["execution 61 exact"]);
    expect(claims("The centre has recorded 2,100 arrests and 700 cases of torture.")).toEqual(["arrest 2100 exact", "torture 700 exact"]);
  });

  it("a level is not an age: 'peaking at 77 in 2001'", () => {
    expect(claims("Executions rose through the decade, peaking at 77 in 2001.")).toEqual(["execution 77 exact"]);
  });

  it("'N Xs were among the M executed' is a part of the figure that follows", () => {
    expect(claims("Five Iraqi citizens were among the 22 prisoners hanged at Vakilabad last Sunday.")).toEqual(["execution 5 exact", "execution 22 exact"]);
    expect(claims("Two women were among at least 16 people executed in March.")).toEqual(["execution 2 exact", "execution 16 at_least"]);
    // A nationality is who the victims are, not where it happened.
    const text = "Eleven Afghan nationals were among the 40 prisoners executed in March.";
    expect(extract(text, { document: "s.txt", published: "2024-04-02" }).claims.map((c) => c.place)).not.toContain("Afghanistan");
  });
});
