// One FactsService for the server, relinked only when the ledger or the registry file changed
// (the service links all claims once and caches the result; a CLI ingest into the same store
// while the server runs changes the counts, so the next request relinks).
import { stat } from "node:fs/promises";
import { FactsService } from "../services/facts.js";
import { loadRegistry, registryPath } from "../services/registry-file.js";
import type { SourceRegistry } from "../core/sources.js";
import type { Store } from "../store/index.js";

export class FactsProvider {
  private current: { key: string; service: Promise<FactsService> } | null = null;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
  ) {}

  private async fingerprint(): Promise<string> {
    const [documents, claims, registry] = await Promise.all([
      this.store.countDocuments(),
      this.store.countClaims({ includeClutter: true }),
      stat(registryPath(this.dataDir)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ]);
    return `${documents}:${claims}:${registry}`;
  }

  /** The facts service over the current ledger. */
  async service(): Promise<FactsService> {
    const key = await this.fingerprint();
    if (this.current?.key !== key) {
      const service = FactsService.open(this.store, this.dataDir);
      const entry = { key, service };
      this.current = entry;
      // A broken registry file is reported now and retried on the next request.
      service.catch(() => {
        if (this.current === entry) this.current = null;
      });
    }
    return this.current.service;
  }

  /** The source registry (seed + the user's file), read afresh. */
  registry(): Promise<SourceRegistry> {
    return loadRegistry(this.dataDir);
  }

  /** Forget the linked facts (after an ingest through the API). */
  invalidate(): void {
    this.current = null;
  }
}
