import assert from "node:assert/strict";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

/**
 * Parses an SVG string as XML (the strict parser of @xmldom/xmldom: any warning or error
 * fails), checks the accessibility elements every diagram of lib/src/diagrams/ carries
 * (`<title>` and `<desc>` first, not empty) and that no text asks for a font or the network.
 *
 * @returns The root `<svg>` element.
 */
export function parseDiagramSvg(svg: string): Element {
  const problems: string[] = [];
  const parser = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) });
  const document: Document = parser.parseFromString(svg, "image/svg+xml");
  assert.deepEqual(problems, [], "the SVG is well-formed XML");
  const root = document.documentElement;
  assert.ok(root !== null);
  assert.equal(root.tagName, "svg");
  assert.equal(root.getAttribute("xmlns"), "http://www.w3.org/2000/svg");
  const children = childElements(root);
  assert.equal(children[0]?.tagName, "title", "<title> is the first child");
  assert.equal(children[1]?.tagName, "desc", "<desc> is the second child");
  assert.ok((children[0]?.textContent ?? "").trim().length > 5);
  assert.ok((children[1]?.textContent ?? "").trim().length > 20);
  assert.match(root.getAttribute("style") ?? "", /font-family:sans-serif/);
  assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org\/2000\/svg)|@import|@font-face|<script|href=/, "nothing to fetch, no script");
  return root;
}

/** The element children of `parent`, in order. */
function childElements(parent: Element): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
    if (node.nodeType === 1) found.push(node as Element);
  }
  return found;
}

/** Every descendant of `root` whose class list holds `className`, in document order. */
export function byClass(root: Element, className: string): Element[] {
  const found: Element[] = [];
  const visit = (element: Element): void => {
    if ((element.getAttribute("class") ?? "").split(/\s+/).includes(className)) found.push(element);
    childElements(element).forEach(visit);
  };
  visit(root);
  return found;
}

/** A numeric attribute of `element` (fails when missing). */
export function numberAttribute(element: Element, name: string): number {
  const value = element.getAttribute(name);
  assert.ok(value !== null && value !== "", `attribute ${name} present`);
  return Number(value);
}

/** Every text drawn in the SVG, joined by newlines. */
export function drawnTexts(root: Element): string[] {
  return Array.from(root.getElementsByTagName("text")).map((node) => node.textContent ?? "");
}
