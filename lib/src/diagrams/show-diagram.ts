/**
 * Shows a diagram in the notebook, through the course's one display path
 * (lib/src/jupyter/display-mime-bundle.ts, the one the training monitor uses): one output
 * with the SVG as an image in HTML (JupyterLab, trusted or not, and the nbconvert handouts
 * draw it the same), the SVG image itself, and the title as plain text for anything else.
 */
import { displayMimeBundle } from "../jupyter/display-mime-bundle";
import { isInsideTslabKernel } from "../jupyter/tslab-display-channel";
import { escapeHtml } from "../html/escape-html";
import { InvalidDiagramInputError } from "./diagram-errors";
import { DIAGRAM_CLASS, type Diagram } from "./diagram";
import { describeValue } from "./layer-sizes";

/**
 * Shows `diagram` as the output of the current cell.
 *
 * @example
 * showDiagram(denseNetworkDiagram([4, 8, 1]));
 *
 * @throws {InvalidDiagramInputError} For something that is not a diagram, or outside a notebook
 *   (the message says to save it with saveDiagram instead).
 */
export function showDiagram(diagram: Diagram): void {
  checkDiagram(diagram, "showDiagram");
  if (!isInsideTslabKernel()) {
    throw new InvalidDiagramInputError(
      `showDiagram só exibe dentro de um notebook Jupyter com o kernel tslab, e este processo não é um. ` +
        `Num script, grave o diagrama num arquivo com await saveDiagram(diagrama, "diagrama.svg") e abra-o no navegador.`,
    );
  }
  displayMimeBundle({
    "text/html": diagramHtml(diagram),
    "image/svg+xml": diagram.svg,
    "text/plain": `${diagram.title}: ${diagram.description}`,
  });
}

/**
 * The diagram as HTML: the SVG document as an `<img>` (a data: URL), its title and
 * description as the image's alternative text. Not the SVG inline: JupyterLab sanitizes the
 * HTML of an untrusted notebook (one saved with outputs somewhere else, as the handouts'
 * executed notebooks) and drops inline `<svg>`, while it keeps an `<img>` with a data: source
 * (docs/arquitetura.md §6; tools/browser/course.browser-test.ts reopens such notebooks and checks
 * the diagrams show).
 * Each diagram also keeps its own SVG document, so marker ids cannot collide on a page.
 */
function diagramHtml(diagram: Diagram): string {
  const source = `data:image/svg+xml;base64,${Buffer.from(diagram.svg, "utf8").toString("base64")}`;
  const alternative = escapeHtml(`${diagram.title}: ${diagram.description}`);
  return (
    `<div class="${DIAGRAM_CLASS}" title="${escapeHtml(diagram.title)}">` +
    `<img src="${source}" alt="${alternative}" style="max-width:100%;height:auto"></div>`
  );
}

/**
 * Checks that `value` is a diagram made by a function of lib/src/diagrams/.
 *
 * @throws {InvalidDiagramInputError} Otherwise.
 */
export function checkDiagram(value: unknown, what: string): asserts value is Diagram {
  const candidate = value as Partial<Diagram> | null;
  if (typeof candidate !== "object" || candidate === null || typeof candidate.svg !== "string" || !candidate.svg.startsWith("<svg")) {
    throw new InvalidDiagramInputError(
      `${what}: esperava um diagrama (o resultado de neuronDiagram, denseNetworkDiagram, convnetDiagram, …), ` +
        `mas chegou ${candidate !== null && typeof candidate === "object" ? "um objeto sem SVG" : describeValue(value)}.`,
    );
  }
}
