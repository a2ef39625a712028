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
export { installedSpeedups, withoutNativeSpeedups, NO_SPEEDUPS_ENV_VAR } from "./backend/speedups/install-speedups";
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
// The stop button (JupyterLab interrupt) stops fit, fitDataset and monitored loops.
export { TrainingInterruptedError } from "./interrupt/interrupt-errors";

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
export { courseCacheDirectory, CACHE_DIRECTORY_ENV_VAR } from "./files/cache-directory";
export { DownloadError } from "./files/cached-download";

// Shipped datasets, checked against datasets/manifest.json.
export { datasetPath, datasetsDirectory, readManifest, DatasetError, type DatasetEntry, type DatasetManifest } from "./datasets/manifest";

// Rounding that avoids TF 2.21's broken integer Round kernel (see npm run conformance).
export { roundTensor, RoundDtypeError } from "./math/round-tensor";

// Tables (danfo.js DataFrames) in notebooks and scripts.
export { showTable } from "./table/show-table";
export type { TableLike } from "./table/table-html";

// Part 3 of the lecture (notebooks 08–11): augmentation, PCA, attention, light curves,
// classification metrics, data preparation, Kohonen maps and their exercise checkers.
export { augmentImages, flipLeftRight, flipUpDown, rotate90, type AugmentationOptions } from "./augmentation/augment-images";
export { InvalidAugmentationError } from "./augmentation/augmentation-errors";
export { pca, pcaTransform, type PcaResult } from "./pca/pca";
export { principalAngles, compareWithPca, type SubspaceComparison } from "./pca/principal-angles";
export { symmetricEigen, type Eigendecomposition } from "./pca/symmetric-eigen";
export { InvalidPcaInputError } from "./pca/pca-errors";
export { scaledDotProductAttention, causalMask, type AttentionResult } from "./attention/scaled-dot-product-attention";
export { InvalidAttentionInputError } from "./attention/attention-errors";
export { generateLightCurves, lightCurvesToTensors, LIGHT_CURVE_CLASSES, type LightCurves, type LightCurveOptions } from "./light-curves/generate-light-curves";
export { InvalidLightCurveRequestError } from "./light-curves/light-curve-errors";
export { confusionMatrix, classificationReport, confusionMatrixFigure, type ClassificationReport, type ClassScores } from "./metrics/confusion-matrix";
export { InvalidLabelsError } from "./metrics/metrics-errors";
export { fitScaler, type Scaler, type ScalingMethod } from "./data-preparation/scaler";
export { splitIndices, type SplitIndices, type SplitOptions } from "./data-preparation/split-indices";
export { pickRows } from "./data-preparation/pick-rows";
export { balancedIndices } from "./data-preparation/balanced-indices";
export { DataPreparationError } from "./data-preparation/data-preparation-error";
export { trainSelfOrganizingMap, InvalidSelfOrganizingMapError, type SelfOrganizingMap, type SelfOrganizingMapOptions } from "./kohonen/self-organizing-map";
export { checkOutputChoices, checkGalaxyPrecisionRecall, EXERCISE_CONFUSION_MATRIX, type OutputChoice, type OutputProblem } from "./exercises/regression-classification-exercises";
export { checkEarlyStopping, checkDropoutScale, earlyStoppingEpochs, EXERCISE_VALIDATION_LOSSES, EXERCISE_PATIENCE } from "./exercises/monitoring-exercises";
export { checkNormalization, checkTrivialAccuracy } from "./exercises/workflow-exercises";
export { checkAttentionWeights, checkAutoencoderParameters } from "./exercises/fauna-exercises";
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
export { seededRandom, type SeededRandom } from "./random/seeded-random";
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
export {
  loadSkyServerStarGalaxy,
  skyServerStarGalaxyQuery,
  skyServerQueryUrl,
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
  mlpBackward,
  mlpLoss,
  trainTwoLayerMlp,
  type HiddenActivation,
  type DenseLayerGradients,
  type MlpTrainingOptions,
} from "./backprop/two-layer-mlp";
export { decisionBoundaryLine } from "./backprop/decision-boundary";
export { TrainingInputError } from "./backprop/training-errors";
export {
  gradientCheck,
  type GradientCheck,
  type GradientCheckOptions,
  type InputGradientCheck,
  type ScalarFunction,
} from "./backprop/gradient-check";
export { GradientCheckError } from "./backprop/gradient-check-errors";
export type { Matrix, Targets } from "./backprop/training-input";
export {
  checkChainRuleGradient,
  checkWeightUpdate,
  checkHiddenLayerDelta,
  checkLogisticGradientFunction,
  type LogisticGradientFunction,
} from "./exercises/backprop-exercises";
// Notebooks 01–04: the neuron, activation functions, the multilayer perceptron, universality.
export { neuronOutput, type Neuron, type NeuronOutput } from "./neuron/neuron-output";
export { InvalidNeuronInputError } from "./neuron/neuron-errors";
export { NEURON_EXERCISE, checkNeuronSum, checkNeuronOutput } from "./exercises/neuron-exercises";
export {
  ACTIVATION_NAMES, ACTIVATION_LABELS, activationValue, activationDerivativeValue, applyActivation,
  applyActivationDerivative, type ActivationName,
} from "./activations/activation-functions";
export { UnknownActivationError, InvalidActivationInputError } from "./activations/activation-errors";
export { activationFigure, type ActivationFigureOptions } from "./activations/activation-figure";
export { weightSliderFigure, type WeightSliderOptions } from "./activations/weight-slider-figure";
export { checkSigmoidDerivative, checkSigmoidMidpoint, SIGMOID_MIDPOINT_EXERCISE } from "./exercises/activation-exercises";
export { randomDenseLayers, type DenseLayerWeights, type DenseLayerTensors } from "./mlp/dense-layer";
export { mlpForward, mlpForwardPass, type MlpForwardPass } from "./mlp/mlp-forward";
export { countMlpParameters } from "./mlp/count-parameters";
export { collapseLinearLayers } from "./mlp/collapse-linear-layers";
export { buildMlp, mlpFromWeights, type BuildMlpOptions } from "./mlp/mlp-model";
export { MlpShapeError } from "./mlp/mlp-errors";
export { checkParameterCount } from "./exercises/mlp-exercises";
export {
  evaluateOneHiddenLayer, oneHiddenLayerAsDenseLayers, stepPosition, type OneHiddenLayerNet,
} from "./universality/one-hidden-layer";
export {
  bumpApproximator, approximationError, type ApproximationOptions, type BumpApproximator, type ApproximationError,
} from "./universality/bump-approximator";
export { InvalidApproximationError } from "./universality/universality-errors";
export { STEP_EXERCISE, BUMP_EXERCISE, checkStepPosition, checkBumpOutput } from "./exercises/universality-exercises";
// Simulated galaxy images (elliptical / spiral) and the shipped set (issue 6).
export {
  generateGalaxyImages,
  GALAXY_CLASS_NAMES,
  type GalaxyImageSet,
  type GalaxyImageOptions,
} from "./galaxy-images/generate-galaxy-images";
export { galaxyImagesToTensors, sliceGalaxyImages, galaxyImageRows } from "./galaxy-images/galaxy-image-set";
export { readShippedGalaxyImages, SHIPPED_GALAXY_IMAGES_OPTIONS } from "./galaxy-images/shipped-galaxy-images";
export { GalaxyImageError } from "./galaxy-images/galaxy-image-errors";

