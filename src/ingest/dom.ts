// The small slice of the DOM the HTML reader uses, typed without the browser "dom" lib.
import { parseHTML } from "linkedom";

/** A DOM node as linkedom provides it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
}

/** A DOM element as linkedom provides it. */
export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly localName: string;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

/** A parsed HTML document. */
export interface DomDocument {
  readonly documentElement: DomElement;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  cloneNode(deep: boolean): DomDocument;
}

/** Node type of elements. */
export const ELEMENT_NODE = 1;
/** Node type of text nodes. */
export const TEXT_NODE = 3;

/**
 * Gives markup the html/head/body skeleton linkedom needs (it leaves `body` empty or missing
 * for fragments and pages without a `<body>` tag), keeping the `<html>` attributes.
 */
export function withSkeleton(html: string): string {
  const htmlAttributes = /<html\b([^<>]*)>/i.exec(html)?.[1] ?? "";
  const inner = html.replace(/<!doctype[^<>]*>/gi, "").replace(/<\/?html\b[^<>]*>/gi, "");
  const bodyAt = inner.search(/<body[\s>/]/i);
  let head: string;
  let body: string;
  if (bodyAt !== -1) {
    head = inner.slice(0, bodyAt);
    body = inner.slice(bodyAt);
  } else {
    const headEnd = inner.search(/<\/head\s*>/i);
    const split = headEnd === -1 ? 0 : inner.indexOf(">", headEnd) + 1;
    head = inner.slice(0, split);
    body = `<body>${inner.slice(split)}</body>`;
  }
  if (!/<head[\s>]/i.test(head)) head = `<head>${head}</head>`;
  return `<!doctype html><html${htmlAttributes}>${head}${body}</html>`;
}

/** Parses an HTML string into a document with html, head and body (never throws on broken markup). */
export function parseDocument(html: string): DomDocument {
  return parseHTML(withSkeleton(html)).document as unknown as DomDocument;
}

/** The elements of a query result as an array. */
export function all(list: ArrayLike<DomElement>): DomElement[] {
  return Array.from(list);
}
