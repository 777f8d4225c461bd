// Renders a DOM subtree as plain working text: one paragraph per block, blank lines between.
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from "./dom.js";

/** Elements that start and end a paragraph of working text. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
  "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
  "thead", "tr", "ul", "br", "center", "legend", "menu",
]);

/** Elements whose content is never text. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "head", "title",
  "textarea", "select", "button", "canvas",
]);

/** Collapses whitespace runs to single spaces and trims. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The paragraphs of text under `root`, in document order (walks iteratively: deep trees are safe). */
export function textBlocks(root: DomNode): string[] {
  const blocks: string[] = [];
  let buffer: string[] = [];
  const flush = (): void => {
    const text = squash(buffer.join(""));
    if (text) blocks.push(text);
    buffer = [];
  };
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as { node: DomNode; exit: boolean };
    if (node.nodeType === TEXT_NODE) {
      buffer.push(node.textContent ?? "");
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const name = node.nodeType === ELEMENT_NODE ? (node as DomElement).localName : "";
    const block = name === "" || BLOCK_TAGS.has(name);
    if (exit) {
      if (block) flush();
      continue;
    }
    if (SKIP_TAGS.has(name)) continue;
    if (block) flush();
    stack.push({ node, exit: true });
    const children: DomNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) children.push(child);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] as DomNode, exit: false });
  }
  flush();
  return blocks;
}
