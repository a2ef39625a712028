/**
 * @redes-neurais/lib — the typed library every notebook and assignment of the course imports.
 *
 * @example
 * import { tf, danfo, show, backendInfo } from "@redes-neurais/lib";
 *
 * Importing it loads TensorFlow.js on the backend chosen by `REDES_NEURAIS_BACKEND`
 * (native `tensorflow` by default) and announces it in one line.
 *
 * This entry holds what the notebooks (notebooks/*.ipynb) and the assignments (assignments/)
 * use, in the order of the course, with the types of those functions' options and results.
 * The project's tools reach the rest through `@redes-neurais/lib/ferramentas`
 * (lib/src/tools-entry.ts); lib/src/index.test.ts checks that every name a notebook or an
 * assignment imports is here.
 */

// 00_o_ambiente: TensorFlow.js first (importing the library chooses and announces the
// backend), tables, figures, training monitor, fast mode and the shipped data sets.
export * as tf from "./tf";
export { backendInfo } from "./backend/tensorflow-runtime";
export type { BackendInfo } from "./backend/backend-info";
export { roundTensor } from "./math/round-tensor";
export { danfo, type DanfoModule } from "./danfo";
export { showTable } from "./table/show-table";
export type { TableLike } from "./table/table-html";
export { show, type ShowOptions } from "./plot/show";
export type { Figure } from "./plot/figure";
export { trainingMonitor, type TrainingMonitor, type TrainingMonitorOptions } from "./monitor/training-monitor";
export type { EpochLogs, HistoryRecord } from "./monitor/training-history";
export { isFastMode, pickForMode } from "./fast-mode";
export { datasetPath } from "./datasets/manifest";
// Every notebook's exercises show their verdict with this.
export { showExerciseCheck, type ExerciseCheck } from "./exercises/exercise-check";
// Every diagram of the course (below, by notebook) is shown with showDiagram and saved with saveDiagram.
export type { Diagram } from "./diagrams/diagram";
export { showDiagram } from "./diagrams/show-diagram";
export { saveDiagram } from "./diagrams/save-diagram";
export { InvalidDiagramInputError } from "./diagrams/diagram-errors";

// 01_o_que_sao_redes_neurais: one neuron.
export { neuronOutput, type Neuron, type NeuronOutput } from "./neuron/neuron-output";
export { NEURON_EXERCISE, checkNeuronSum, checkNeuronOutput } from "./exercises/neuron-exercises";
export { neuronDiagram } from "./diagrams/neuron-diagram";

// 02_funcoes_de_ativacao: activation functions, their derivatives and figures.
export { activationValue, activationDerivativeValue, applyActivation, applyActivationDerivative, type ActivationName } from "./activations/activation-functions";
export { activationFigure, type ActivationFigureOptions } from "./activations/activation-figure";
export { weightSliderFigure, type WeightSliderOptions } from "./activations/weight-slider-figure";
export { checkSigmoidDerivative, checkSigmoidMidpoint, SIGMOID_MIDPOINT_EXERCISE } from "./exercises/activation-exercises";

// 03_perceptron_multicamadas: the multilayer perceptron by hand and in tf.layers.
export { randomDenseLayers, type DenseLayerWeights, type DenseLayerTensors } from "./mlp/dense-layer";
export { mlpForward, mlpForwardPass, type MlpForwardPass } from "./mlp/mlp-forward";
export { countMlpParameters } from "./mlp/count-parameters";
export { collapseLinearLayers } from "./mlp/collapse-linear-layers";
export { buildMlp, mlpFromWeights, type BuildMlpOptions } from "./mlp/mlp-model";
export { checkParameterCount } from "./exercises/mlp-exercises";
export { denseNetworkDiagram, type DenseNetworkDiagramOptions } from "./diagrams/dense-network-diagram";

