import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as lib from "./index";

describe("the public API", () => {
  test("exports every documented value", () => {
    const expected = [
      "tf", "backendInfo", "BACKEND_CHOICES", "danfo",
      "show", "figureToHtml", "figureMimeBundle", "PLOTLY_MIME_TYPE",
      "figureToPng", "savePng", "SUPPORTED_TRACE_TYPES",
      "isInsideTslabKernel", "displayMimeBundle", "createUpdatableDisplay",
      "isFastMode", "pickForMode",
      "CourseError", "isCourseError", "BackendSwitchError", "InvalidBackendChoiceError", "NativeBackendUnavailableError",
      "InvalidDisplayRequestError", "NotInsideJupyterError", "ChromiumNotFoundError", "InvalidFigureError",
      "InvalidImageSizeError", "PngRenderError", "UnsupportedTraceTypeError", "FileWriteError",
      "datasetPath", "datasetsDirectory", "readManifest", "DatasetError", "showTable",
      "trainingMonitor", "TrainingMonitorError",
      "rightAnswer", "wrongAnswer", "notAnsweredYet", "showExerciseCheck",
      // Star/galaxy photometric catalogue (issue 5a).
      "SDSS_BANDS", "STAR_GALAXY_COLUMNS", "classLabel", "CatalogueError", "seededRandom",
      "simulateStarGalaxyCatalogue", "catalogueToCsv", "SHIPPED_CATALOGUE", "parseStarGalaxyCsv",
      "readStarGalaxyCatalogue", "starGalaxyFrame", "colourFeatures", "colourFeature", "DEFAULT_COLOUR_FEATURES",
      "trainTestSplit", "DataPreparationError", "fitStandardizer", "loadSkyServerStarGalaxy", "skyServerStarGalaxyQuery",
      "skyServerQueryUrl", "courseCacheDirectory", "SKYSERVER_SQL_URL", "SkyServerError",
      // Training by hand: logistic regression and two-layer MLP back-propagation (issue 5a).
      "logisticForward", "binaryCrossEntropy", "logisticGradients", "gradientDescentStep", "logisticAccuracy",
      "trainLogisticRegression", "zeroLogisticParameters", "BCE_EPSILON", "initTwoLayerMlp", "mlpForward",
      "mlpBackward", "mlpLoss", "trainTwoLayerMlp", "decisionBoundaryLine", "TrainingInputError",
      "checkChainRuleGradient", "checkWeightUpdate", "checkHiddenLayerDelta", "checkLogisticGradientFunction",
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
