// Named victims: the registry of unique people (a page at a time), the imported lists, one person
// with every record that names them, and one list with its rows. What a reader may not see
// (restricted names) the API leaves out.
import type { z } from "@hono/zod-openapi";
import type { VictimCountsSchema, VictimListDetailSchema, VictimListSchema, VictimPersonDetailSchema, VictimPersonListSchema } from "../../shared/entities/victim.js";
import { qs } from "../api.js";
import { useApi } from "../hooks.js";
import { Downloads } from "../components/Downloads.js";
import { Link, navigate } from "../router.js";
import { Empty, RestrictedBadge, Show, fmt } from "../ui.js";

type PersonList = z.infer<typeof VictimPersonListSchema>;
type PersonDetail = z.infer<typeof VictimPersonDetailSchema>;
type ListDetail = z.infer<typeof VictimListDetailSchema>;
type Counts = z.infer<typeof VictimCountsSchema>;
type Lists = { lists: Array<z.infer<typeof VictimListSchema>> };

const PAGE = 50;

/** A name in any script, set in its own direction. */
function Name({ children }: { children: string }) {
  return <bdi dir="auto">{children}</bdi>;
}

export function VictimsPage({ query }: { query: URLSearchParams }) {
  const offset = Number(query.get("offset") ?? 0) || 0;
  const people = useApi<PersonList>(`/victims${qs({ limit: PAGE, offset })}`);
  const lists = useApi<Lists>("/victim-lists");
  const counts = useApi<Counts>("/victims/counts");
  return (
    <>
      <h1>Named victims</h1>
      <p className="hint">
        One row per person, linked across lists and documents (spellings, scripts, ages within a year, places, dates). Estimates from the lists' overlap are in <code>tally victims overlap</code> and <code>/api/v1/victims/overlap</code>.
      </p>
      <section aria-labelledby="h-people">
        <h2 id="h-people">People</h2>
        <Downloads path="/victims" query={{ limit: PAGE, offset }} what="This page" testId="victims" />
        <Show value={people} what="the registry">
          {(p) =>
            p.persons.length === 0 ? (
              <Empty>No people yet: import a list (tally victims import) or read documents (tally victims mentions), then link (tally victims link).</Empty>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="data" data-testid="victims-table">
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Age</th>
                        <th scope="col">Place</th>
                        <th scope="col">Date</th>
                        <th scope="col">Event</th>
                        <th scope="col">Named by</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.persons.map((x) => (
                        <tr key={x.id}>
                          <th scope="row">
                            <Link href={`/victims/${x.id}`}>
                              <Name>{x.name}</Name>
                            </Link>
                            {x.names.length > 1 ? (
                              <div className="meta">
                                also <Name>{x.names.filter((n) => n !== x.name).join(" · ")}</Name>
                              </div>
                            ) : null}
                            {x.restricted ? <RestrictedBadge /> : null}
                          </th>
                          <td className="num">{x.age ?? "—"}</td>
                          <td>{x.place ?? "—"}</td>
                          <td>{x.date ?? "—"}</td>
                          <td>{x.event?.replaceAll("_", " ") ?? "—"}</td>
                          <td>{x.sources.join(", ")}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <p>
                  {fmt(offset + 1)}–{fmt(offset + p.persons.length)} of {fmt(p.total)} people{" "}
                  {offset > 0 ? (
                    <button type="button" className="secondary" onClick={() => navigate(`/victims${qs({ offset: Math.max(0, offset - PAGE) })}`)}>
                      Previous
                    </button>
                  ) : null}{" "}
                  {offset + PAGE < p.total ? (
                    <button type="button" className="secondary" onClick={() => navigate(`/victims${qs({ offset: offset + PAGE })}`)}>
                      Next
                    </button>
                  ) : null}
                </p>
              </>
            )
          }
        </Show>
      </section>
      <section aria-labelledby="h-counts">
        <h2 id="h-counts">Counts against names</h2>
        <Show value={counts} what="the counts">
          {(k) =>
            k.claims.length === 0 ? (
              <Empty>No claim's text names its victims yet (tally victims mentions reads them).</Empty>
            ) : (
              <div className="table-wrap">
                <table className="data" data-testid="victim-counts">
                  <thead>
                    <tr>
                      <th scope="col">Claim</th>
                      <th scope="col">Count</th>
                      <th scope="col">Named</th>
                      <th scope="col">Names</th>
                    </tr>
                  </thead>
                  <tbody>
                    {k.claims.map((c) => (
                      <tr key={c.claimId}>
                        <th scope="row">
                          {c.quote} <span className="meta">claim {c.claimId}</span>
                        </th>
                        <td className="num">
                          {c.qualifier === "exact" ? "" : `${c.qualifier.replaceAll("_", " ")} `}
                          {fmt(c.count)}
                        </td>
                        <td className="num">
                          {fmt(c.named)} {c.flag === "matches" ? null : <span className={`badge flag-${c.flag}`}>{c.flag === "shorter" ? "fewer named" : "more named"}</span>}
                        </td>
                        <td>
                          <Name>{c.names.join(" · ")}</Name>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Show>
      </section>
      <section aria-labelledby="h-lists">
        <h2 id="h-lists">Lists</h2>
        <Show value={lists} what="the lists">
          {(l) =>
            l.lists.length === 0 ? (
              <Empty>No list imported.</Empty>
            ) : (
              <ul className="plain">
                {l.lists.map((x) => (
                  <li key={x.id}>
                    <Link href={`/victims/lists/${x.id}`}>{x.name}</Link> — {fmt(x.rows)} rows from {x.source}
                    {x.network ? ` (network ${x.network})` : ""} {x.restricted ? <RestrictedBadge /> : null}
                  </li>
                ))}
              </ul>
            )
          }
        </Show>
      </section>
    </>
  );
}

/** Where a record comes from: a list's line, or a document's sentence and its claim. */
function RecordWhere({ r }: { r: PersonDetail["recordList"][number] }) {
  if (r.kind === "row") return <Link href={`/victims/lists/${r.listId}`}>{`${r.source}, line ${r.line}`}</Link>;
  return (
    <>
      <Link href={`/documents/${r.documentId}`}>{`document ${r.documentId}`}</Link>
      {r.claimId !== null ? ` (claim ${r.claimId})` : ""} — {r.source}
    </>
  );
}

export function VictimPage({ id }: { id: string }) {
  const data = useApi<PersonDetail>(`/victims/${encodeURIComponent(id)}`);
  return (
    <Show value={data} what="the person">
      {(p) => (
        <>
          <h1>
            <Name>{p.name}</Name> {p.restricted ? <RestrictedBadge /> : null}
          </h1>
          <Downloads path={`/victims/${p.id}`} what="Their records" testId="victim" />
          <dl className="facts" data-testid="victim-summary">
            <dt>Written as</dt>
            <dd>
              <Name>{p.names.join(" · ")}</Name>
            </dd>
            <dt>Age</dt>
            <dd>{p.age ?? "not given"}</dd>
            <dt>Sex</dt>
            <dd>{p.sex ?? "not given"}</dd>
            <dt>Place</dt>
            <dd>{p.place ?? "not given"}</dd>
            <dt>Date</dt>
            <dd>{p.date ?? "not given"}</dd>
            <dt>Event</dt>
            <dd>{p.event?.replaceAll("_", " ") ?? "not given"}</dd>
            {p.occupation ? (
              <>
                <dt>Occupation</dt>
                <dd>{p.occupation}</dd>
              </>
            ) : null}
            {p.ethnicity ? (
              <>
                <dt>Ethnicity</dt>
                <dd>{p.ethnicity}</dd>
              </>
            ) : null}
            <dt>Named by</dt>
            <dd>{p.sources.join(", ")}</dd>
          </dl>
          <h2>Records</h2>
          <div className="table-wrap">
            <table className="data" data-testid="victim-records">
              <thead>
                <tr>
                  <th scope="col">Name as written</th>
                  <th scope="col">Age</th>
                  <th scope="col">Place</th>
                  <th scope="col">Date</th>
                  <th scope="col">From</th>
                </tr>
              </thead>
              <tbody>
                {p.recordList.map((r) => (
                  <tr key={r.key}>
                    <th scope="row">
                      <Name>{r.name}</Name> <span className="meta">{r.key}</span>
                    </th>
                    <td className="num">{r.age ?? "—"}</td>
                    <td>{r.place ?? "—"}</td>
                    <td>{r.date ?? "—"}</td>
                    <td>
                      <RecordWhere r={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Show>
  );
}

export function VictimListPage({ id }: { id: string }) {
  const data = useApi<ListDetail>(`/victim-lists/${encodeURIComponent(id)}`);
  return (
    <Show value={data} what="the list">
      {(d) => (
        <>
          <h1>
            {d.list.name} {d.list.restricted ? <RestrictedBadge /> : null}
          </h1>
          <Downloads path={`/victim-lists/${d.list.id}`} what="Its rows" testId="victim-list" />
          <p>
            Kept by {d.list.source}
            {d.list.network ? `, network ${d.list.network}` : ""}; imported {d.list.importedAt.slice(0, 10)}; {fmt(d.records.length)} rows
            {d.list.documentId !== null ? (
              <>
                {" "}
                — <Link href={`/documents/${d.list.documentId}`}>the original file</Link>
              </>
            ) : null}
            .
          </p>
          <div className="table-wrap">
            <table className="data" data-testid="victim-list-rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Age</th>
                  <th scope="col">Place</th>
                  <th scope="col">Date</th>
                  <th scope="col">Person</th>
                </tr>
              </thead>
              <tbody>
                {d.records.map((r) => (
                  <tr key={r.key}>
                    <td className="num">{r.line}</td>
                    <th scope="row">
                      <Name>{r.name}</Name>
                    </th>
                    <td className="num">{r.age ?? "—"}</td>
                    <td>{r.place ?? "—"}</td>
                    <td>{r.date ?? "—"}</td>
                    <td>{r.personId !== null ? <Link href={`/victims/${r.personId}`}>{`person ${r.personId}`}</Link> : "not linked yet"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Show>
  );
}
