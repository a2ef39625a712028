import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./index";

describe("the public API", () => {
  test("exports every documented value", () => {
    const expected = [
      "tf", "backendInfo", "BACKEND_CHOICES", "danfo",
      // Training speed-ups on the native backend (issue 9).
      "installedSpeedups", "withoutNativeSpeedups", "NO_SPEEDUPS_ENV_VAR",
      "show", "figureToHtml", "figureMimeBundle", "PLOTLY_MIME_TYPE",
      "figureToPng", "savePng", "SUPPORTED_TRACE_TYPES",
      "isInsideTslabKernel", "displayMimeBundle", "createUpdatableDisplay",
      "isFastMode", "pickForMode",
      "CourseError", "isCourseError", "BackendSwitchError", "InvalidBackendChoiceError", "NativeBackendUnavailableError",
      "InvalidDisplayRequestError", "NotInsideJupyterError", "ChromiumNotFoundError", "InvalidFigureError",
      "InvalidImageSizeError", "PngRenderError", "UnsupportedTraceTypeError", "FileWriteError",
      "datasetPath", "datasetsDirectory", "readManifest", "DatasetError", "showTable",
      // Simulated galaxy images (issue 6).
      "generateGalaxyImages", "GALAXY_CLASS_NAMES", "galaxyImagesToTensors", "sliceGalaxyImages",
      "galaxyImageRows", "readShippedGalaxyImages", "SHIPPED_GALAXY_IMAGES_OPTIONS", "GalaxyImageError",
      // Convnet builder (issue 6).
      "convOutputSize", "ConvOutputSizeError", "planConvnet", "ConvnetConfigError", "buildConvnet",
      "imageGridFigure", "featureMapImages", "filterImages", "ImageGridError",
      "checkFeatureMapSize", "checkConvParameterCount", "checkVerticalEdgeFilter", "loadMnistDigits", "MnistDigitsError",
      // Galaxy10 DECaLS loader (issue 6).
      "loadGalaxy10", "readGalaxy10", "GALAXY10_URL", "GALAXY10_SHA256", "GALAXY10_CLASS_NAMES", "Galaxy10Error",
      "trainingMonitor", "TrainingMonitorError", "TrainingInterruptedError",
      "rightAnswer", "wrongAnswer", "notAnsweredYet", "showExerciseCheck",
      // Rounding (TF 2.21's integer Round kernel).
      "roundTensor", "RoundDtypeError",
      // Part 3 (notebooks 08–11).
      "augmentImages", "flipLeftRight", "flipUpDown", "rotate90", "InvalidAugmentationError",
      "pca", "pcaTransform", "principalAngles", "compareWithPca", "symmetricEigen", "InvalidPcaInputError",
      "scaledDotProductAttention", "causalMask", "InvalidAttentionInputError",
      "generateLightCurves", "lightCurvesToTensors", "LIGHT_CURVE_CLASSES", "InvalidLightCurveRequestError",
      "confusionMatrix", "classificationReport", "confusionMatrixFigure", "InvalidLabelsError",
      "fitScaler", "splitIndices", "pickRows", "balancedIndices", "DataPreparationError",
      "trainSelfOrganizingMap", "InvalidSelfOrganizingMapError",
      "checkOutputChoices", "checkGalaxyPrecisionRecall", "EXERCISE_CONFUSION_MATRIX",
      "checkEarlyStopping", "checkDropoutScale", "earlyStoppingEpochs", "EXERCISE_VALIDATION_LOSSES", "EXERCISE_PATIENCE",
      "checkNormalization", "checkTrivialAccuracy", "checkAttentionWeights", "checkAutoencoderParameters",
      // Star/galaxy photometric catalogue (issue 5a).
      "SDSS_BANDS", "STAR_GALAXY_COLUMNS", "classLabel", "CatalogueError", "seededRandom",
      "simulateStarGalaxyCatalogue", "catalogueToCsv", "SHIPPED_CATALOGUE", "parseStarGalaxyCsv",
      "readStarGalaxyCatalogue", "starGalaxyFrame", "colourFeatures", "colourFeature", "DEFAULT_COLOUR_FEATURES",
      "loadSkyServerStarGalaxy", "skyServerStarGalaxyQuery",
      "skyServerQueryUrl", "courseCacheDirectory", "SKYSERVER_SQL_URL", "SkyServerError",
      // Training by hand: logistic regression and two-layer MLP back-propagation (issue 5a).
      "logisticForward", "binaryCrossEntropy", "logisticGradients", "gradientDescentStep", "logisticAccuracy",
      "trainLogisticRegression", "zeroLogisticParameters", "BCE_EPSILON", "initTwoLayerMlp",
      "mlpBackward", "mlpLoss", "trainTwoLayerMlp", "decisionBoundaryLine", "TrainingInputError",
      "checkChainRuleGradient", "checkWeightUpdate", "checkHiddenLayerDelta", "checkLogisticGradientFunction",
      // Gradient check: automatic differentiation against finite differences (notebooks 05 and 06).
      "gradientCheck", "GradientCheckError",
      // Notebooks 01–04: neuron, activations, MLP, universality.
      "neuronOutput", "InvalidNeuronInputError", "NEURON_EXERCISE", "checkNeuronSum", "checkNeuronOutput",
      "ACTIVATION_NAMES", "ACTIVATION_LABELS", "activationValue", "activationDerivativeValue", "applyActivation",
      "applyActivationDerivative", "UnknownActivationError", "InvalidActivationInputError", "activationFigure",
      "weightSliderFigure", "checkSigmoidDerivative", "checkSigmoidMidpoint", "SIGMOID_MIDPOINT_EXERCISE",
      "randomDenseLayers", "mlpForward", "mlpForwardPass", "countMlpParameters", "collapseLinearLayers", "buildMlp", "mlpFromWeights",
      "MlpShapeError", "checkParameterCount", "evaluateOneHiddenLayer", "oneHiddenLayerAsDenseLayers", "stepPosition",
      "bumpApproximator", "approximationError", "InvalidApproximationError", "STEP_EXERCISE", "BUMP_EXERCISE",
      "checkStepPosition", "checkBumpOutput",
      // Pretrained convnets and transfer learning (notebook 07).
      "buildVgg16", "preprocessVgg16Input", "VGG16_BLOCKS", "VGG16_IMAGENET_MEAN_BGR", "loadKerasWeights", "readKerasWeights",
      "saveKerasWeights", "CACHE_DIRECTORY_ENV_VAR", "ensureVgg16Weights", "findVgg16Weights", "VGG16_NOTOP_WEIGHTS", "VGG16_WEIGHTS_ENV_VAR",
      "buildDenseHead", "extractFeatures", "measureFeatureThroughput", "buildCourseBase", "loadCoursePretrainedBase",
      "COURSE_BASE_WEIGHTS_FILE", "checkVgg16LayerParameters", "checkVgg16OutputShape",
      "PretrainedModelError", "WeightsFileError", "DownloadError",
    ];
    assert.deepEqual(Object.keys(lib).sort(), [...expected].sort());
  });

  test("every exported error class is a CourseError with its own name", () => {
    const errorClasses = Object.entries(lib).filter(([name]) => /^[A-Z]\w*Error$/.test(name) && name !== "CourseError");
    for (const [name, ErrorClass] of errorClasses) {
      assert.ok((ErrorClass as { prototype: unknown }).prototype instanceof lib.CourseError, `${name} extends CourseError`);
    }
    const example = new lib.InvalidFigureError("x");
    assert.equal(example.name, "InvalidFigureError");
    assert.ok(lib.isCourseError(example));
  });

  test("tf is the live TensorFlow.js on the backend backendInfo reports, and tidy leaks nothing", () => {
    const before = lib.tf.memory().numTensors;
    const sum = lib.tf.tidy(() => lib.tf.add(lib.tf.tensor1d([1, 2]), lib.tf.scalar(1)).arraySync());
    assert.deepEqual(sum, [2, 3]);
    assert.equal(lib.tf.memory().numTensors, before);
    assert.equal(lib.backendInfo().backend, lib.tf.getBackend());
  });
});