// 04_teorema_da_universalidade: steps, bumps and the approximation error.
export { evaluateOneHiddenLayer, oneHiddenLayerAsDenseLayers, stepPosition, type OneHiddenLayerNet } from "./universality/one-hidden-layer";
export { bumpApproximator, approximationError, type ApproximationOptions, type BumpApproximator, type ApproximationError } from "./universality/bump-approximator";
export { STEP_EXERCISE, BUMP_EXERCISE, checkStepPosition, checkBumpOutput } from "./exercises/universality-exercises";
// Universality in two dimensions: towers from pairs of steps, and their slider figure.
export { towerNetworkOutput, towerNetworkAsDenseLayers, type Tower, type TowerSteepness } from "./universality/tower-network";
export { towerSliderFigure, type TowerSliderOptions } from "./universality/tower-slider-figure";

// 05_treinamento_backpropagation: the star/galaxy catalogue, logistic regression and a
// two-layer MLP trained by hand, gradient checks.
export { seededRandom, type SeededRandom } from "./random/seeded-random";
// Every training from here on repeats with one call (fit's shuffling, initial weights, dropout masks).
export { setRandomSeed } from "./random/set-random-seed";
export type { SdssBand, SdssPhotometryRecord, StarGalaxyClass, StarGalaxyRecord } from "./photometry/star-galaxy-record";
export { readSdssCsvFile, readStarGalaxyCatalogue, starGalaxyFrame } from "./photometry/read-catalogue";
export { loadSkyServerStarGalaxy, type SkyServerOptions, type StarGalaxyLoadResult } from "./photometry/skyserver";
export { colourFeatures, DEFAULT_COLOUR_FEATURES, type ColourFeature, type ColourFeatureTable } from "./photometry/colour-features";
// Data preparation, used again by 06, 08 and 10: one seeded split, one way to pick rows, one scaler.
export { splitIndices, type SplitIndices, type SplitOptions } from "./data-preparation/split-indices";
export { pickRows } from "./data-preparation/pick-rows";
export { fitScaler, type Scaler, type ScalingMethod } from "./data-preparation/scaler";
export type { Matrix, Targets } from "./backprop/training-input";
export { trainLogisticRegression, logisticAccuracy, type LogisticParameters, type LogisticTrainingOptions, type LogisticTrainingResult } from "./backprop/logistic-regression";
export { lossSurfaceFigure, type LossSurfaceOptions } from "./backprop/loss-surface-figure";
export { initTwoLayerMlp, mlpLoss, trainTwoLayerMlp, type HiddenActivation, type MlpTrainingOptions } from "./backprop/two-layer-mlp";
export { decisionBoundaryLine } from "./backprop/decision-boundary";
export { gradientCheck, type GradientCheck, type GradientCheckOptions, type InputGradientCheck, type ScalarFunction } from "./backprop/gradient-check";
export { checkChainRuleGradient, checkWeightUpdate, checkHiddenLayerDelta, checkLogisticGradientFunction, type LogisticGradientFunction } from "./exercises/backprop-exercises";
export { logisticGraphValues, type LogisticGraphInput, type LogisticGraphValues } from "./diagrams/logistic-graph";
export { logisticGraphDiagram } from "./diagrams/logistic-graph-diagram";

// 06_redes_convolucionais: simulated galaxy images, MNIST, Galaxy10 and the convnet builder.
export { generateGalaxyImages, GALAXY_CLASS_NAMES, type GalaxyImageSet, type GalaxyImageOptions } from "./galaxy-images/generate-galaxy-images";
export { galaxyImagesToTensors, sliceGalaxyImages, galaxyImageRows } from "./galaxy-images/galaxy-image-set";
export { readShippedGalaxyImages } from "./galaxy-images/shipped-galaxy-images";
export { loadMnistDigits, type DigitImageSet } from "./mnist/mnist-digits";
export { loadGalaxy10, type Galaxy10Subset, type LoadGalaxy10Options } from "./galaxy10/galaxy10";
export { convOutputSize, type ConvPadding } from "./convnet/conv-output-size";
export { planConvnet, type ConvnetConfig, type ConvnetLayerConfig, type ConvnetLayerPlan, type ConvnetActivation } from "./convnet/convnet-config";
export { buildConvnet } from "./convnet/build-convnet";
export { imageGridFigure, featureMapImages, filterImages, type ImageGridOptions } from "./convnet/image-grid-figure";
export { convolutionStepThroughFigure, type ConvolutionStepThroughOptions } from "./convnet/convolution-step-through";
export { maxPoolingStepThroughFigure, type MaxPoolingStepThroughOptions } from "./convnet/max-pooling-step-through";
export { checkFeatureMapSize, checkConvParameterCount, checkVerticalEdgeFilter } from "./exercises/convnet-exercises";
export { convnetDiagram, type ConvnetDiagramOptions } from "./diagrams/convnet-diagram";

