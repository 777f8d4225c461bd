// The server's facts. Every write to the ledger moves the audit trail's head, so a request sees at
// once (one one-row read and a stat of the registry file) whether the ledger changed since the facts
// were read; if it did, the FactsService holding them updates the stored facts of what changed
// (fact-sync.ts) and reads only the facts that changed since (LiveFacts; "linking" below is that
// update and read). A new FactsService reads them all: the first time, after the source registry
// changed, or when the stored facts were rebuilt meanwhile.
//
// A small ledger (up to SMALL_LEDGER_CLAIMS claims) is linked here, in well under a second, and
// every answer waits for it. A larger one is linked in a thread of its own (facts-thread.ts), which
// then answers the facts questions, so linking a million claims never stops the server:
// - service() answers from facts linked from the ledger as it is, waiting for the linking;
// - snapshot() answers at once: from the last linked facts, marked "stale", while newer ones are
//   linked (the thread answers from what it holds until its update is read), or with none ("linking") before
//   the first linking is done (`tally serve` starts it at once: warm()).
// Linked facts are kept per access scope: "full" (admins, analysts, the local operator) and
// "public" (viewers), each linked from the claims its readers may see.
import { stat } from "node:fs/promises";
import { FactsService, type FactsQueries } from "../services/facts.js";
import { loadRegistry, registryPath } from "../services/registry-file.js";
import type { SourceRegistry } from "../core/sources.js";
import { FULL_ACCESS, PUBLIC_ACCESS, type Store } from "../store/index.js";
import { FactsThread } from "./facts-thread.js";

/** Whether the facts of an answer are linked from the ledger as it is. */
export type FactsState = "fresh" | "stale" | "linking";

/** How current the facts of an answer are. */
export interface FactsStatus {
  state: FactsState;
  /** When the facts answered from were linked (ISO), null when there are none yet. */
  linkedAt: string | null;
}

/** Facts to answer from now: null while the first linking runs. */
export interface FactsSnapshot {
  facts: FactsQueries | null;
  status: FactsStatus;
}

/** The access scope of readers who may see restricted material. */
export const ALL = "full";

/** The facts scope of a reader's store. */
export function scopeOf(reader: Store): string {
  return reader.access.restricted ? ALL : "public";
}

/** Ledgers up to this many claims link in well under a second: here, and answers wait for them. */
export const SMALL_LEDGER_CLAIMS = 20_000;

/** What a linking was made from: the audit trail's head and the registry file's mtime. */
interface Version {
  seq: number;
  registry: number;
}

interface Linking {
  version: Version;
  facts: FactsQueries;
  linkedAt: string;
  claims: number;
  /** Brings these facts up to date in place, reading only what changed; resolves with the claims linked. */
  update(): Promise<number>;
  close(): void;
}

interface Scope {
  /** The store as this scope's readers see it. */
  reader: Store;
  current: Linking | null;
  refreshing: Promise<Linking> | null;
  /** The last linking failed for this version (a broken registry file, say). */
  failed: Version | null;
  /** Claims in the ledger when first asked, before any linking was done. */
  counted: number | null;
}

const same = (a: Version, b: Version) => a.seq === b.seq && a.registry === b.registry;

