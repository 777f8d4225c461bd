// A DOM-free path for hostile HTML: a cheap nesting scan and a linear tag stripper.
import { parseDocument } from "./dom.js";
import { squash } from "./html-text.js";

const VOID_OR_SELF_CLOSING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
  // Elements the parser closes implicitly; counting them would overstate depth.
  "p", "li", "dt", "dd", "td", "th", "tr", "option", "optgroup", "rt", "rp",
]);

/** Elements dropped together with their content. */
const DROPPED_WITH_CONTENT = ["script", "style", "noscript", "template", "iframe", "svg", "math", "textarea", "title", "head", "nav", "aside", "form", "object", "select", "button"];

const BLOCK_TAG = /^(?:address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)$/;

/** True when the markup nests elements deeper than `limit` (a linear scan, no parsing). */
export function nestsDeeperThan(html: string, limit: number): boolean {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*?(\/?)>/g;
  let depth = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const name = (m[2] ?? "").toLowerCase();
    if (VOID_OR_SELF_CLOSING.has(name) || m[3] === "/") continue;
    depth += m[1] === "/" ? -1 : 1;
    if (depth < 0) depth = 0;
    if (depth > limit) return true;
  }
  return false;
}

/** Removes `<name …>…</name>` for each dropped element, in one pass per name (unclosed: to the end). */
function dropElements(html: string): string {
  let out = html;
  for (const name of DROPPED_WITH_CONTENT) {
    const lower = out.toLowerCase();
    const open = `<${name}`;
    if (!lower.includes(open)) continue;
    const parts: string[] = [];
    let from = 0;
    for (let at = lower.indexOf(open); at !== -1; at = lower.indexOf(open, from)) {
      const after = lower.charCodeAt(at + open.length);
      const isTag = Number.isNaN(after) || !/[a-z0-9-]/.test(String.fromCharCode(after));
      if (!isTag) {
        parts.push(out.slice(from, at + open.length));
        from = at + open.length;
        continue;
      }
      parts.push(out.slice(from, at));
      const close = lower.indexOf(`</${name}`, at + open.length);
      if (close === -1) {
        from = out.length;
        break;
      }
      const end = lower.indexOf(">", close);
      from = end === -1 ? out.length : end + 1;
    }
    parts.push(out.slice(from));
    out = parts.join(" ");
  }
  return out;
}

/** Decodes HTML character references in tag-free text. */
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  const doc = parseDocument(`<!doctype html><html><body><div>${text.replace(/</g, "&lt;")}</div></body></html>`);
  return doc.body?.textContent ?? text;
}

/** Plain-text paragraphs of `html` without building a DOM (for markup too deep to parse safely). */
export function stripTagsToBlocks(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  const dropped = dropElements(withoutComments);
  const marked = dropped.replace(/<(?:\/?([a-zA-Z][a-zA-Z0-9-]*)|[!?])[^<>]*>?/g, (_tag, name: string | undefined) =>
    name && BLOCK_TAG.test(name.toLowerCase()) ? "\n\n" : " ",
  );
  return decodeEntities(marked.replace(/<(?=[!?/a-zA-Z])/g, " "))
    .split(/\n\s*\n/)
    .map(squash)
    .filter((p) => p !== "");
}
