// Use cases of backup bundles (docs/backup.md): the whole ledger written to a file, and a bundle
// restored into an empty store and its audit trail verified. `tally export --all` and
// `tally import` perform these.
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, rename, stat, unlink } from "node:fs/promises";
import { z } from "zod";
import { Invalid } from "../../shared/errors.js";
import type { AuditReport, BundleSummary } from "../../store/index.js";
import { useCase } from "./use-case.js";

export type { BundleSummary };

const Summary = z.custom<BundleSummary>((v) => typeof v === "object" && v !== null);

/**
 * Writes a bundle of the ledger to `file`: next to it first (mode 0600: it holds password hashes),
 * then renamed into place. `public` leaves out restricted material, users, tokens and the trail.
 */
export const exportBundle = useCase({
  name: "bundles.export",
  role: "admin",
  input: z.object({ file: z.string().min(1), public: z.boolean().default(false) }),
  output: Summary,
  async run({ store }, { file, public: publicOnly }) {
    const partial = `${file}.partial-${process.pid}`;
    try {
      const summary = await store.exportBundle(createWriteStream(partial, { flags: "wx", mode: 0o600 }), { public: publicOnly });
      await chmod(partial, 0o600);
      await rename(partial, file);
      return summary;
    } catch (error) {
      await unlink(partial).catch(() => undefined);
      throw error;
    }
  },
});

/** Restores a bundle into an empty store, then verifies the audit trail it brought. */
export const importBundle = useCase({
  name: "bundles.import",
  role: "admin",
  input: z.object({ file: z.string().min(1) }),
  output: z.object({ summary: Summary, audit: z.custom<AuditReport>((v) => typeof v === "object" && v !== null) }),
  async run({ store }, { file }) {
    if (!(await stat(file)).isFile()) throw new Invalid("not a file", "file");
    const summary = await store.importBundle(createReadStream(file));
    return { summary, audit: await store.verifyAudit() };
  },
});
