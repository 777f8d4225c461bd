// Measures the text under every element in one pass, so clutter checks never re-read big subtrees.
import { ELEMENT_NODE, TEXT_NODE, type DomElement, type DomNode } from "./dom.js";

/** Raw text length (before whitespace squashing) of `root` and every element under it, in O(nodes). */
export function textLengths(root: DomElement): Map<DomElement, number> {
  const lengths = new Map<DomElement, number>();
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as { node: DomNode; exit: boolean };
    if (node.nodeType === TEXT_NODE) {
      const parent = node.parentNode;
      if (parent && parent.nodeType === ELEMENT_NODE) {
        const el = parent as DomElement;
        lengths.set(el, (lengths.get(el) ?? 0) + (node.textContent ?? "").length);
      }
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as DomElement;
    if (exit) {
      const parent = el.parentElement;
      if (el !== root && parent) lengths.set(parent, (lengths.get(parent) ?? 0) + (lengths.get(el) ?? 0));
      continue;
    }
    if (!lengths.has(el)) lengths.set(el, 0);
    stack.push({ node, exit: true });
    for (let child = node.firstChild; child; child = child.nextSibling) stack.push({ node: child, exit: false });
  }
  return lengths;
}
