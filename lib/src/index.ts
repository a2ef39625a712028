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

// Pretrained convnets and transfer learning (notebook 07): VGG16, Keras HDF5 weights, the course's base.
export { buildVgg16, preprocessVgg16Input, VGG16_BLOCKS, VGG16_IMAGENET_MEAN_BGR, type Vgg16Options } from "./pretrained/vgg16";
export { loadKerasWeights, readKerasWeights, type KerasLayerWeights, type KerasWeightArray, type KerasWeightsReport } from "./pretrained/keras-weights";
export { saveKerasWeights } from "./pretrained/save-keras-weights";
export {
  cacheDirectory,
  ensureVgg16Weights,
  findVgg16Weights,
  VGG16_NOTOP_WEIGHTS,
  VGG16_WEIGHTS_ENV_VAR,
  type Vgg16WeightsOptions,
  type Vgg16WeightsStatus,
} from "./pretrained/vgg16-weights";
export { buildDenseHead, extractFeatures, measureFeatureThroughput, type DenseHeadOptions, type FeatureExtractionOptions } from "./pretrained/feature-extraction";
export { buildCourseBase, loadCoursePretrainedBase, COURSE_BASE_WEIGHTS_FILE, type CourseBaseOptions, type LoadCourseBaseOptions } from "./pretrained/course-base";
export { checkVgg16LayerParameters, checkVgg16OutputShape } from "./pretrained/pretrained-exercises";
export { PretrainedModelError, WeightsDownloadError, WeightsFileError } from "./pretrained/pretrained-errors";
