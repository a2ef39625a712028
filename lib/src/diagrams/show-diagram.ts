/**
 * Shows a diagram in the notebook, through the course's one display path
 * (lib/src/jupyter/display-mime-bundle.ts, the one the training monitor uses): one output
 * with the SVG inline in HTML (JupyterLab and the nbconvert handouts draw it the same), the
 * SVG image itself, and the title as plain text for anything else.
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
    "text/html": `<div class="${DIAGRAM_CLASS}" title="${escapeHtml(diagram.title)}">\n${diagram.svg}\n</div>`,
    "image/svg+xml": diagram.svg,
    "text/plain": `${diagram.title}: ${diagram.description}`,
  });
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
