// The OpenAPI document of the API, generated from the route schemas (served at
// /api/v1/openapi.json; written to docs/openapi.json by scripts/openapi.mjs).
import { loadConfig } from "../config.js";
import type { Store } from "../services/use-cases/types.js";
import { createApi, OPENAPI_INFO } from "./app.js";

/** The OpenAPI 3.1 document (no store is touched to build it). */
export function openApiDocument(): unknown {
  const api = createApi({ store: {} as Store, config: loadConfig({ data: "." }, {}) });
  return api.getOpenAPI31Document(OPENAPI_INFO);
}

/** The document as committed in docs/openapi.json. */
export function openApiJson(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
