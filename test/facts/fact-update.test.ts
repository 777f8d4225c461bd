// Property: stored facts kept current document by document (added, changed, removed) are exactly
// the facts a full linking of the claims gives, with their parents, contradictions and revisions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linkClaims, type Fact, type LinkClaim, type LinkResult } from "../../src/core/linking/index.js";
import { MemoryFactStore } from "../../src/services/fact-memory.js";
import { assemble, partitionClaims, rebuildFacts, updateDocuments, type ClaimSnapshot } from "../../src/services/fact-update.js";
import { LiveFacts } from "../../src/services/live-facts.js";
import { linkedOf, linkedOfView, lookups, reasonOf, revisionsWritten, type Lookups } from "../../src/services/fact-lookups.js";
import type { StoredFacts } from "../../src/store/index.js";
import { month, PROPERTY_QUALIFIERS as QUALIFIERS, PROPERTY_QUOTES as QUOTES, PROPERTY_SOURCES as SOURCES, PROPERTY_VICTIMS as VICTIMS, testNetworks, year } from "../linking/claim-factory.js";

const PLACES = ["Iran", "Iran", "Tehran", "Sistan and Baluchestan", "Zahedan", "Iraq", null];

const claimArb = fc.record({
  doc: fc.integer({ min: 0, max: 5 }),
  source: fc.constantFrom(...SOURCES),
  place: fc.constantFrom(...PLACES),
  count: fc.constantFrom(20, 140, 150, 225, 246, 267, 1500),
  qualifier: fc.constantFrom(...QUALIFIERS),
  victims: fc.constantFrom(...VICTIMS),
  period: fc.constantFrom(year(2020), year(2020), year(2021), month(2020, 11), month(2021, 11), month(2020, 3), null),
  published: fc.constantFrom("2020-10-15", "2021-02", "2022-01-10", null),
  quote: fc.constantFrom(...QUOTES),
  event: fc.constantFrom("execution" as const, "killing" as const, "arrest" as const),
});

type RawClaim = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;

function toClaims(raw: RawClaim[], prefix: string): LinkClaim[] {
  return raw.map((r, i) => {
    const doc = `d${r.doc}`;
    return {
      id: `${prefix}${String(i).padStart(3, "0")}`, documentId: doc, documentName: `${doc}.txt`, published: r.published, event: r.event,
      count: r.count, qualifier: r.qualifier, period: r.period, place: r.place, victims: r.victims, source: r.source,
      sourceNetwork: null, reportedBy: r.source ? null : "Daily Paper", duplicateGroup: doc, quote: r.quote,
    };
  });
}

const snap = (c: LinkClaim): ClaimSnapshot => ({ claim: c, credited: c.source, periodLabel: null });
const state = (seq: number) => ({ syncedSeq: seq, digest: "test", builtAt: "2026-01-01T00:00:00Z" });
const docsOf = (claims: LinkClaim[]) => [...new Set(claims.map((c) => c.documentId))].sort();

/** What a reader sees of a linking: every field of facts, contradictions and revisions. */
/** The stored facts handed over by a rebuild, assembled as a one-family reader does, every reason written out. */
function linkedResult(stored: StoredFacts): LinkResult {
  const linked = linkedOf(assemble(stored), stored.claims);
  const r = linked.result;
  return { facts: r.facts, contradictions: r.contradictions.map((c) => ({ ...c, reason: reasonOf(linked, c) })), revisions: revisionsWritten(linked, r.revisions) };
}

function view(r: LinkResult) {
  return {
    facts: r.facts.map((f) => ({ ...f, claims: f.claims.map((c) => c.id) })),
    contradictions: r.contradictions,
    revisions: r.revisions,
  };
}

async function stored(fs: MemoryFactStore): Promise<LinkResult> {
  return assemble(await fs.load("full"));
}

