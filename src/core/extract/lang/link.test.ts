// A Persian and an English report of the same figure land on one fact, heard as one voice.
import { describe, expect, it } from "vitest";
import { linkClaims, type LinkClaim } from "../../linking/index.js";
import { defaultRegistry } from "../../sources.js";
import type { Claim } from "../../types.js";
import { extract } from "../index.js";

function asLinkClaim(c: Claim, doc: string, published: string): LinkClaim {
  return {
    id: `${doc}-${c.count}`, documentId: doc, documentName: `${doc}.txt`, published,
    event: c.event, count: c.count, qualifier: c.qualifier, period: c.period, place: c.place, victims: c.victims,
    source: c.source, sourceNetwork: c.source ? defaultRegistry.networkOf(c.source) : null,
    reportedBy: null, duplicateGroup: doc, quote: c.quote,
  };
}

describe("claims across languages", () => {
  it("makes one fact of a Persian and an English report of the same figure", () => {
    const en = extract("HRANA reported that at least 31 prisoners were executed in Iran in November 2023.", { document: "en.txt", published: "2023-12-04", language: "en" }).claims;
    const fa = extract("به گزارش هرانا، دست‌کم ۳۱ زندانی در ماه نوامبر ۲۰۲۳ در زندان‌های ایران اعدام شدند.", { document: "fa.txt", published: "2023-12-05", language: "fa" }).claims;
    expect(fa).toHaveLength(1);
    expect(en).toHaveLength(1);
    expect(fa[0]).toMatchObject({ source: en[0]?.source, place: en[0]?.place, period: en[0]?.period });
    const r = linkClaims([asLinkClaim(en[0] as Claim, "en", "2023-12-04"), asLinkClaim(fa[0] as Claim, "fa", "2023-12-05")]);
    expect(r.facts).toHaveLength(1);
    expect(r.facts[0]?.claims).toHaveLength(2);
    expect(r.facts[0]?.voices).toHaveLength(1);
  });
});
