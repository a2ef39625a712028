/**
 * A static diagram of the course: one self-contained SVG image (no script, no network, no
 * font to fetch) that JupyterLab, the HTML handouts and any browser draw the same way.
 * Each diagram function of lib/src/diagrams/ returns one; show it in a notebook with
 * `showDiagram` (lib/src/diagrams/show-diagram.ts), save it from a script with `saveDiagram`
 * (lib/src/diagrams/save-diagram.ts).
 */
export interface Diagram {
  /** The SVG document, with its `<title>` and `<desc>` in Portuguese. */
  readonly svg: string;
  /** What the diagram is (the SVG's `<title>`). */
  readonly title: string;
  /** What it shows, in one or two sentences (the SVG's `<desc>`, read by screen readers). */
  readonly description: string;
}

/** The class of the `<div>` around a diagram shown in a notebook (the browser suite, tools/browser/handout.ts, looks for it). */
export const DIAGRAM_CLASS = "redes-neurais-diagrama";
