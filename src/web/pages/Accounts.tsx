// Accounts (admins): the users with their roles, disabled or locked after wrong passwords (an admin unlocks them); making
// an account (its password is shown once), changing a role, disabling or enabling, resetting a
// password; every API token with revoking. Each change goes through the API, which records it in
// the audit trail.
import { useState, type FormEvent } from "react";
import { messageOf, post, send, type Role } from "../api.js";
import { useApi } from "../hooks.js";
import { Announce, Empty, Show } from "../ui.js";

interface User {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  lockedUntil?: string | null;
  createdAt: string;
}
interface Token {
  id: number;
  userId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const ROLES: readonly Role[] = ["viewer", "analyst", "admin"];

/** A password shown once, to hand over. */
function Secret({ who, password }: { who: string; password: string }) {
  return (
    <p className="state" role="status" data-testid="new-password">
      Password of <strong>{who}</strong>, shown once: <code className="hash">{password}</code> — hand it over now; it can only be reset, never shown again.
    </p>
  );
}

export function AccountsPage() {
  const [version, setVersion] = useState(0);
  const users = useApi<{ users: User[] }>("/users", version, true);
  const tokens = useApi<{ tokens: Token[] }>("/tokens", version, true);
  const [draft, setDraft] = useState<{ name: string; role: Role }>({ name: "", role: "analyst" });
  const [secret, setSecret] = useState<{ who: string; password: string } | null>(null);
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (what: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await what();
      setMessage(done);
      setVersion((v) => v + 1);
    } catch (err) {
      setProblem(`Not done: ${messageOf(err)}`);
    }
  };
  const create = (e: FormEvent) => {
    e.preventDefault();
    const name = draft.name.trim();
    void act(async () => {
      const made = await post<{ user: User; password: string | null }>("/users", { name, role: draft.role });
      if (made.password) setSecret({ who: made.user.name, password: made.password });
      setDraft({ name: "", role: draft.role });
    }, `Account ${name} made (${draft.role}).`);
  };
  const update = (u: User, patch: { role?: Role; disabled?: boolean; unlock?: true; resetPassword?: boolean }, done: string) =>
    act(async () => {
      const r = await send<{ user: User; password: string | null }>("PATCH", `/users/${u.id}`, patch);
      if (r.password) setSecret({ who: u.name, password: r.password });
    }, done);
  return (
    <>
      <h1>Accounts</h1>
      <Announce message={message} />
      {problem ? (
        <p className="state problem" role="alert">
          {problem}
        </p>
      ) : null}
      {secret ? <Secret who={secret.who} password={secret.password} /> : null}
      <form className="filters" onSubmit={create} aria-label="Make an account">
        <label>
          Name
          <input name="name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required maxLength={64} data-testid="new-user-name" />
        </label>
        <label>
          Role
          <select name="role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as Role })} data-testid="new-user-role">
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit">Make the account</button>
      </form>
      <p className="hint">Admins do everything, accounts included; analysts ingest, review and restrict; viewers read, never restricted material.</p>
      <section aria-labelledby="h-users">
        <h2 id="h-users">Users</h2>
        <Show value={users} what="the accounts">
          {(d) =>
            d.users.length === 0 ? (
              <Empty>No accounts yet: the server runs in single-user mode on this machine. The first account ends it.</Empty>
            ) : (
              <table className="data" data-testid="users-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Role</th>
                    <th scope="col">State</th>
                    <th scope="col">Since</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {d.users.map((u) => (
                    <tr key={u.id} data-user={u.name}>
                      <td>{u.name}</td>
                      <td>
                        <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void update(u, { role: e.target.value as Role }, `${u.name} is now ${e.target.value}.`)}>
                          {ROLES.map((r) => (
                            <option key={r}>{r}</option>
                          ))}
                        </select>
                      </td>
                      <td>{u.disabled ? "disabled" : u.lockedUntil ? `locked until ${u.lockedUntil.slice(0, 16).replace("T", " ")}` : "active"}</td>
                      <td className="meta">{u.createdAt.slice(0, 10)}</td>
                      <td>
                        <button type="button" className="secondary" onClick={() => void update(u, { disabled: !u.disabled }, `${u.name} is ${u.disabled ? "enabled" : "disabled"}.`)}>
                          {u.disabled ? "Enable" : "Disable"}
                        </button>{" "}
                        {u.lockedUntil ? (
                          <>
                            <button type="button" className="secondary" onClick={() => void update(u, { unlock: true }, `${u.name} is unlocked.`)}>
                              Unlock
                            </button>{" "}
                          </>
                        ) : null}
                        <button type="button" className="secondary" onClick={() => void update(u, { resetPassword: true }, `${u.name}'s password is reset.`)}>
                          Reset password
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Show>
      </section>
      <section aria-labelledby="h-tokens">
        <h2 id="h-tokens">API tokens</h2>
        <Show value={tokens} what="the tokens">
          {(d) =>
            d.tokens.length === 0 ? (
              <Empty>No API tokens.</Empty>
            ) : (
              <table className="data" data-testid="tokens-table">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">User</th>
                    <th scope="col">Made</th>
                    <th scope="col">Last used</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {d.tokens.map((t) => (
                    <tr key={t.id}>
                      <td>{t.name}</td>
                      <td>{(users.state === "done" ? users.data.users.find((u) => u.id === t.userId)?.name : undefined) ?? `user ${t.userId}`}</td>
                      <td className="meta">{t.createdAt.slice(0, 10)}</td>
                      <td className="meta">{t.lastUsedAt?.slice(0, 10) ?? "never"}</td>
                      <td>
                        {t.revokedAt ? (
                          `revoked ${t.revokedAt.slice(0, 10)}`
                        ) : (
                          <button type="button" className="secondary" onClick={() => void act(() => send("DELETE", `/tokens/${t.id}`), `Token ${t.name} revoked.`)}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Show>
      </section>
    </>
  );
}
