import { describe, it, expect } from "vitest";
import { linkClaims, voiceOf } from "../../src/core/linking/index.js";
import { claim, testNetworks } from "./claim-factory.js";

const opts = { networkOf: testNetworks };

describe("voices", () => {
  it("counts two outlets of one network as one voice", () => {
    const r = linkClaims([claim({ source: "NCRI", count: 300 }), claim({ source: "Iran Focus", count: 300 })], opts);
    const f = r.facts[0];
    expect(f?.voices).toHaveLength(1);
    expect(f?.voices[0]?.sources).toEqual(["Iran Focus", "NCRI"]);
    expect(f?.status).toBe("single_network");
  });

  it("counts a near-duplicate pair of documents once", () => {
    const r = linkClaims([
      claim({ documentId: "a", duplicateGroup: "g1", count: 40 }),
      claim({ documentId: "b", duplicateGroup: "g1", count: 40 }),
    ], opts);
    expect(r.facts[0]?.voices).toHaveLength(1);
    expect(r.facts[0]?.status).toBe("single_source");
  });

  it("hears a source the document only describes ('a monitoring group says') as the named source of the same document that agrees with it", () => {
    const r = linkClaims(
      [
        claim({ documentId: "wire", source: "rights group", count: 400, qualifier: "more_than" }),
        claim({ documentId: "wire", source: "IHRNGO", count: 406, qualifier: "at_least" }),
        claim({ documentId: "other", source: "rights group", count: 410, qualifier: "more_than" }),
        claim({ documentId: "wire", source: "Kurdistan rights group", count: 405, qualifier: "more_than" }),
      ],
      { networkOf: testNetworks },
    );
    const fact = r.facts[0];
    expect(fact?.voices.map((v) => v.id).sort()).toEqual(["net:ihrngo", "src:rights group"]);
    expect(fact?.voices.find((v) => v.id === "net:ihrngo")?.claimIds).toHaveLength(3);
  });

  it("counts unrelated documents without sources as separate voices", () => {
    const r = linkClaims([claim({ count: 40 }), claim({ count: 40 })], opts);
    expect(r.facts[0]?.voices).toHaveLength(2);
    expect(r.facts[0]?.status).toBe("corroborated");
  });

  it("hears a wire service citing an organisation as that organisation", () => {
    const wire = claim({ source: "IHRNGO", reportedBy: "Reuters", count: 267 });
    expect(voiceOf(wire, testNetworks).id).toBe("net:ihrngo");
    const r = linkClaims([wire, claim({ source: "IHRNGO", count: 267 })], opts);
    expect(r.facts[0]?.voices).toHaveLength(1);
  });

  it("falls back to the outlet's network when no source is credited", () => {
    expect(voiceOf(claim({ reportedBy: "AFP" }), testNetworks)).toEqual({ id: "net:afp", registered: true });
    expect(voiceOf(claim({ source: "local activists" }), testNetworks)).toEqual({ id: "src:local activists", registered: false });
    expect(voiceOf(claim({ duplicateGroup: "g9" }), testNetworks).id).toBe("doc:g9");
  });

  it("uses the network recorded on the claim before asking the lookup", () => {
    expect(voiceOf(claim({ source: "Some Rapporteur", sourceNetwork: "un" }), testNetworks).id).toBe("net:un");
  });

  it("uses the seed registry when no lookup is given", () => {
    const r = linkClaims([claim({ source: "NCRI", count: 9 }), claim({ source: "PMOI/MEK", count: 9 })]);
    expect(r.facts[0]?.voices.map((v) => v.id)).toEqual(["net:ncri-pmoi"]);
  });
  it("keeps a voice's own hedged statement when a later relay repeats the count without its hedge", () => {
    const own = claim({ id: "own", documentId: "report", source: "Amnesty International", count: 314, qualifier: "at_least", published: "2022-05-24" });
    const relay = claim({ id: "relay", documentId: "wire", source: "Amnesty International", count: 314, qualifier: "exact", published: "2022-12-06" });
    const other = claim({ id: "other", documentId: "wire", source: "IHRNGO", count: 333, qualifier: "at_least", published: "2022-12-06" });
    const f = linkClaims([own, relay, other], opts).facts[0];
    const amnesty = f?.voices.find((v) => v.id === "net:amnesty");
    expect(amnesty?.figureClaimId).toBe("own");
    expect(amnesty?.qualifier).toBe("at_least");
    expect(f?.status).toBe("corroborated");
  });

  it("still takes a voice's later, different count as its figure (a revision)", () => {
    const first = claim({ id: "first", documentId: "r1", source: "Amnesty International", count: 314, qualifier: "at_least", published: "2022-05-24" });
    const later = claim({ id: "later", documentId: "r2", source: "Amnesty International", count: 330, qualifier: "exact", published: "2023-05-01" });
    const other = claim({ id: "other", documentId: "r3", source: "IHRNGO", count: 400, qualifier: "at_least", published: "2023-04-01" });
    const f = linkClaims([first, later, other], opts).facts[0];
    expect(f?.voices.find((v) => v.id === "net:amnesty")?.figureClaimId).toBe("later");
    expect(f?.status).toBe("contested");
  });
});
