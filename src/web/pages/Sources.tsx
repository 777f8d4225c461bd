// Sources: the registry's networks and sources with the stored claims of each.
import type { Sources } from "../api.js";
import { useApi } from "../hooks.js";
import { Downloads } from "../components/Downloads.js";
import { Link } from "../router.js";
import { Empty, Show, fmt } from "../ui.js";

export function SourcesPage() {
  const data = useApi<Sources>("/sources");
  return (
    <>
      <h1>Sources</h1>
      <p className="hint">Sources of one network count as one voice when facts are weighed.</p>
      <Downloads path="/sources" what="The sources" testId="sources" />
      <Show value={data} what="sources">
        {(s) => (
          <>
            <section aria-labelledby="h-net">
              <h2 id="h-net">Networks</h2>
              <div className="table-wrap">
                <table className="data" data-testid="networks-table">
                  <thead>
                    <tr>
                      <th scope="col">Network</th>
                      <th scope="col">Sources</th>
                      <th scope="col">Claims</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...s.networks]
                      .sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name))
                      .map((n) => (
                        <tr key={n.id}>
                          <th scope="row">
                            {n.name}
                            {n.note ? <div className="meta">{n.note}</div> : null}
                          </th>
                          <td>{n.sources.join(", ") || "—"}</td>
                          <td className="num">{fmt(n.claims)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="h-src">
              <h2 id="h-src">Sources with claims</h2>
              {s.sources.filter((x) => x.claims > 0).length === 0 ? (
                <Empty>No stored claim credits a registered source yet.</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="data">
                    <thead>
                      <tr>
                        <th scope="col">Source</th>
                        <th scope="col">Kind</th>
                        <th scope="col">Network</th>
                        <th scope="col">Claims</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.sources
                        .filter((x) => x.claims > 0)
                        .sort((a, b) => b.claims - a.claims)
                        .map((x) => (
                          <tr key={x.id}>
                            <th scope="row">
                              <Link href={`/sources/${encodeURIComponent(x.short)}`}>{x.short}</Link> <span className="meta">{x.name}</span>
                            </th>
                            <td>{x.kind}</td>
                            <td>{x.networkName}</td>
                            <td className="num">{fmt(x.claims)}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              )}
              <p>
                {fmt(s.sources.length)} sources in the registry; {fmt(s.uncredited)} claims credit no source (the publisher's own figures).
              </p>
            </section>
            {s.unregistered.length > 0 ? (
              <section aria-labelledby="h-unreg">
                <h2 id="h-unreg">Credited names not in the registry</h2>
                <ul className="plain">
                  {s.unregistered.map((u) => (
                    <li key={u.name}>
                      {u.name} — {fmt(u.claims)} claims
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )}
      </Show>
    </>
  );
}
