/**
 * @redes-neurais/lib — the typed library every notebook of the course imports.
 *
 * @example
 * import { tf, danfo, show, backendInfo } from "@redes-neurais/lib";
 *
 * Importing it loads TensorFlow.js on the backend chosen by `REDES_NEURAIS_BACKEND`
 * (native `tensorflow` by default) and announces it in one line.
 */

// TensorFlow.js first: importing the library chooses and announces the backend.
export * as tf from "./tf";
export type { TensorFlowModule } from "./backend/load-tensorflow";
export { backendInfo } from "./backend/tensorflow-runtime";
export type { BackendInfo } from "./backend/backend-info";
export { BACKEND_CHOICES, type BackendChoice } from "./backend/backend-choice";
export { danfo, type DanfoModule } from "./danfo";

// Figures.
export type { Figure } from "./plot/figure";
export { show, type ShowOptions } from "./plot/show";
export type { FigureSink } from "./plot/figure-sink";
export { figureToHtml, type FigureHtmlOptions } from "./plot/figure-to-html";
export { figureMimeBundle, PLOTLY_MIME_TYPE } from "./plot/jupyter-figure-sink";
export { figureToPng, type PngOptions } from "./plot/figure-to-png";
export { savePng } from "./plot/save-png";
export { SUPPORTED_TRACE_TYPES, type SupportedTraceType } from "./plot/supported-traces";

// Jupyter display layer.
export { isInsideTslabKernel } from "./jupyter/tslab-display-channel";
export { displayMimeBundle, type DisplayOptions } from "./jupyter/display-mime-bundle";
export { createUpdatableDisplay, type UpdatableDisplay } from "./jupyter/updatable-display";
export type { MimeBundle } from "./jupyter/mime-bundle";

// Training monitor: live loss/metric curves in the notebook, a progress line in scripts.
export { trainingMonitor, type TrainingMonitor, type TrainingMonitorOptions } from "./monitor/training-monitor";
export type { EpochLogs, HistoryRecord } from "./monitor/training-history";
export { TrainingMonitorError } from "./monitor/monitor-errors";

// Exercises: checker functions return a verdict that the notebook shows.
export { rightAnswer, wrongAnswer, notAnsweredYet, showExerciseCheck, type ExerciseCheck } from "./exercises/exercise-check";

// Fast mode (the test suite runs notebooks with less data and fewer epochs).
export { isFastMode, pickForMode } from "./fast-mode";

// Errors.
export { CourseError, isCourseError } from "./errors";
export { BackendSwitchError, InvalidBackendChoiceError, NativeBackendUnavailableError } from "./backend/backend-errors";
export { InvalidDisplayRequestError, NotInsideJupyterError } from "./jupyter/display-errors";
export {
  ChromiumNotFoundError,
  InvalidFigureError,
  InvalidImageSizeError,
  PngRenderError,
  UnsupportedTraceTypeError,
} from "./plot/plot-errors";
export { FileWriteError } from "./files/write-file-atomically";

// Shipped datasets, checked against datasets/manifest.json.
export { datasetPath, datasetsDirectory, readManifest, DatasetError, type DatasetEntry, type DatasetManifest } from "./datasets/manifest";

// Tables (danfo.js DataFrames) in notebooks and scripts.
export { showTable } from "./table/show-table";
export type { TableLike } from "./table/table-html";

// Star/galaxy photometric catalogue (simulated SDSS-like, and SkyServer's CSV format).
export {
  SDSS_BANDS,
  STAR_GALAXY_COLUMNS,
  classLabel,
  CatalogueError,
  type SdssBand,
  type StarGalaxyClass,
  type StarGalaxyRecord,
} from "./photometry/star-galaxy-record";
export { seededRandom, type SeededRandom } from "./photometry/seeded-random";
export { simulateStarGalaxyCatalogue, catalogueToCsv, SHIPPED_CATALOGUE, type SimulationOptions } from "./photometry/simulate-catalogue";
export { parseStarGalaxyCsv } from "./photometry/parse-catalogue-csv";
export { readStarGalaxyCatalogue, starGalaxyFrame } from "./photometry/read-catalogue";
export {
  colourFeatures,
  colourFeature,
  DEFAULT_COLOUR_FEATURES,
  type ColourFeature,
  type ColourFeatureTable,
} from "./photometry/colour-features";
export { trainTestSplit, DataPreparationError } from "./photometry/train-test-split";
export { fitStandardizer, type Standardizer } from "./photometry/standardize";
export {
  loadSkyServerStarGalaxy,
  skyServerStarGalaxyQuery,
  skyServerQueryUrl,
  courseCacheDirectory,
  SKYSERVER_SQL_URL,
  SkyServerError,
  type SkyServerOptions,
  type StarGalaxyLoadResult,
} from "./photometry/skyserver";

// Training by hand: logistic regression and back-propagation in a two-layer MLP (notebook 05).
export {
  logisticForward,
  binaryCrossEntropy,
  logisticGradients,
  gradientDescentStep,
  logisticAccuracy,
  trainLogisticRegression,
  zeroLogisticParameters,
  BCE_EPSILON,
  type LogisticParameters,
  type LogisticGradients,
  type LogisticTrainingOptions,
  type LogisticTrainingResult,
} from "./backprop/logistic-regression";
export {
  initTwoLayerMlp,
  mlpForward,
  mlpBackward,
  mlpLoss,
  trainTwoLayerMlp,
  type HiddenActivation,
  type MlpParameters,
  type MlpGradients,
  type MlpForward,
  type MlpTrainingOptions,
} from "./backprop/two-layer-mlp";
export { decisionBoundaryLine } from "./backprop/decision-boundary";
export { TrainingInputError } from "./backprop/training-errors";
export type { Matrix, Targets } from "./backprop/training-input";
export {
  checkChainRuleGradient,
  checkWeightUpdate,
  checkHiddenLayerDelta,
  checkLogisticGradientFunction,
  type LogisticGradientFunction,
} from "./backprop/exercises";
