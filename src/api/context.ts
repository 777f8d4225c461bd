// What the API's routes share: the store, the configuration, the facts provider.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Config } from "../config.js";
import type { AuthService } from "../services/auth.js";
import type { Store } from "../store/index.js";
import { describeIssues, errorResponse } from "./errors.js";
import type { FactsProvider } from "./facts-provider.js";

export interface ApiDeps {
  store: Store;
  config: Config;
  facts: FactsProvider;
  /** Largest uploaded document in bytes. */
  maxUploadBytes: number;
  auth: AuthService;
  /** Session cookies carry the Secure flag (HTTPS deployments). */
  secureCookies: boolean;
}

/** A router whose validation failures answer with the one error shape (400 invalid_request). */
export function router(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return errorResponse(c, 400, "invalid_request", describeIssues(result.error.issues));
      return undefined;
    },
  });
}

export type Api = ReturnType<typeof router>;