// 07_redes_convolucionais_pre_treinadas: VGG16, Keras HDF5 weights, the course's pretrained base.
export { buildVgg16, preprocessVgg16Input, type Vgg16Options } from "./pretrained/vgg16";
export { findVgg16Weights, type Vgg16WeightsOptions, type Vgg16WeightsStatus } from "./pretrained/vgg16-weights";
// Reading and saving weights go together (tools/pretrain-course-base.ts writes the base with them).
export { loadKerasWeights, readKerasWeights, type KerasLayerWeights, type KerasWeightArray, type KerasWeightsReport } from "./pretrained/keras-weights";
export { saveKerasWeights } from "./pretrained/save-keras-weights";
export { buildCourseBase, loadCoursePretrainedBase, COURSE_BASE_WEIGHTS_FILE, type CourseBaseOptions, type LoadCourseBaseOptions } from "./pretrained/course-base";
export { buildDenseHead, extractFeatures, measureFeatureThroughput, type DenseHeadOptions, type FeatureExtractionOptions } from "./pretrained/feature-extraction";
export { checkVgg16LayerParameters, checkVgg16OutputShape } from "./exercises/pretrained-exercises";

// 08_regressao_e_classificacao: classification metrics (scaling and splitting as in 05).
export { confusionMatrix, classificationReport, confusionMatrixFigure, type ClassificationReport, type ClassScores } from "./metrics/confusion-matrix";
export { checkOutputChoices, checkGalaxyPrecisionRecall, EXERCISE_CONFUSION_MATRIX, type OutputChoice, type OutputProblem } from "./exercises/regression-classification-exercises";

// 09_monitoramento_do_treinamento: data augmentation, early stopping, dropout.
export { augmentImages, type AugmentationOptions } from "./augmentation/augment-images";
export { dropoutMasks, dropoutMaskFigure, type DropoutMaskOptions } from "./dropout/dropout-mask-figure";
export { checkEarlyStopping, checkDropoutScale, EXERCISE_VALIDATION_LOSSES, EXERCISE_PATIENCE } from "./exercises/monitoring-exercises";

// 10_workflow_universal: balanced classes (with 05's scaling and split), baselines.
export { balancedIndices } from "./data-preparation/balanced-indices";
export { checkNormalization, checkTrivialAccuracy } from "./exercises/workflow-exercises";

// 11_fauna: PCA, attention, light curves, self-organizing maps, autoencoders.
export { pca, type PcaResult } from "./pca/pca";
export { compareWithPca, type SubspaceComparison } from "./pca/principal-angles";
export { scaledDotProductAttention, causalMask, type AttentionResult } from "./attention/scaled-dot-product-attention";
export { generateLightCurves, lightCurvesToTensors, type LightCurves, type LightCurveOptions } from "./light-curves/generate-light-curves";
export { trainSelfOrganizingMap, type SelfOrganizingMap, type SelfOrganizingMapOptions } from "./kohonen/self-organizing-map";
export { checkAttentionWeights, checkAutoencoderParameters } from "./exercises/fauna-exercises";
export { attentionDiagram, type AttentionDiagramInput } from "./diagrams/attention-diagram";
export { lstmCellDiagram, lstmParameterCount, type LstmCellDiagramOptions } from "./diagrams/lstm-cell-diagram";
export { autoencoderDiagram } from "./diagrams/autoencoder-diagram";

// Errors: every error the library throws on purpose is a CourseError (lib/src/errors.ts),
// with a message in Portuguese; a notebook tells it from a bug with isCourseError.
export { CourseError, isCourseError } from "./errors";
