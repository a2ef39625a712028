import { randomUUID } from "node:crypto";
import { displayMimeBundle } from "./display-mime-bundle";
import { requireTslabDisplayWriter } from "./display-mime-bundle";
import type { MimeBundle } from "./mime-bundle";

/** One notebook output that can be redrawn in place (e.g. a live training chart). */
export interface UpdatableDisplay {
  /** The Jupyter display id naming this output. */
  readonly displayId: string;
  /**
   * Shows `data`: the first call creates the output (`display_data`), later calls replace
   * it (`update_display_data`).
   *
   * @throws {NotInsideJupyterError} Outside a running tslab kernel.
   */
  show(data: MimeBundle): void;
}

/**
 * Creates an output that later calls overwrite in place, like tslab's
 * `display.newDisplay()` but carrying several MIME types per message.
 *
 * @example
 * const monitor = createUpdatableDisplay();
 * for (let epoch = 1; epoch <= 3; epoch++) monitor.show({ "text/plain": `época ${epoch}` });
 *
 * @throws {NotInsideJupyterError} Outside a running tslab kernel.
 */
export function createUpdatableDisplay(): UpdatableDisplay {
  requireTslabDisplayWriter("uma saída atualizável");
  const displayId = randomUUID();
  let shown = false;
  return {
    displayId,
    show(data) {
      displayMimeBundle(data, { displayId, update: shown });
      shown = true;
    },
  };
}
