// @ts-check
/**
 * What this build of TensorFlow.js is known to do differently from upstream's
 * expectations, spec by spec, with the cause. The conformance run expects each listed
 * spec to fail; a listed spec that passes is reported so the entry can be removed.
 *
 * `onSomeMachines: true` marks deviations that depend on the processor (TensorFlow's
 * oneDNN kernels pick code paths by CPU features): they fail on some machines and pass
 * on others, so passing is noted but not an error.
 */

/**
 * @typedef {object} Deviation
 * @property {string} spec The spec's full name, exactly as jasmine reports it.
 * @property {string} cause Why it fails on this build.
 * @property {boolean} [onSomeMachines] Fails only on some processors.
 */

/**
 * @typedef {object} LeftOut
 * @property {string} prefix Specs whose full name starts with this are not run…
 * @property {readonly string[]} keep …except these (full names), which need no fixture.
 * @property {string} reason Why.
 */

const integerRound =
  "TF 2.21's CPU Round kernel returns 0 for integer inputs (Python's tf.round never calls it on integers). " +
  "The course's lib rounds with roundTensor(), which never reaches this kernel.";
const histogramOfConstants =
  "tfjs-node's histogram bucketing concatenates scalars when all values are equal (min == max), which TF 2.21's ConcatOp " +
  "rejects: 'ConcatOp : Can't concatenate scalars'. The course does not write TensorBoard histograms.";
/** Known deviations of the native backend (`tensorflow`, TF 2.21 C library of the pip wheel). */
/** @type {readonly Deviation[]} */
export const TENSORFLOW_DEVIATIONS = [
  { spec: "round test-tensorflow {} int32", cause: integerRound },
  { spec: "tensorboard SummaryFileWriter.histogram Create summaryFileWriter and write tensor", cause: histogramOfConstants },
  { spec: "tensorBoard callback fit(): histogramFreq 2, with validation", cause: histogramOfConstants },
];

/**
 * Known deviations of the pure-JavaScript `cpu` backend (the course's fallback), run like
 * upstream's tfjs-backend-cpu suite (test env `cpu`, no ignore list): none. Every spec of
 * tfjs-core's suite passes on it; keep it that way, or list the spec here with its cause.
 */
/** @type {readonly Deviation[]} */
export const CPU_DEVIATIONS = [];

/**
 * tfjs-node specs not run because their fixture files are not in the npm package
 * (upstream keeps them in its repository under tfjs-node/test_objects/) and are not made
 * here either: their expected values are tied to upstream's exact files (the pixels of a
 * particular JPEG, the signatures and tensor names of particular SavedModels). The PNG
 * and BMP fixtures, whose pixels the specs spell out, are made by image-fixtures.mjs.
 * The course neither decodes images with tf.node nor loads TensorFlow SavedModels.
 */
/** @type {readonly LeftOut[]} */
export const LEFT_OUT_FOR_MISSING_FIXTURES = [
  {
    prefix: "decode images ",
    // The PNG and BMP fixtures are made by image-fixtures.mjs with the exact pixels these expect.
    keep: [
      "decode images decode png",
      "decode images decode png 1 channels",
      "decode images decode png 3 channels",
      "decode images decode png 4 channels",
      "decode images decode bmp",
      "decode images decode bmp through decodeImage",
      "decode images throw error if request non int32 dtype",
      "decode images throw error if decode invalid image type",
      "decode images throw error if backend is not tensorflow",
    ],
    reason:
      "the JPEG and GIF specs read test_objects/images/image_jpeg_test.jpeg and gif_test.gif and compare exact pixels of " +
      "upstream's files (a JPEG's pixels depend on the encoder that made it; a two-frame GIF would need a hand-written LZW " +
      "encoder); the course does not decode images with tf.node",
  },
  {
    prefix: "SavedModel ",
    keep: ["SavedModel get enum key based on value", "SavedModel read non-exist file"],
    reason:
      "saved_model_test.js loads test_objects/saved_model/* (seven SavedModels made by upstream's scripts, with their " +
      "exact signatures and tensor names); the course does not load SavedModels",
  },
];

/**
 * The reason a spec is left out for a missing fixture, or undefined when it runs.
 * @param {string} fullName
 * @param {readonly LeftOut[]} [leftOut]
 * @returns {string | undefined}
 */
export function leftOutReason(fullName, leftOut = LEFT_OUT_FOR_MISSING_FIXTURES) {
  const entry = leftOut.find((candidate) => fullName.startsWith(candidate.prefix) && !candidate.keep.includes(fullName));
  return entry?.reason;
}

/**
 * A deviation list read from a JSON file (an array of `{ spec, cause, onSomeMachines? }`).
 * @param {string} json The file's text.
 * @param {string} file Its path, for the error message.
 * @returns {Deviation[]}
 */
export function parseDeviations(json, file) {
  /** @type {unknown} */
  const value = JSON.parse(json);
  const valid =
    Array.isArray(value) &&
    value.every(
      (entry) =>
        entry !== null &&
        typeof entry === "object" &&
        typeof entry.spec === "string" &&
        typeof entry.cause === "string" &&
        (entry.onSomeMachines === undefined || typeof entry.onSomeMachines === "boolean"),
    );
  if (!valid) throw new Error(`${file} deve conter uma lista JSON de { "spec": texto, "cause": texto, "onSomeMachines"?: booleano }`);
  return /** @type {Deviation[]} */ (value);
}

/**
 * @param {"tensorflow" | "cpu"} backend
 * @returns {readonly Deviation[]}
 */
export function deviationsFor(backend) {
  return backend === "tensorflow" ? TENSORFLOW_DEVIATIONS : CPU_DEVIATIONS;
}
