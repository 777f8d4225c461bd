// Ingest through the API: an uploaded file or a URL, through the same pipeline as `tally ingest`.
import { basename, extname } from "node:path";
import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { detectMagic } from "../../ingest/magic.js";
import { MEDIA_TYPES } from "../../ingest/media-type.js";
import { ingestUpload, ingestUrl } from "../../services/use-cases/ingest.js";
import { performFor, performs } from "../auth.js";
import { ApiError, ErrorSchema } from "../errors.js";
import type { Api, ApiDeps } from "../context.js";
import { IngestResultSchema, UploadForm, UrlIngestBody } from "../schemas.js";
import { E400, E403, E500, json } from "./common.js";

/** Declared part types accepted for an upload (browsers send "" or octet-stream for unknown ones). */
const UPLOAD_TYPES = new Set(["", "text/plain", "text/markdown", "text/x-markdown", "text/html", "application/xhtml+xml", "application/pdf", "application/octet-stream"]);

const E413 = { 413: { description: "the upload is over the size limit (`payload_too_large`)", content: { "application/json": { schema: ErrorSchema } } } };
const E415 = { 415: { description: "not a .txt, .md, .html or .pdf document (`unsupported_media_type`)", content: { "application/json": { schema: ErrorSchema } } } };
const E422 = { 422: { description: "the document could not be read (`ingest_failed`)", content: { "application/json": { schema: ErrorSchema } } } };

/** A file name safe to write: the base name with anything but letters (any script), marks, digits, ZWNJ, . _ - replaced. */
function safeName(name: string): string {
  const base = basename(name.normalize("NFC").replaceAll("\\", "/")).replace(/[^\p{L}\p{M}\p{N}\u200c_.-]+/gu, "_").replace(/^\.+/, "");
  return (base || "upload").slice(-120);
}

export function registerIngest(app: Api, deps: ApiDeps): void {
  const { config, maxUploadBytes } = deps;

  const upload = createRoute({
    method: "post",
    path: "/ingest",
    tags: ["ingest"],
    summary: "Upload a .txt, .md or .html document: stored with its claims as `tally ingest` would",
    middleware: [
      bodyLimit({
        maxSize: maxUploadBytes + 64 * 1024,
        onError: () => {
          throw new ApiError(413, "payload_too_large", `the upload is over the ${maxUploadBytes} byte limit`);
        },
      }),
    ] as const,
    request: { body: { required: true, content: { "multipart/form-data": { schema: UploadForm } } } },
    responses: { 200: json(IngestResultSchema, "what was stored"), ...E400, ...E403, ...E413, ...E415, ...E422, ...E500 },
  });

  const fromUrl = createRoute({
    method: "post",
    path: "/ingest/url",
    tags: ["ingest"],
    summary: "Fetch a page, text or feed by URL and store it (as `tally ingest <URL>`)",
    request: { body: { required: true, content: { "application/json": { schema: UrlIngestBody } } } },
    responses: { 200: json(IngestResultSchema, "what was stored"), ...E400, ...E403, ...E415, ...E422, ...E500 },
  });

  app.openapi(performs(upload, ingestUpload), async (c) => {
    const form = c.req.valid("form");
    const file = form.file;
    if (file.size > maxUploadBytes) throw new ApiError(413, "payload_too_large", `the upload is ${file.size} bytes, over the ${maxUploadBytes} byte limit`);
    const name = safeName(file.name);
    const ext = extname(name).toLowerCase();
    if (!MEDIA_TYPES[ext]) throw new ApiError(415, "unsupported_media_type", `Tally reads .txt, .md, .html and .pdf documents (got ${ext || "a file without extension"})`);
    const declared = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
    if (!UPLOAD_TYPES.has(declared)) throw new ApiError(415, "unsupported_media_type", `Tally reads text, Markdown, HTML and PDF documents (the upload says ${declared})`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const magic = detectMagic(bytes);
    // A PDF is read as one when it is named .pdf; any other binary (or a PDF named .txt) is refused.
    if (magic && !(magic === "PDF" && ext === ".pdf")) throw new ApiError(415, "unsupported_media_type", `the upload is a ${magic}, not a text document`);

    const { failed, ...result } = await performFor(c, deps, ingestUpload, { name, bytes, config, published: form.published ?? null, publisher: form.publisher ?? null });
    if (failed !== null) throw new ApiError(422, "ingest_failed", failed);
    deps.facts.invalidate();
    return c.json(result, 200);
  });

  app.openapi(performs(fromUrl, ingestUrl), async (c) => {
    const body = c.req.valid("json");
    const { failed, ...result } = await performFor(c, deps, ingestUrl, { url: body.url, config, published: body.published ?? null, publisher: body.publisher ?? null });
    if (failed !== null) throw new ApiError(422, "ingest_failed", failed);
    deps.facts.invalidate();
    return c.json(result, 200);
  });
}
