// Response declarations shared by the routes.
import { ErrorSchema } from "../errors.js";

/** A documented error response with the one error shape. */
export const error = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

export const E400 = { 400: error("the request is malformed (`invalid_request`)") };
export const E401 = { 401: error("not signed in, or wrong credentials (`unauthorized`)") };
export const E403 = { 403: error("signed in without the role this needs, or a missing CSRF token (`forbidden`)") };
export const E404 = { 404: error("no such thing (`not_found`)") };
export const E500 = { 500: error("a fault on the server (`internal_error`)") };

export const json = <T>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