describe("stored facts updated document by document", () => {
  it("equal a full linking after each document is added, changed or removed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimArb, { maxLength: 30 }), fc.array(claimArb, { maxLength: 6 }), fc.integer({ min: 0, max: 5 }), async (raw, changed, removed) => {
        const fs = new MemoryFactStore();
        await fs.apply("full", { clear: true, deleteFacts: [], upsertFacts: [], parents: [], removeDocuments: [], addClaims: [], deleteConflicts: [], addConflicts: [], state: state(0) });
        let current: LinkClaim[] = [];
        const all = toClaims(raw, "a");
        let seq = 0;
        // A reader holding the facts, kept current from what changed (the server's way), reads what a fresh load gives.
        const reader = new LiveFacts(await fs.load("full"));
        let held: Lookups = lookups(linkedOfView(reader));
        const readerAgrees = async () => {
          const delta = await fs.changesSince("full", reader.version);
          expect(delta).not.toBeNull();
          const d = delta as NonNullable<typeof delta>;
          reader.apply(d);
          expect(view(reader.written())).toEqual(view(await stored(fs)));
          // Its lookups, updated from the ones held (the ranking merged, not redone), equal fresh ones.
          const conflicts = new Set([...d.droppedConflicts, ...d.conflicts.map((c) => c.contradiction.id)]);
          const updated = lookups(linkedOfView(reader, { lookups: held, conflicts }));
          const loaded = await fs.load("full");
          const fresh = lookups(linkedOf(assemble(loaded), loaded.claims));
          expect(updated.ranked.map((c) => c.id)).toEqual(fresh.ranked.map((c) => c.id));
          const ids = loaded.claims.map((r) => r.claim.id);
          expect(ids.map((id) => updated.factOfClaim.get(id))).toEqual(ids.map((id) => fresh.factOfClaim.get(id)));
          const written = linkedOfView(reader);
          expect(Object.fromEntries([...updated.revisions].map(([id, list]) => [id, revisionsWritten(written, list)]))).toEqual(Object.fromEntries(fresh.revisions));
          held = updated;
        };
        for (const doc of docsOf(all)) {
          const mine = all.filter((c) => c.documentId === doc);
          current = [...current, ...mine];
          expect(await updateDocuments(fs, "full", [doc], mine.map(snap), testNetworks, state(++seq), seq - 1)).not.toBeNull();
          expect(view(await stored(fs))).toEqual(view(linkClaims(current, { networkOf: testNetworks })));
          if (doc.endsWith("1") || doc.endsWith("3")) await readerAgrees();
        }
        await readerAgrees();
        // A document's claims replaced (re-extracted, corrected), another removed (restricted).
        const target = `d${changed[0]?.doc ?? 0}`;
        const replacement = toClaims(changed.map((c) => ({ ...c, doc: Number(target.slice(1)) })), "b");
        current = [...current.filter((c) => c.documentId !== target), ...replacement];
        await updateDocuments(fs, "full", [target], replacement.map(snap), testNetworks, state(++seq));
        expect(view(await stored(fs))).toEqual(view(linkClaims(current, { networkOf: testNetworks })));
        current = current.filter((c) => c.documentId !== `d${removed}`);
        await updateDocuments(fs, "full", [`d${removed}`], [], testNetworks, state(++seq));
        expect(view(await stored(fs))).toEqual(view(linkClaims(current, { networkOf: testNetworks })));
        await readerAgrees();
        // After a rebuild, what changed cannot be read as changes: the reader must load again.
        await rebuildFacts(fs, "full", current.map(snap), testNetworks, state(++seq));
        expect(await fs.changesSince("full", reader.version)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it("a rebuild stores what a full linking gives", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimArb, { maxLength: 30 }), async (raw) => {
        const fs = new MemoryFactStore();
        const claims = toClaims(raw, "a");
        await rebuildFacts(fs, "full", claims.map(snap), testNetworks, state(1));
        expect(view(await stored(fs))).toEqual(view(linkClaims(claims, { networkOf: testNetworks })));
      }),
      { numRuns: 100 },
    );
  });

  it("a rebuild from claims by partition stores and returns what one from the list does, and takes the partitions over", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(claimArb, { maxLength: 30 }), async (raw) => {
        const claims = toClaims(raw, "a");
        const listed = await rebuildFacts(new MemoryFactStore(), "full", claims.map(snap), testNetworks, state(1));
        const fs = new MemoryFactStore();
        const partitions = partitionClaims(claims.map(snap));
        const parted = await rebuildFacts(fs, "full", partitions, testNetworks, state(1));
        expect(partitions.size).toBe(0);
        expect(JSON.stringify(parted)).toBe(JSON.stringify(listed));
        // The reasons are handed over as codes where they can be written again: written out, the same.
        expect(view(new LiveFacts(parted).written())).toEqual(view(assemble(await fs.load("full"))));
        expect(view(linkedResult(parted))).toEqual(view(assemble(await fs.load("full"))));
        // The claims are handed over as stored, but without their dating keys (the store keeps them).
        const stored = new Map((await fs.load("full")).claims.map((r) => [r.claim.id, r]));
        for (const r of parted.claims) expect({ ...r, datingKey: stored.get(r.claim.id)?.datingKey }).toEqual(stored.get(r.claim.id));
        expect(parted.claims.every((r) => r.datingKey === null)).toBe(true);
        expect(view(linkedResult(parted))).toEqual(view(linkClaims(claims, { networkOf: testNetworks })));
        if (parted.conflicts.length > 0) expect(parted.conflicts.some((c) => c.contradiction.reason.length === 1)).toBe(true);
        // A stored fact has the linker's fields in the linker's order (the stored JSON does not change).
        const linked = new Map(linkClaims(claims, { networkOf: testNetworks }).facts.map((f) => [f.id, f]));
        for (const f of parted.facts) {
          const { claims: _claims, children: _children, contradictionIds: _ids, ...rest } = linked.get(f.id) as Fact;
          expect(Object.keys(f)).toEqual([...Object.keys(rest), "revisions", "contradictedClaims"]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("refuses an update when the stored facts moved past the sequence it started from", async () => {
    const fs = new MemoryFactStore();
    const claims = toClaims([{ doc: 0, source: "IHRNGO", place: "Iran", count: 150, qualifier: "exact", victims: [], period: year(2020), published: null, quote: QUOTES[3] as string, event: "execution" }], "a");
    await rebuildFacts(fs, "full", [], testNetworks, state(4));
    expect(await updateDocuments(fs, "full", ["d0"], claims.map(snap), testNetworks, state(6), 5)).toBeNull();
    expect((await fs.load("full")).facts).toEqual([]);
    expect(await updateDocuments(fs, "full", ["d0"], claims.map(snap), testNetworks, state(6), 4)).not.toBeNull();
    expect((await fs.load("full")).facts).toHaveLength(1);
  });
});
