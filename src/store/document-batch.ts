// A batch of document writes: checked one by one, stored together in one transaction, and when
// the database refuses the batch, each document again on its own, so that only the ones that
// cannot be stored fail (KyselyStore.putDocuments).
import type { DocumentWrite, DocumentWriteResult } from "./contracts/documents.js";
import { asError, checkedWrite } from "./relation-writes.js";

/** Stores `batch` through `writeTogether` (one audited transaction, all or nothing); a result or an error per write, in order. */
export async function writeBatch(batch: readonly DocumentWrite[], writeTogether: (writes: readonly DocumentWrite[]) => Promise<Array<{ id: number; created: boolean }>>): Promise<DocumentWriteResult[]> {
    const results: Array<DocumentWriteResult | undefined> = batch.map(() => undefined);
    const valid: Array<{ index: number; write: DocumentWrite }> = [];
    for (const [index, write] of batch.entries()) {
      try {
        valid.push({ index, write: checkedWrite(write) });
      } catch (error) {
        results[index] = { error: asError(error) };
      }
    }
    try {
      const stored = await writeTogether(valid.map((v) => v.write));
      for (const [k, v] of valid.entries()) results[v.index] = stored[k];
    } catch (error) {
      // One document the database refuses (or a failure of the batch as a whole): each document
      // again in its own transaction, so that only the ones that cannot be stored fail.
      if (valid.length === 1 && valid[0]) results[valid[0].index] = { error: asError(error) };
      else {
        for (const v of valid) {
          try {
            results[v.index] = (await writeTogether([v.write]))[0];
          } catch (single) {
            results[v.index] = { error: asError(single) };
          }
        }
      }
    }
    return results.map((r) => r ?? { error: new Error("the document write returned no result") });
}
