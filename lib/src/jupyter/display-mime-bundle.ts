import { InvalidDisplayRequestError, NotInsideJupyterError } from "./display-errors";
import type { MimeBundle } from "./mime-bundle";
import { findTslabDisplayWriter, type TslabDisplayWriter } from "./tslab-display-channel";

/** Options of {@link displayMimeBundle}. */
export interface DisplayOptions {
  /** Names the output, so that later messages can replace it in place. */
  displayId?: string;
  /** `true` replaces the output named `displayId` (`update_display_data`). */
  update?: boolean;
}

/**
 * Sends ONE output carrying several MIME types to the notebook (a Jupyter
 * `display_data` message, or `update_display_data` with `update`).
 *
 * @example
 * displayMimeBundle({ "text/html": "<b>oi</b>", "text/plain": "oi" });
 *
 * @param data The output in each format; include `text/plain` as the last resort.
 * @param options `displayId` to name the output, `update` to replace a named output.
 * @throws {NotInsideJupyterError} Outside a running tslab kernel.
 * @throws {InvalidDisplayRequestError} For an empty bundle, or `update` without `displayId`.
 */
export function displayMimeBundle(data: MimeBundle, options: DisplayOptions = {}): void {
  const write = requireTslabDisplayWriter("esta saída");
  const mimeTypes = Object.keys(data);
  if (mimeTypes.length === 0) {
    throw new InvalidDisplayRequestError(
      `displayMimeBundle recebeu um pacote vazio: esperava ao menos um tipo MIME, como { "text/plain": "..." }.`,
    );
  }
  for (const mimeType of mimeTypes) {
    const value = data[mimeType];
    if (typeof value !== "string" && (typeof value !== "object" || value === null || ArrayBuffer.isView(value))) {
      throw new InvalidDisplayRequestError(
        `O conteúdo de "${mimeType}" deve ser um texto (tipos de texto, ou base64 para imagens) ou um objeto JSON ` +
          `(tipos JSON), mas chegou ${describeValue(value)}. Para bytes (PNG), converta com buffer.toString("base64").`,
      );
    }
  }
  if (options.update === true && (options.displayId === undefined || options.displayId === "")) {
    throw new InvalidDisplayRequestError(
      `Para atualizar uma saída (update: true) é preciso dizer qual: passe o displayId usado ao exibi-la. ` +
        `Para saídas que se atualizam, use createUpdatableDisplay().`,
    );
  }
  write(
    {
      data,
      metadata: {},
      transient: options.displayId === undefined ? {} : { display_id: options.displayId },
    },
    options.update === true,
  );
}

/**
 * The running kernel's writer.
 *
 * @param what What is being displayed, for the error message.
 * @throws {NotInsideJupyterError} Outside a running tslab kernel.
 */
export function requireTslabDisplayWriter(what: string): TslabDisplayWriter {
  const writer = findTslabDisplayWriter();
  if (writer === null) {
    throw new NotInsideJupyterError(what);
  }
  return writer;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (ArrayBuffer.isView(value)) return `bytes (${value.constructor.name})`;
  return typeof value;
}
