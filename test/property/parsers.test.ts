// Property-based tests (fast-check) of the parsers that meet untrusted input (issue 22): manifests,
// dates, addresses in URLs, the API's query strings and backup bundles. Each property states what
// must hold for any input, not for a few chosen ones.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/ingest/errors.js";
import { isIsoDatePrefix } from "../../src/ingest/dates.js";
import { parseManifest } from "../../src/ingest/manifest.js";
import { embeddedIpv4, isPrivateAddress } from "../../src/ingest/private-address.js";
import { openStore, type Store } from "../../src/store/index.js";
import { fillStore } from "../backup/backup-fixture.js";
import { makeLedger, type Ledger } from "../api/helpers.js";

const date = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.string({ maxLength: 12 }),
);

describe("manifests", () => {
  it("any JSON text: an InputError or a manifest whose entries are all valid", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)), fc.jsonValue().map((v) => JSON.stringify({ documents: v }))), (text) => {
        let manifest;
        try {
          manifest = parseManifest(text, "m.json");
        } catch (err) {
          expect(err).toBeInstanceOf(InputError);
          return;
        }
        for (const d of manifest.documents) {
          expect(typeof d.file).toBe("string");
          expect(d.published === null || isIsoDatePrefix(d.published)).toBe(true);
          expect(d.publisher === null || typeof d.publisher === "string").toBe(true);
        }
        for (const r of manifest.rejected) expect(r.error.message).toMatch(/^m\.json: documents\[\d+\]/);
      }),
      { numRuns: 300 },
    );
  });

  it("entries with any dates: each kept exactly when valid, refused alone (naming its field) when not", () => {
    const entry = fc.record({ published: fc.option(date, { nil: null }), publisher: fc.option(fc.string({ maxLength: 20 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const documents = entries.map((e, i) => ({ file: `f${i}.txt`, ...e }));
        const m = parseManifest(JSON.stringify({ documents }), "m.json");
        const good = documents.filter((d) => d.published === null || isIsoDatePrefix(d.published));
        expect(m.documents).toEqual(good.map((d) => ({ file: d.file, published: d.published, publisher: d.publisher, url: null })));
        expect(m.rejected.map((r) => r.file)).toEqual(documents.filter((d) => !good.includes(d)).map((d) => d.file));
        for (const r of m.rejected) expect(r.error.reason).toMatch(/\): published is /);
      }),
      { numRuns: 200 },
    );
  });
});

describe("addresses in URLs", () => {
  const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join("."));
  it("an IPv4-mapped IPv6 address is judged as its IPv4 address, in whatever form the URL parser writes it", () => {
    fc.assert(
      fc.property(v4, fc.constantFrom("::ffff:", "0:0:0:0:0:ffff:", "::FFFF:"), (address, prefix) => {
        const host = new URL(`http://[${prefix}${address}]/`).hostname.replace(/^\[|\]$/g, "");
        expect(embeddedIpv4(host)).toBe(address);
        expect(isPrivateAddress(host)).toBe(isPrivateAddress(address));
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on any string", () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (s) => void isPrivateAddress(s)), { numRuns: 500 });
  });
});

describe("the API's query strings", () => {
  let L: Ledger;
  beforeAll(async () => {
    L = await makeLedger();
  });
  afterAll(async () => {
    await L?.close();
  });

  it("any query parameters: 200, or 400 with the one error shape; never a server error", async () => {
    const value = fc.oneof(fc.string({ maxLength: 20 }), date, fc.integer().map(String), fc.constantFrom("execution", "killing,arrest", "period", "-1", "1e9", "NaN", "%00", "[]"));
    const params = fc.dictionary(fc.constantFrom("limit", "offset", "event", "from", "to", "sort", "place", "source", "victims", "status", "q", "window", "by", "voices", "format"), value, { maxKeys: 5 });
    const path = fc.constantFrom("/claims", "/documents", "/facts", "/search", "/timeline", "/overview", "/exports/claims", "/review/queue", "/conflicts");
    await fc.assert(
      fc.asyncProperty(path, params, async (p, q) => {
        const r = await L.app.request(`/api/v1${p}?${new URLSearchParams(q).toString()}`);
        expect([200, 400], `${p}?${new URLSearchParams(q).toString()}`).toContain(r.status);
        if (r.status === 400) expect(((await r.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
      }),
      { numRuns: 150 },
    );
  });
});

describe("backup bundles", () => {
  let dir: string;
  let bundle: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tally-prop-bundle-"));
    const store = await openStore({ dataDir: join(dir, "source") });
    await fillStore(store);
    const chunks: Buffer[] = [];
    await store.exportBundle(new Writable({ write: (c: Buffer, _e, done) => void (chunks.push(c), done()) }));
    await store.close();
    bundle = Buffer.concat(chunks);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("a bundle with any bytes changed or cut: restored whole and verified, or refused leaving the store empty", async () => {
    let n = 0;
    const damage = fc.oneof(
      fc.record({ at: fc.nat(), byte: fc.nat(255) }).map(({ at, byte }) => (b: Buffer) => {
        const copy = Buffer.from(b);
        copy[at % copy.length] = byte;
        return copy;
      }),
      fc.nat().map((at) => (b: Buffer) => b.subarray(0, at % b.length)),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const store: Store = await openStore({ dataDir: join(dir, `target-${n++}`) });
        try {
          const ok = await store.importBundle(Readable.from([hurt(bundle)])).then(() => true, () => false);
          if (ok) expect((await store.verifyAudit()).ok).toBe(true);
          else {
            expect(await store.countDocuments()).toBe(0);
            expect((await store.listAuditEvents({})).length).toBe(0);
          }
        } finally {
          await store.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
