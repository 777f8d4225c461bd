// Add a document: upload a file or give a URL; both go through the same pipeline as `tally ingest`.
import { useState, type FormEvent } from "react";
import { post, type IngestResult } from "../api.js";
import { Link } from "../router.js";
import { useCanEdit } from "../session.js";

type State = { state: "idle" } | { state: "busy" } | { state: "error"; message: string } | { state: "done"; result: IngestResult };

function Outcome({ s }: { s: State }) {
  if (s.state === "busy") return <p role="status">Reading and storing the document…</p>;
  if (s.state === "error") return <p role="alert" className="state problem">Not stored: {s.message}</p>;
  if (s.state !== "done") return null;
  const r = s.result;
  return (
    <div role="status" className="state done" data-testid="ingest-result">
      <p>
        {r.summary.new} new, {r.summary.duplicate} already in the ledger, {r.summary.failed} failed; {r.summary.claims} claims found.
      </p>
      {r.events
        .filter((e) => e.unsupported)
        .map((e, i) => (
          <p key={i} data-testid="ingest-no-rules">
            <bdi>{e.name}</bdi>: {e.unsupported}.
          </p>
        ))}
      <ul className="plain">
        {r.documents.map((d) => (
          <li key={d.id}>
            <Link href={`/documents/${d.id}`} data-testid="ingested-link">
              Open {d.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function IngestPage() {
  const [file, setFile] = useState<State>({ state: "idle" });
  const [url, setUrl] = useState<State>({ state: "idle" });
  const run = async (set: (s: State) => void, call: () => Promise<IngestResult>) => {
    set({ state: "busy" });
    try {
      set({ state: "done", result: await call() });
    } catch (err) {
      set({ state: "error", message: err instanceof Error ? err.message : String(err) });
    }
  };
  const upload = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    for (const k of ["published", "publisher"]) if (form.get(k) === "") form.delete(k);
    void run(setFile, () => post<IngestResult>("/ingest", form));
  };
  const canEdit = useCanEdit();
  const fetchUrl = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: Record<string, string> = {};
    for (const [k, v] of form.entries()) if (typeof v === "string" && v !== "") body[k] = v;
    void run(setUrl, () => post<IngestResult>("/ingest/url", body));
  };
  if (!canEdit) {
    return (
      <>
        <h1>Add a document</h1>
        <p className="state" data-testid="cannot-ingest">
          Viewers can read the ledger but cannot add documents. Ask an admin for the analyst role if you need to.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Add a document</h1>
      <div className="two-col">
        <section aria-labelledby="h-upload">
          <h2 id="h-upload">Upload a file</h2>
          <form className="stack" onSubmit={upload}>
            <label>
              Document (.txt, .md, .html or .pdf)
              <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" required />
            </label>
            <label>
              Published (when the document does not say)
              <input name="published" placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
            </label>
            <label>
              Publisher (when the document does not say)
              <input name="publisher" />
            </label>
            <button type="submit" disabled={file.state === "busy"}>
              Upload and extract
            </button>
          </form>
          <Outcome s={file} />
        </section>
        <section aria-labelledby="h-url">
          <h2 id="h-url">Fetch a URL</h2>
          <form className="stack" onSubmit={fetchUrl}>
            <label>
              Address of a page, text or feed
              <input type="url" name="url" placeholder="https://…" required />
            </label>
            <label>
              Published (when the page does not say)
              <input name="published" placeholder="YYYY-MM-DD" pattern="\d{4}(-\d{2}(-\d{2})?)?" />
            </label>
            <button type="submit" disabled={url.state === "busy"}>
              Fetch and extract
            </button>
          </form>
          <Outcome s={url} />
        </section>
      </div>
    </>
  );
}
