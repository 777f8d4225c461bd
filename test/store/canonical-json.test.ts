// The audit chain's canonical JSON is hashed into every event: a faster writer must give the
// same text as the plain definition (keys sorted at every level, undefined members left out).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, claimsDigest, claimsSnapshot, sha256Hex, type ClaimRowForAudit } from "../../src/store/audit-chain.js";

/** The definition, written the plain way. */
function reference(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(",")}}`;
}

describe("canonicalJson", () => {
  it("writes what the plain definition writes, for any JSON-like value", () => {
    const leaf = fc.oneof(fc.string({ unit: "grapheme" }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node")), fc.dictionary(fc.string({ unit: "binary" }), tie("node"))),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
  });

  it("sorts keys by code unit, drops undefined members and writes undefined elements as null", () => {
    expect(canonicalJson({ b: 1, a: [undefined, { "é": 1, z: 2, Z: undefined }], "": "x" })).toBe('{"":"x","a":[null,{"z":2,"é":1}],"b":1}');
  });
});

describe("claimsSnapshot", () => {
  it("records the claims in id order with the digest of their content", () => {
    const claim = (id: number, count: number): ClaimRowForAudit => ({
      id, event: "arrest", count, qualifier: "exact", period_start: "2020", period_end: "2020", year: 2020, place: "Somewhere",
      victims: "[]", source: null, quote: `${count} people were held`, span_start: 0, span_end: 5, count_start: null, count_end: null,
      clutter: 0, extractor_version: "x", confidence: 0.5,
    });
    const snap = claimsSnapshot([claim(9, 3), claim(2, 7)]);
    expect(snap.count).toBe(2);
    expect(snap.claims.map((c) => (c as { id: number; count: number }).id)).toEqual([2, 9]);
    expect(Object.keys(snap.claims[0] as object)[0]).toBe("id");
    const contents = snap.claims.map((c) => {
      const { id: _id, ...rest } = c as Record<string, unknown>;
      return rest;
    });
    expect(snap.digest).toBe(sha256Hex(reference(contents)));
    expect(snap.digest).toBe(claimsDigest([claim(2, 7), claim(9, 3)]));
  });
});
