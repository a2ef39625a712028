/**
 * A stand-in for Keras' VGG16 ImageNet "notop" weights file: the same HDF5 layout and layer
 * names (lib/src/pretrained/save-keras-weights.ts writes it), random seeded weights. The
 * notebook test points `REDES_NEURAIS_VGG16_WEIGHTS` at it, so the cells of notebook 07 that
 * run only when the ImageNet weights are present (loading them, the feature maps, the
 * comparison) are executed too; this machine cannot download the real file.
 */
import path from "node:path";

/** Does this notebook text look for the VGG16 ImageNet weights? */
export function needsVgg16Weights(notebookText: string): boolean {
  return notebookText.includes("findVgg16Weights");
}

/** Writes the stand-in file into `folder` and returns its path. */
export async function writeRandomVgg16Weights(folder: string): Promise<string> {
  // Loaded here, not on import: the notebook test's own process needs TensorFlow.js only for this file.
  const { buildVgg16, saveKerasWeights } = await import("@redes-neurais/lib");
  const file = path.join(folder, "vgg16_pesos_aleatorios_notop.h5");
  const model = buildVgg16({ inputShape: [224, 224, 3], seed: 2026, trainable: false });
  try {
    await saveKerasWeights(model, file);
  } finally {
    model.dispose();
  }
  return file;
}
