/**
 * Saves a diagram as an .svg file from a plain script (or a notebook), with the library's
 * atomic write (lib/src/files/write-file-atomically.ts): the file is whole or untouched.
 */
import path from "node:path";
import { writeFileAtomically } from "../files/write-file-atomically";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { describeValue } from "./layer-sizes";
import { checkDiagram } from "./show-diagram";

/**
 * Writes `diagram` to `filePath` (an .svg file; missing folders are created).
 *
 * @example
 * await saveDiagram(convnetDiagram(buildVgg16()), "figuras/vgg16.svg");
 *
 * @returns The file's absolute path.
 * @throws {InvalidDiagramInputError} For something that is not a diagram, or a name not ending in .svg.
 * @throws {FileWriteError} When the file cannot be written.
 */
export async function saveDiagram(diagram: Diagram, filePath: string): Promise<string> {
  checkDiagram(diagram, "saveDiagram");
  if (typeof filePath !== "string" || !filePath.toLowerCase().endsWith(".svg")) {
    throw new InvalidDiagramInputError(
      `saveDiagram: o arquivo deve terminar em .svg (o diagrama é uma imagem SVG); chegou ${describeValue(filePath)}. ` +
        `Exemplo: await saveDiagram(diagrama, "figuras/rede.svg").`,
    );
  }
  const absolute = path.resolve(filePath);
  await writeFileAtomically(absolute, `<?xml version="1.0" encoding="UTF-8"?>\n${diagram.svg}\n`);
  return absolute;
}
