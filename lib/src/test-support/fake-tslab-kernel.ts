import type { TslabDisplayData } from "../jupyter/tslab-display-channel";

/** One message a fake kernel received. */
export interface SentDisplay {
  message: TslabDisplayData;
  update: boolean;
}

interface TslabJupyterExports {
  lastWriteDisplayData: ((data: TslabDisplayData, update: boolean) => void) | null;
}

/**
 * Runs `body` as if inside a running tslab kernel: loads tslab's real `jupyter` module (the
 * very instance the kernel would use) and installs a recording `lastWriteDisplayData`,
 * restored afterwards.
 *
 * @returns The messages sent while `body` ran.
 */
export async function withFakeTslabKernel(body: () => unknown): Promise<SentDisplay[]> {
  const jupyter = require("tslab/dist/jupyter") as TslabJupyterExports;
  const sent: SentDisplay[] = [];
  const previous = jupyter.lastWriteDisplayData;
  jupyter.lastWriteDisplayData = (message, update) => sent.push({ message, update });
  try {
    await body();
  } finally {
    jupyter.lastWriteDisplayData = previous;
  }
  return sent;
}
