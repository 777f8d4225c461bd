// Sign in: a name and a password, sent once in a POST body. The password is never kept: not in
// the address, not in storage, and the field is emptied after each attempt.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiProblem, login, type Session } from "../api.js";

function plainWords(err: unknown): string {
  if (err instanceof ApiProblem) {
    if (err.status === 401) return "Wrong user name or password. Check both and try again.";
    if (err.status === 429) {
      const until = /until (\S+)/.exec(err.message)?.[1];
      if (until) {
        const when = new Date(until);
        const at = Number.isNaN(when.getTime()) ? until : when.toLocaleString("en-GB");
        return `This account is locked after repeated failed sign-ins. Try again after ${at}, or ask an admin to reset it.`;
      }
      return `Too many sign-in attempts: ${err.message}.`;
    }
    if (err.status === 400) return "Give both a user name and a password.";
    return err.message;
  }
  return err instanceof Error ? err.message : String(err);
}

export function LoginPage({ onSignedIn, expired }: { onSignedIn: (s: Session) => void; expired: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    nameRef.current?.focus();
    document.title = "Sign in · Tally";
  }, []);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const name = String(data.get("name") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const pwField = form.elements.namedItem("password") as HTMLInputElement | null;
    if (pwField) pwField.value = "";
    if (!name || !password) {
      setError("Give both a user name and a password.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(name, password));
    } catch (err) {
      setError(plainWords(err));
      setBusy(false);
      pwField?.focus();
    }
  };

  return (
    <div className="login">
      <h1>Sign in to Tally</h1>
      {expired ? <p className="state">Your session has ended. Sign in again to go on.</p> : null}
      {/* method=post: even without scripts the password never lands in the address. */}
      <form className="stack" method="post" action="/api/v1/auth/login" onSubmit={(e) => void submit(e)} aria-describedby={error ? "login-error" : undefined}>
        <label>
          User name
          <input ref={nameRef} name="name" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {error ? (
        <p id="login-error" className="state problem" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