// Convnet builder: typed config → tf.Sequential, output-size formula (issue 6).
export { convOutputSize, ConvOutputSizeError, type ConvPadding } from "./convnet/conv-output-size";
export {
  planConvnet,
  ConvnetConfigError,
  type ConvnetConfig,
  type ConvnetLayerConfig,
  type ConvnetLayerPlan,
  type ConvnetActivation,
} from "./convnet/convnet-config";
export { buildConvnet } from "./convnet/build-convnet";
export { imageGridFigure, featureMapImages, filterImages, ImageGridError, type ImageGridOptions } from "./convnet/image-grid-figure";
export { checkFeatureMapSize, checkConvParameterCount, checkVerticalEdgeFilter } from "./exercises/convnet-exercises";
export { loadMnistDigits, MnistDigitsError, type DigitImageSet } from "./mnist/mnist-digits";

// Galaxy10 DECaLS: cached, checksummed download and hyperslab reads with h5wasm (issue 6).
export {
  loadGalaxy10,
  readGalaxy10,
  GALAXY10_URL,
  GALAXY10_SHA256,
  GALAXY10_CLASS_NAMES,
  type Galaxy10Subset,
  type LoadGalaxy10Options,
  type ReadGalaxy10Options,
} from "./galaxy10/galaxy10";
export { Galaxy10Error } from "./galaxy10/galaxy10-errors";

// Pretrained convnets and transfer learning (notebook 07): VGG16, Keras HDF5 weights, the course's base.
export { buildVgg16, preprocessVgg16Input, VGG16_BLOCKS, VGG16_IMAGENET_MEAN_BGR, type Vgg16Options } from "./pretrained/vgg16";
export { loadKerasWeights, readKerasWeights, type KerasLayerWeights, type KerasWeightArray, type KerasWeightsReport } from "./pretrained/keras-weights";
export { saveKerasWeights } from "./pretrained/save-keras-weights";
export {
  ensureVgg16Weights,
  findVgg16Weights,
  VGG16_NOTOP_WEIGHTS,
  VGG16_WEIGHTS_ENV_VAR,
  type Vgg16WeightsOptions,
  type Vgg16WeightsStatus,
} from "./pretrained/vgg16-weights";
export { buildDenseHead, extractFeatures, measureFeatureThroughput, type DenseHeadOptions, type FeatureExtractionOptions } from "./pretrained/feature-extraction";
export { buildCourseBase, loadCoursePretrainedBase, COURSE_BASE_WEIGHTS_FILE, type CourseBaseOptions, type LoadCourseBaseOptions } from "./pretrained/course-base";
export { checkVgg16LayerParameters, checkVgg16OutputShape } from "./exercises/pretrained-exercises";
export { PretrainedModelError, WeightsFileError } from "./pretrained/pretrained-errors";
