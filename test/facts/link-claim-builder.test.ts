// LinkClaimBuilder: the linker's claims built from stored claims share what repeats (periods,
// victim lists) and carry the same fields as a claim built on its own.
import { describe, expect, it } from "vitest";
import { defaultRegistry } from "../../src/core/sources.js";
import { LinkClaimBuilder, toLinkClaims } from "../../src/services/facts-claims.js";
import type { DocumentSummary, StoredClaim } from "../../src/store/index.js";

function stored(id: number, documentId: number, fields: Partial<StoredClaim> = {}): StoredClaim {
  return {
    id, documentId, document: `report-${documentId}.txt`, documentPublished: null, sourceId: null, clutter: false, extractor: "test",
    createdAt: "2024-01-01T00:00:00Z", status: "proposed", proposal: null, reviewReason: null, reviewedBy: null, reviewedAt: null,
    restricted: false, supersededBy: null, factOverride: null,
    event: "execution", count: 40 + id, qualifier: "exact", period: { start: ["2022", "01", "01"].join("-"), end: `2022-12-${"31"}` },
    place: "Iran", victims: ["women", "protesters"].slice(0, 1 + (id % 2)) as StoredClaim["victims"], source: "Amnesty",
    quote: `At least ${40 + id} people were executed, Amnesty said.`, span: [10, 60], countSpan: [19, 21], ...fields,
  };
}

const doc = (id: number, publisher: string | null, published: string | null) =>
  ({ id, publisher, published }) as Pick<DocumentSummary, "id" | "publisher" | "published"> as DocumentSummary;

describe("LinkClaimBuilder", () => {
  it("shares one period object and one victim list per distinct value", () => {
    const b = new LinkClaimBuilder(defaultRegistry);
    b.addDocument(doc(1, "Daily Example", "2023-02-01"));
    const [x, y, z] = [stored(1, 1), stored(3, 1), stored(2, 1)].map((c) => b.claim(c, "dup-1"));
    expect(x?.period).toEqual({ start: "2022-01-01", end: "2022-12-31" });
    expect(x?.period).toBe(y?.period);
    expect(x?.victims).toBe(y?.victims);
    expect(x?.victims).toEqual(["women", "protesters"]);
    expect(z?.victims).toEqual(["women"]);
    expect(z?.victims).not.toBe(x?.victims);
  });

  it("gives each claim its document's fields, attribution and group, as a claim built alone", () => {
    const claims = [stored(1, 1), stored(2, 2, { source: null, period: null, place: null }), stored(3, 1, { documentPublished: "2023-03-04" })];
    const documents = new Map([[1, doc(1, "Daily Example", "2023-02-01")], [2, doc(2, "Reuters", null)]]);
    const built = toLinkClaims({ claims, documents }, new Map([[1, "dup-1"]]), defaultRegistry);
    expect(built.map((c) => [c.id, c.documentId, c.published, c.duplicateGroup, c.source, c.reportedBy, c.countAt ?? null])).toEqual([
      ["1", "1", "2023-02-01", "dup-1", "Amnesty International", "Daily Example", 9],
      ["2", "2", null, "dup-2", null, "Reuters", 9],
      ["3", "1", "2023-03-04", "dup-1", "Amnesty International", "Daily Example", 9],
    ]);
    expect(built[0]?.sourceNetwork).toBe(defaultRegistry.networkOf("Amnesty"));
    expect(built[1]?.period).toBeNull();
    expect(built[1]?.place).toBeNull();
  });
});
