// An analyst's buttons for one claim outside the review queue: accept, reject (with a reason),
// edit (a correction), reopen, and restrict or release.
import { useState } from "react";
import { decide, messageOf, setRestricted, type Claim, type ClaimFields, type Decision } from "../api.js";
import { ClaimForm, changedFields } from "./ClaimForm.js";
import { RejectForm } from "./RejectForm.js";

export function ClaimActions({ claim, onChanged }: { claim: Claim; onChanged(message: string): void }) {
  const [mode, setMode] = useState<"view" | "reject" | "edit">("view");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setMode("view");
      onChanged(message);
    } catch (err) {
      setError(`Not saved: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const act = (d: Decision, message: string) => void run(() => decide(claim.id, d), message);
  const correct = (fields: ClaimFields, reason: string) => {
    const changes = changedFields(claim, fields);
    if (Object.keys(changes).length === 0) return setError("Nothing was changed.");
    act({ action: "correct", fields: changes, ...(reason ? { reason } : {}) }, `Corrected claim ${claim.id}: ${Object.keys(changes).join(", ")} changed.`);
  };
  const decided = claim.status !== "proposed";
  return (
    <div className="claim-actions" data-testid="claim-actions">
      <div className="actions" role="group" aria-label={`Decide on claim ${claim.id}`}>
        {claim.status !== "accepted" && claim.status !== "added" && claim.status !== "corrected" ? (
          <button type="button" onClick={() => act({ action: "accept" }, `Accepted claim ${claim.id}.`)} disabled={busy || mode !== "view"}>
            Accept
          </button>
        ) : null}
        {claim.status !== "rejected" ? (
          <button type="button" className="danger" onClick={() => setMode("reject")} disabled={busy || mode !== "view"}>
            Reject…
          </button>
        ) : null}
        <button type="button" className="secondary" onClick={() => setMode("edit")} disabled={busy || mode !== "view"}>
          Edit
        </button>
        {decided && claim.status !== "added" ? (
          <button type="button" className="secondary" onClick={() => act({ action: "reopen" }, `Claim ${claim.id} is back in the review queue.`)} disabled={busy || mode !== "view"}>
            Reopen
          </button>
        ) : null}
        <button
          type="button"
          className="secondary"
          aria-pressed={claim.restricted}
          onClick={() => void run(() => setRestricted("claim", claim.id, !claim.restricted), claim.restricted ? `Claim ${claim.id} is released.` : `Claim ${claim.id} is now restricted.`)}
          disabled={busy}
        >
          {claim.restricted ? "Release (unrestrict)" : "Restrict"}
        </button>
      </div>
      {error ? (
        <p className="state problem" role="alert">
          {error}
        </p>
      ) : null}
      {mode === "reject" ? <RejectForm id={`claim-${claim.id}`} busy={busy} onConfirm={(reason) => act({ action: "reject", reason }, `Rejected claim ${claim.id}: ${reason}. Rejected claims are no longer highlighted in the text.`)} onCancel={() => setMode("view")} /> : null}
      {mode === "edit" ? (
        <ClaimForm id={`claim-${claim.id}-edit`} legend={`Correct claim ${claim.id}`} initial={claim} submitLabel="Save the correction" busy={busy} onSubmit={correct} onCancel={() => setMode("view")} />
      ) : null}
    </div>
  );
}
