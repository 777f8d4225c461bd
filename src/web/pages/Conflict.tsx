// One conflict by its permalink (/conflicts/{id}): the contradiction, the facts it joins, and
// every claim in it with its sentence and document; the same as CSV or JSON (`.csv`, `.json`).
import type { ConflictList } from "../api.js";
import { API } from "../api.js";
import { useApi } from "../hooks.js";
import { Link } from "../router.js";
import { SeverityBadge, Show } from "../ui.js";

type Conflict = ConflictList["conflicts"][number];

/** Download links of one fact or conflict: its `.csv` and `.json`. */
export function ItemExports({ path, name }: { path: string; name: string }) {
  return (
    <p className="exports" data-testid="item-exports">
      This {name} as <a href={`${API}${path}.csv`} download>CSV</a> or <a href={`${API}${path}.json`} download>JSON</a>
    </p>
  );
}

export function ConflictPage({ id }: { id: string }) {
  const data = useApi<Conflict>(`/conflicts/${encodeURIComponent(id)}`);
  return (
    <Show value={data} what="the conflict">
      {(k) => (
        <section aria-labelledby="h-conflict" data-testid="conflict-detail">
          <h1 id="h-conflict">
            <SeverityBadge severity={k.severity} /> {k.kind.replaceAll("_", " ")}
          </h1>
          <p className="reason">{k.reason}</p>
          <p className="meta">
            {k.independent ? "Independent voices" : "Voices that are not independent"} · permalink <code>{k.id}</code>
          </p>
          <ItemExports path={`/conflicts/${encodeURIComponent(k.id)}`} name="conflict" />
          <h2>Facts</h2>
          <ul className="plain">
            {k.facts.map((f) => (
              <li key={f.id}>
                <Link href={`/facts/${f.id}`}>{f.description}</Link>
              </li>
            ))}
          </ul>
          <h2>Claims</h2>
          <div className="table-wrap">
            <table className="data" data-testid="conflict-claims">
              <thead>
                <tr>
                  <th scope="col">Figure</th>
                  <th scope="col">Voice</th>
                  <th scope="col">Document</th>
                  <th scope="col">Sentence</th>
                </tr>
              </thead>
              <tbody>
                {k.claims.map((c) => (
                  <tr key={c.id}>
                    <td className="num">{c.figure}</td>
                    <td>{c.voice ?? c.source ?? "publisher"}</td>
                    <td>
                      <Link href={`/documents/${c.documentId}`}>{c.document}</Link>
                      <div className="meta">{c.published ?? "undated"}</div>
                    </td>
                    <td className="quote" dir="auto">
                      {c.quote}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </Show>
  );
}
