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
