// Serves the built pages (web-dist/): files by path, and index.html for the pages' own routes.
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import type { Context } from "hono";
import type { PageStart } from "./page-answers.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".map": "application/json; charset=utf-8",
};

async function fileAt(path: string): Promise<Buffer | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? await readFile(path) : null;
  } catch {
    return null;
  }
}

/** The element the pages' script draws into; the server may put first markup and data there. */
const ROOT_ELEMENT = '<div id="root"></div>';

/**
 * A handler serving `root` (GET and HEAD); null root means the pages are not built. A page
 * (index.html for the pages' own routes) is served with what `start` gives for it: the answers
 * its script asks for first and the markup shown until the script runs, put into the page, and a
 * Link header naming the answers that are not, so the browser asks while the scripts load.
 */
export function servePages(root: string | null, start?: (c: Context) => Promise<PageStart>): (c: Context) => Promise<Response> {
  const base = root ? resolve(root) : null;
  return async (c) => {
    const notBuilt = () => c.text("Tally's web pages are not built. Run `npm run build:web`, then start `tally serve` again. The JSON API is at /api/v1.", 404);
    if (!base) return notBuilt();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return c.text("Not found", 404);
    }
    const target = resolve(join(base, rel));
    if (rel !== "/" && target.startsWith(base + sep) && !rel.includes("\0")) {
      const body = await fileAt(target);
      if (body) {
        const immutable = rel.startsWith("/assets/");
        return c.body(new Uint8Array(body), 200, {
          "Content-Type": TYPES[extname(target).toLowerCase()] ?? "application/octet-stream",
          "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        });
      }
      // A missing asset is a 404; any other path is one of the pages' own routes.
      if (extname(rel) !== "") return c.text("Not found", 404);
    }
    const index = await fileAt(join(base, "index.html"));
    if (!index) return notBuilt();
    const headers: Record<string, string> = { "Content-Type": TYPES[".html"] as string, "Cache-Control": "no-cache" };
    const extras = await start?.(c);
    if (!extras) return c.body(new Uint8Array(index), 200, headers);
    if (extras.link) headers.Link = extras.link;
    // A page holding a visitor's answers (their session's CSRF token among them) is not cached.
    if (extras.personal) headers["Cache-Control"] = "no-store";
    const page = index.toString("utf8").replace(ROOT_ELEMENT, () => `<div id="root">${extras.markup}</div>${extras.data}`);
    return c.body(page, 200, headers);
  };
}
