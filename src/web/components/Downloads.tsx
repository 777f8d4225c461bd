// The CSV and JSON downloads of what a page shows (issue 24): the API's `<path>.csv` and
// `<path>.json` with the page's own query, so the file holds exactly the rows on screen.
import { API, qs } from "../api.js";

export function Downloads({ path, query = {}, what, testId }: { path: string; query?: Record<string, string | number | undefined | null>; what: string; testId: string }) {
  return (
    <span className="downloads">
      <a className="button secondary" href={`${API}${path}.csv${qs(query)}`} download data-testid={`${testId}-csv`}>
        {what} as CSV
      </a>{" "}
      <a className="button secondary" href={`${API}${path}.json${qs(query)}`} download data-testid={`${testId}-json`}>
        as JSON
      </a>
    </span>
  );
}