export class FactsProvider {
  private readonly scopes = new Map<string, Scope>();
  private readonly threads = new Set<FactsThread>();
  private readonly smallLedgerClaims: number;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    opts: { smallLedgerClaims?: number } = {},
  ) {
    this.smallLedgerClaims = opts.smallLedgerClaims ?? SMALL_LEDGER_CLAIMS;
  }

  private scope(name: string): Scope {
    let s = this.scopes.get(name);
    if (!s) {
      const reader = this.store.withActor("system").withAccess(name === ALL ? FULL_ACCESS : PUBLIC_ACCESS);
      s = { reader, current: null, refreshing: null, failed: null, counted: null };
      this.scopes.set(name, s);
    }
    return s;
  }

  private async version(): Promise<Version> {
    const [seq, registry] = await Promise.all([
      this.store.auditHead().then((h) => h.seq),
      stat(registryPath(this.dataDir)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ]);
    return { seq, registry };
  }

  /** Claims the ledger holds, as far as choosing where to link goes. */
  private async size(s: Scope): Promise<number> {
    return s.current?.claims ?? (s.counted ??= await s.reader.countClaims({ includeClutter: true }));
  }

  /** Starts linking for `version` unless a linking is already running (whose result the caller re-checks). */
  private refresh(s: Scope, version: Version): Promise<Linking> {
    if (s.refreshing) return s.refreshing;
    const run = (async (): Promise<Linking> => {
      // The facts held are brought up to date in place when they can be (what changed is read, not everything).
      const held = s.current;
      if (held && held.version.registry === version.registry) {
        const claims = await held.update().catch(() => null);
        if (claims !== null) return { ...held, version, linkedAt: new Date().toISOString(), claims };
      }
      if ((await this.size(s)) <= this.smallLedgerClaims) {
        const service = await FactsService.open(s.reader, this.dataDir);
        await service.prepare();
        const claims = await service.claimCount();
        const update = async () => {
          await service.refresh();
          await service.prepare();
          return service.claimCount();
        };
        return { version, facts: service, linkedAt: new Date().toISOString(), claims, update, close: () => undefined };
      }
      const thread = new FactsThread(s.reader, this.dataDir);
      this.threads.add(thread);
      const close = () => {
        this.threads.delete(thread);
        thread.close();
      };
      const claims = await thread.ready.catch((error: unknown) => {
        close();
        throw error;
      });
      return { version, facts: thread, linkedAt: new Date().toISOString(), claims, update: () => thread.update(), close };
    })();
    s.refreshing = run;
    run.then(
      (linking) => {
        const old = s.current;
        s.current = linking;
        s.failed = null;
        // Facts updated in place stay open; a new linking replaces the old one.
        if (old && old.facts !== linking.facts) old.close();
      },
      () => {
        s.failed = version;
      },
    );
    // Cleared whether it worked or not: a failed linking is tried again by the next request.
    void run
      .catch(() => undefined)
      .finally(() => {
        if (s.refreshing === run) s.refreshing = null;
      });
    return run;
  }

  /** Facts linked from the ledger as it is now (waits for linking). */
  async service(scope = ALL): Promise<FactsQueries> {
    const s = this.scope(scope);
    const version = await this.version();
    if (s.current && same(s.current.version, version)) return s.current.facts;
    // A linking started before this call may be for an older version: then one more.
    for (let i = 0; ; i++) {
      const linking = await this.refresh(s, version);
      if ((linking.version.seq >= version.seq && linking.version.registry === version.registry) || i > 0) return linking.facts;
    }
  }

  /**
   * Facts to answer from at once: those linked from the ledger as it is when there are, else (on a
   * ledger over SMALL_LEDGER_CLAIMS claims, or the limit given) the last linked ones while newer
   * ones are linked, or none before the first linking is done. A small ledger is waited for.
   */
  async snapshot(scope = ALL): Promise<FactsSnapshot> {
    const s = this.scope(scope);
    const version = await this.version();
    const current = s.current;
    if (current && same(current.version, version)) return { facts: current.facts, status: { state: "fresh", linkedAt: current.linkedAt } };
    // After a failed linking, this request tries again and waits (and reports the error if it fails again).
    const retry = s.failed !== null && same(s.failed, version) && !s.refreshing;
    if (retry || (await this.size(s)) <= this.smallLedgerClaims) {
      const facts = await this.service(scope);
      return { facts, status: { state: "fresh", linkedAt: s.current?.linkedAt ?? new Date().toISOString() } };
    }
    void this.refresh(s, version).catch(() => undefined);
    return current
      ? { facts: current.facts, status: { state: "stale", linkedAt: current.linkedAt } }
      : { facts: null, status: { state: "linking", linkedAt: null } };
  }

  /** Starts linking in the background (at server start), so that the first pages need not wait for it. */
  warm(scope = ALL): void {
    const s = this.scope(scope);
    void this.version()
      .then((version) => this.refresh(s, version))
      .catch(() => undefined);
  }

  /** The source registry (seed + the user's file), read afresh. */
  registry(): Promise<SourceRegistry> {
    return loadRegistry(this.dataDir);
  }

  /** Ends the linking threads (when the server stops); the provider is not used afterwards. */
  close(): void {
    for (const thread of this.threads) thread.close(true);
    this.threads.clear();
  }

  /** After an ingest through the API: starts linking again now (the audit trail shows the change). */
  invalidate(): void {
    for (const name of this.scopes.keys()) this.warm(name);
  }
}
