// The OpenAPI document: generated from the schemas, served by the API, committed in docs/.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument, openApiJson } from "../../src/api/openapi.js";
import { makeLedger, type Ledger } from "./helpers.js";

let L: Ledger;
beforeAll(async () => {
  L = await makeLedger();
});
afterAll(async () => {
  await L?.close();
});

describe("OpenAPI document", () => {
  it("docs/openapi.json is up to date (run `npm run openapi` after changing a schema)", () => {
    const committed = readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8");
    expect(committed).toBe(openApiJson());
  });

  it("is served at /api/v1/openapi.json and names every route and the error shape", async () => {
    const r = await L.app.request("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    const served = (await r.json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(served).toEqual(openApiDocument());
    expect(Object.keys(served.paths).sort()).toEqual(
      [
        "/claims", "/conflicts", "/documents", "/documents/{ref}", "/exports/claims", "/facts", "/facts/{id}", "/ingest", "/ingest/url", "/overview", "/search", "/sources", "/timeline",
        "/audit", "/auth/login", "/auth/logout", "/auth/session", "/users", "/users/{id}", "/tokens", "/tokens/{id}",
        "/review/queue", "/claims/{id}", "/claims/{id}/review", "/documents/{id}/claims", "/claims/{id}/supersede", "/facts/merge", "/facts/{id}/split", "/claims/fact-assignment/clear", "/restrict",
        "/victims", "/victims/{id}", "/victim-lists", "/victim-lists/{id}", "/victims/link", "/victims/review", "/victims/decisions", "/victims/decisions/{id}/undo", "/victims/overlap", "/victims/counts", "/victims/restrict",
        // The analyst's workbench: lists as CSV, the country-year report.
        "/documents.csv", "/facts.csv", "/conflicts.csv", "/timeline.csv", "/documents.json", "/facts.json", "/conflicts.json", "/timeline.json", "/claims.csv", "/claims.json", "/report", "/report.md", "/report.html", "/sources/{name}", "/conflicts/{id}",
        // Every other view as a download.
        "/search.csv", "/search.json", "/sources.csv", "/sources.json", "/review/queue.csv", "/review/queue.json", "/victims.csv", "/victims.json", "/report/timeline.csv", "/report/timeline.json",
      ].sort(),
    );
    expect(served.components.schemas).toHaveProperty("Error");
  });
});
