// Asks for the reason of a rejection: Enter confirms, Escape cancels. A rejection needs a reason.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

export function RejectForm({ id, busy = false, onConfirm, onCancel }: { id: string; busy?: boolean; onConfirm(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return setProblem("Say why the claim is rejected: a rejection needs a reason.");
    onConfirm(reason.trim());
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form className="reject-form" onSubmit={submit} onKeyDown={keys} data-testid={`${id}-reject`}>
      <label>
        Reason for rejecting
        <input ref={input} name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} aria-describedby={`${id}-reject-hint`} />
      </label>
      <p className="hint" id={`${id}-reject-hint`}>
        Enter confirms the rejection, Escape cancels.
      </p>
      {problem ? (
        <p className="state problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Confirm rejection
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
