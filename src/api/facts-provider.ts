// One FactsService per reader scope (full access, or without restricted material), relinked only
// when the ledger or the registry file changed. The audit trail's head numbers every change
// (ingest, review, restriction, by this server or a CLI on the same store), so it is the key.
import { stat } from "node:fs/promises";
import { FactsService } from "../services/facts.js";
import { loadRegistry, registryPath } from "../services/registry-file.js";
import type { SourceRegistry } from "../core/sources.js";
import type { Store } from "../store/index.js";

export class FactsProvider {
  private readonly current = new Map<string, { key: string; service: Promise<FactsService> }>();

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
  ) {}

  private async fingerprint(): Promise<string> {
    const [head, registry] = await Promise.all([
      this.store.auditHead(),
      stat(registryPath(this.dataDir)).then(
        (s) => s.mtimeMs,
        () => 0,
      ),
    ]);
    return `${head.seq}:${registry}`;
  }

  /** The facts service over the ledger as `reader` may see it (default: the provider's store). */
  async service(reader: Store = this.store): Promise<FactsService> {
    const scope = reader.access.restricted ? "full" : "public";
    const key = await this.fingerprint();
    const cached = this.current.get(scope);
    if (cached?.key === key) return cached.service;
    const service = FactsService.open(reader.withActor("system"), this.dataDir);
    const entry = { key, service };
    this.current.set(scope, entry);
    // A broken registry file is reported now and retried on the next request.
    service.catch(() => {
      if (this.current.get(scope) === entry) this.current.delete(scope);
    });
    return service;
  }

  /** The source registry (seed + the user's file), read afresh. */
  registry(): Promise<SourceRegistry> {
    return loadRegistry(this.dataDir);
  }

  /** Forget the linked facts (after an ingest through the API). */
  invalidate(): void {
    this.current.clear();
  }
}
