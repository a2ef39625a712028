/**
 * `@redes-neurais/lib/ferramentas` — what the project's tools (tools/) need from the library
 * beyond the public entry (lib/src/index.ts): backend installers for the conformance suite,
 * the plotly.js bundle for the handouts, the data generators behind datasets/, the Jupyter
 * display handle the handout tests draw with. Notebooks and assignments never import it.
 *
 * Importing this entry loads no TensorFlow.js (lib/src/tools-entry.test.ts checks it): the
 * conformance suite (tools/conformance/run.mjs) loads tfjs-node itself, after the Node
 * compatibility layer, and installs the corrections and speed-ups in its own order. Tools
 * that need TensorFlow.js (bench, pretraining) import it through the public entry.
 */

// Backend: the Node compatibility layer (installed on import) and the native-kernel patches.
export { REMOVED_NODE_APIS } from "./backend/node-compat";
export { installSingleChannelConvolutionCorrection } from "./backend/corrections/single-channel-convolutions";
export { installNativeSpeedups, installedSpeedups } from "./backend/speedups/install-speedups";

// Figures in handouts and in the browser suite (tools/handouts, tools/browser).
export { FIGURE_CLASS, countCourseFigures, plotlyBundleScript, plotlyBundleSource } from "./plot/plotly-bundle";
export { figureMimeBundle } from "./plot/jupyter-figure-sink";
export { DIAGRAM_CLASS } from "./diagrams/diagram";
export { createUpdatableDisplay, type UpdatableDisplay } from "./jupyter/updatable-display";

// Generators of the shipped data sets (tools/datasets) and of the pretrained base (tools/pretrain).
export { simulateStarGalaxyCatalogue, catalogueToCsv, SHIPPED_CATALOGUE } from "./photometry/simulate-catalogue";
export { buildShippedGalaxyImagesFile, SHIPPED_GALAXY_IMAGES_FILE } from "./galaxy-images/shipped-galaxy-images";
export { generateGalaxyImagesWithArms } from "./galaxy-images/generate-galaxy-images";
export { randomFromState } from "./random/seeded-random";

// The notebook test's stand-in for the VGG16 ImageNet weights (tools/notebooks/vgg16-test-weights.ts).
export { VGG16_WEIGHTS_ENV_VAR } from "./pretrained/vgg16-weights";

// Infrastructure written once for lib and tools: atomic writes, the HTML escape, processes.
export { writeFileAtomically, FileWriteError } from "./files/write-file-atomically";
export { writeFileAtomicallySync } from "./files/replace-file-atomically";
export { escapeHtml } from "./html/escape-html";
export { runProcess, type ProcessResult } from "./process/run-process";
export { findProcesses, processGroupOf } from "./process/find-processes";
