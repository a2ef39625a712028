/**
 * The pieces every diagram of lib/src/diagrams/ is written with: the SVG document (white
 * background, `font-family: sans-serif`, `<title>` and `<desc>` first so screen readers
 * name and describe it), text, boxes and arrows. Every text goes through escapeHtml
 * (lib/src/html/escape-html.ts): names of layers come from the student's model.
 */
import { escapeHtml } from "../html/escape-html";
import type { Diagram } from "./diagram";

/** The text size of labels, in SVG units: readable on a projected slide at the diagrams' widths (≤ 1000). */
export const LABEL_SIZE = 18;
/** The text size of secondary labels (shapes, numbers on edges). */
export const SMALL_SIZE = 15;
/** The colours of the diagrams: one per role, colour-blind safe (Okabe–Ito palette). */
export const COLOURS = {
  input: "#56B4E9",
  hidden: "#E69F00",
  output: "#009E73",
  bottleneck: "#D55E00",
  gate: "#CC79A7",
  operation: "#F0E442",
  line: "#333333",
  muted: "#777777",
  backward: "#D55E00",
} as const;

/** A white halo behind a text, so that a label stays readable where it crosses a line. */
export const HALO = { stroke: "white", "stroke-width": 5, "stroke-linejoin": "round", "paint-order": "stroke" } as const;

/** Attributes of an SVG element; `undefined` values are left out. */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

function attributeText(attributes: SvgAttributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    // Coordinates are rounded to 0.1; data-* attributes keep the exact number (tests compare it).
    .map(([name, value]) => ` ${name}="${escapeHtml(typeof value !== "number" ? value : name.startsWith("data-") ? String(value) : roundCoordinate(value))}"`)
    .join("");
}

function roundCoordinate(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** One element without children, e.g. `element("rect", { x: 0, y: 0, width: 10, height: 10 })`. */
export function element(name: string, attributes: SvgAttributes): string {
  return `<${name}${attributeText(attributes)}/>`;
}

/** A `<g>` around `children`, with its attributes (classes and data-* attributes that tests read). */
export function group(attributes: SvgAttributes, children: readonly string[]): string {
  return `<g${attributeText(attributes)}>${children.join("")}</g>`;
}

/** Text at (x, y), escaped; centred unless `text-anchor` says otherwise. */
export function text(x: number, y: number, content: string, attributes: SvgAttributes = {}): string {
  return `<text${attributeText({ x, y, "font-size": LABEL_SIZE, "text-anchor": "middle", ...attributes })}>${escapeHtml(content)}</text>`;
}

/** A rounded box with a centred label of one or more lines. */
export function labelledBox(
  box: { x: number; y: number; width: number; height: number },
  lines: readonly string[],
  options: { fill: string; fontSize?: number; attributes?: SvgAttributes },
): string {
  const fontSize = options.fontSize ?? LABEL_SIZE;
  const lineHeight = fontSize * 1.25;
  const firstBaseline = box.y + box.height / 2 - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  return group(options.attributes ?? {}, [
    element("rect", { ...box, rx: 8, fill: options.fill, stroke: COLOURS.line, "stroke-width": 1.5 }),
    ...lines.map((line, index) => text(box.x + box.width / 2, firstBaseline + index * lineHeight, line, { "font-size": fontSize })),
  ]);
}

/** A straight arrow from (x1, y1) to (x2, y2), the head drawn as a small triangle (no marker ids to clash). */
export function arrow(x1: number, y1: number, x2: number, y2: number, options: { colour?: string; width?: number; dashed?: boolean } = {}): string {
  const colour = options.colour ?? COLOURS.line;
  const length = Math.hypot(x2 - x1, y2 - y1) || 1;
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const head = 10;
  const baseX = x2 - ux * head;
  const baseY = y2 - uy * head;
  const points = [
    [x2, y2],
    [baseX - uy * head * 0.5, baseY + ux * head * 0.5],
    [baseX + uy * head * 0.5, baseY - ux * head * 0.5],
  ]
    .map(([px, py]) => `${roundCoordinate(px as number)},${roundCoordinate(py as number)}`)
    .join(" ");
  return (
    element("line", {
      x1,
      y1,
      x2: baseX,
      y2: baseY,
      stroke: colour,
      "stroke-width": options.width ?? 2,
      "stroke-dasharray": options.dashed === true ? "6 4" : undefined,
    }) + element("polygon", { points, fill: colour })
  );
}

/**
 * The whole diagram: an SVG document `width` × `height` (scaled down to the page width, never
 * up), white background, sans-serif text, `<title>` and `<desc>` first.
 *
 * @param kind The diagram's kind, as a class on the root (`diagrama-neuronio`, …) for styling and tests.
 */
export function svgDiagram(
  kind: string,
  size: { width: number; height: number },
  title: string,
  description: string,
  body: readonly string[],
): Diagram {
  const { width, height } = size;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="${escapeHtml(kind)}" viewBox="0 0 ${roundCoordinate(width)} ${roundCoordinate(height)}" ` +
      `width="${roundCoordinate(width)}" height="${roundCoordinate(height)}" style="max-width:100%;height:auto;font-family:sans-serif" role="img">`,
    `<title>${escapeHtml(title)}</title>`,
    `<desc>${escapeHtml(description)}</desc>`,
    element("rect", { width, height, fill: "white" }),
    ...body,
    "</svg>",
  ].join("\n");
  return Object.freeze({ svg, title, description });
}
