// The API's one error shape, `{ "error": { "code", "message" } }`, and the mapping of every
// failure (validation, not found, too large, wrong type, bad question, bug) onto it: the typed
// errors of src/shared/errors.ts are mapped here, once.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "@hono/zod-openapi";
import { ClaimFieldError } from "../core/claim-fields.js";
import { AuthError } from "../services/auth.js";
import { TallyError, type ErrorKind } from "../shared/errors.js";

/** Machine-readable error codes, one per kind of failure. */
export const ERROR_CODES = [
  "invalid_request",
  "unauthorized",
  "forbidden",
  "too_many_requests",
  "not_found",
  "method_not_allowed",
  "payload_too_large",
  "unsupported_media_type",
  "ingest_failed",
  "internal_error",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).openapi({ example: "not_found" }),
      message: z.string().openapi({ example: "no document 42" }),
    }),
  })
  .openapi("Error");

export type ErrorBody = z.infer<typeof ErrorSchema>;

/** A failure the API reports to its caller with a status and a code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    /** Sent as Retry-After (429 answers). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: "invalid_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * The one mapping of the typed errors (src/shared/errors.ts) to statuses and codes. A conflict is
 * answered 400 as it always was (a name taken, the last admin); `unavailable` is the server's
 * trouble, logged and hidden like any unexpected error (null).
 */
const TYPED_ERRORS: Record<ErrorKind, { status: ContentfulStatusCode; code: ErrorCode } | null> = {
  not_found: { status: 404, code: "not_found" },
  invalid: { status: 400, code: "invalid_request" },
  conflict: { status: 400, code: "invalid_request" },
  forbidden: { status: 403, code: "forbidden" },
  unavailable: null,
};

/** The error body for a status, code and message. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Responds with the error shape. */
export function errorResponse(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string): Response {
  return c.json(errorBody(code, message), status);
}

/** Turns zod issues into one readable line: `limit: Too big: expected number to be <=500; event: …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((i) => {
      const where = i.path.map(String).join(".");
      return where ? `${where}: ${i.message}` : i.message;
    })
    .join("; ");
}

/** Maps any thrown value onto the error shape; unexpected errors are logged and hidden. */
export function handleError(err: unknown, c: Context, log: (line: string) => void): Response {
  if (err instanceof ApiError) {
    if (err.retryAfterSeconds !== undefined) c.header("Retry-After", String(Math.max(1, err.retryAfterSeconds)));
    return errorResponse(c, err.status, err.code, err.message);
  }
  if (err instanceof TallyError) {
    const mapped = TYPED_ERRORS[err.kind];
    if (mapped) return errorResponse(c, mapped.status, mapped.code, err.message);
  }
  if (err instanceof AuthError) {
    if (err.retryAfterSeconds !== undefined) c.header("Retry-After", String(Math.max(1, err.retryAfterSeconds)));
    return errorResponse(c, err.status, err.status === 401 ? "unauthorized" : err.status === 429 ? "too_many_requests" : "forbidden", err.message);
  }
  if (err instanceof ClaimFieldError) return errorResponse(c, 400, "invalid_request", err.message);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = STATUS_CODES[status] ?? (status >= 500 ? "internal_error" : "invalid_request");
    const message = status === 413 ? "the request body is over the size limit" : status === 415 ? "unsupported media type" : err.message || "bad request";
    return errorResponse(c, status, code, message);
  }
  log(`tally serve: ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  return errorResponse(c, 500, "internal_error", "something went wrong on the server; the error is in the server's log");
}
