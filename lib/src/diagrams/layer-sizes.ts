import { InvalidDiagramInputError } from "./diagram-errors";

/**
 * Checks a list of layer sizes (units per layer, the input first) for a diagram.
 *
 * @param sizes What the student passed.
 * @param what The function's name, for the message.
 * @param minimumLayers How many layers the diagram needs at least.
 * @throws {InvalidDiagramInputError} When `sizes` is not a list of at least `minimumLayers`
 *   positive integers.
 */
export function checkLayerSizes(sizes: unknown, what: string, minimumLayers: number): asserts sizes is readonly number[] {
  if (!Array.isArray(sizes) || sizes.length < minimumLayers) {
    const arrived = Array.isArray(sizes) ? `uma lista com ${sizes.length} tamanho(s)` : describeValue(sizes);
    throw new InvalidDiagramInputError(
      `${what}: esperava uma lista de ao menos ${minimumLayers} tamanhos de camada (a entrada primeiro), ` +
        `como [4, 8, 1]; chegou ${arrived}. Passe o número de unidades de cada camada, ou o próprio modelo tf.LayersModel.`,
    );
  }
  sizes.forEach((size: unknown, index) => {
    if (typeof size !== "number" || !Number.isInteger(size) || size < 1) {
      throw new InvalidDiagramInputError(
        `${what}: o tamanho da camada ${index} deve ser um inteiro positivo (número de unidades), ` +
          `mas chegou ${describeValue(size)}. Confira a lista ${JSON.stringify(sizes)}: cada camada tem 1 unidade ou mais.`,
      );
    }
  });
}

/** A short description of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `o texto ${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `uma lista de ${value.length} elementos`;
  return typeof value;
}
