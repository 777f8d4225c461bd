// Ingest through the API: an uploaded file or a URL, through the same pipeline as `tally ingest`.
import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { createRoute } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { detectMagic } from "../../ingest/magic.js";
import { MEDIA_TYPES } from "../../ingest/media-type.js";
import { ingest, type IngestEvent } from "../../pipeline/ingest.js";
import { principalOf, storeOf } from "../auth.js";
import { ApiError, ErrorSchema } from "../errors.js";
import type { Api, ApiDeps } from "../context.js";
import { IngestResultSchema, UploadForm, UrlIngestBody } from "../schemas.js";
import { E400, E500, json } from "./common.js";

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
    responses: { 200: json(IngestResultSchema, "what was stored"), ...E400, ...E413, ...E415, ...E422, ...E500 },
  });

  const fromUrl = createRoute({
    method: "post",
    path: "/ingest/url",
    tags: ["ingest"],
    summary: "Fetch a page, text or feed by URL and store it (as `tally ingest <URL>`)",
    request: { body: { required: true, content: { "application/json": { schema: UrlIngestBody } } } },
    responses: { 200: json(IngestResultSchema, "what was stored"), ...E400, ...E415, ...E422, ...E500 },
  });

  app.openapi(upload, async (c) => {
    const store = storeOf(c);
    const who = principalOf(c).name;
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

    const dir = join(config.dataDir, "uploads", `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`);
    await mkdir(dir, { recursive: true });
    const path = join(dir, name);
    await writeFile(path, bytes);
    const events: IngestEvent[] = [];
    let summary;
    try {
      summary = await ingest([path], store, {
        config: { ...config, collector: `${who} (web upload)` },
        published: form.published ?? null,
        publisher: form.publisher ?? null,
        onEvent: (e) => events.push(e),
      });
    } finally {
      // The original bytes are in the store; the copy on disk is kept only for new documents.
      if (!events.some((e) => e.status === "new")) await rm(dir, { recursive: true, force: true });
    }
    const failed = events.find((e) => e.status === "failed");
    if (failed) throw new ApiError(422, "ingest_failed", (failed.message ?? "the document could not be read").replaceAll(dir, "").replace(/^\/+/, ""));
    deps.facts.invalidate();
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const doc = await store.getDocument(sha256);
    return c.json(
      {
        summary,
        events: events.map((e) => ({ ...e, name })),
        documents: doc ? [{ id: doc.id, sha256: doc.sha256, name: doc.name }] : [],
      },
      200,
    );
  });

  app.openapi(fromUrl, async (c) => {
    const store = storeOf(c);
    const who = principalOf(c).name;
    const body = c.req.valid("json");
    const events: IngestEvent[] = [];
    const summary = await ingest([body.url], store, {
      // Users of the server must not make it reach the machine's own or its network's services.
      config: { ...config, collector: `${who} (web)`, fetch: { ...config.fetch, blockPrivate: !config.serverAllowsPrivateUrls } },
      published: body.published ?? null,
      publisher: body.publisher ?? null,
      onEvent: (e) => events.push(e),
    });
    if (summary.new === 0 && summary.duplicate === 0) {
      throw new ApiError(422, "ingest_failed", events.find((e) => e.status === "failed")?.message ?? "nothing could be read from the URL");
    }
    deps.facts.invalidate();
    const newest = summary.new > 0 ? await store.listDocuments({ limit: summary.new, offset: 0 }) : [];
    return c.json({ summary, events, documents: newest.map((d) => ({ id: d.id, sha256: d.sha256, name: d.name })) }, 200);
  });
}
