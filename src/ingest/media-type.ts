// Maps file extensions to the media types Tally reads.
import { extname } from "node:path";

/** Media types of documents Tally reads. */
export type DocumentMediaType = "text/plain" | "text/markdown" | "text/html" | "application/pdf";

/** Extensions Tally reads, with their media types. */
export const MEDIA_TYPES: Readonly<Record<string, DocumentMediaType>> = {
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".html": "text/html",
  ".htm": "text/html",
  ".pdf": "application/pdf",
};

/** The media type of a path by its extension (case-insensitive), or null when Tally does not read it. */
export function mediaTypeOf(path: string): DocumentMediaType | null {
  return MEDIA_TYPES[extname(path).toLowerCase()] ?? null;
}
