/**
 * SIGINT while TensorFlow's native ops run must be harmless: the kernel's listener (and
 * Node's) only note the signal, and the ops the course uses (tfjs-node's kernels and the
 * speed-ups of ../backend/speedups, which include TF 2.21's `MatMul`, safe only because the
 * course's binding defers signals: tools/setup/native-binding/signals-deferred.test.ts) must
 * neither crash nor compute anything different. A child process
 * with a SIGINT listener (as in the kernel) trains a seeded MLP while this test sends it
 * SIGINT every 5 ms; its final weights must equal those of the same run without signals.
 *
 * The child is plain Node on the compiled library (lib/dist, built by `npm run setup`):
 * under tsx, SIGINT is tsx's to relay, not the program's.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { librarySourceFolder } from "../test-support/run-snippet";

const training = `
const tf = require("../dist/tf");
let signals = 0;
process.on("SIGINT", () => { signals += 1; });
const x = tf.randomNormal([1024, 64], 0, 1, "float32", 1);
const y = tf.tidy(() => tf.oneHot(tf.randomUniform([1024], 0, 10, "int32", 2), 10).toFloat());
const model = tf.sequential({ layers: [
  tf.layers.dense({ units: 128, inputShape: [64], activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
  tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }),
] });
model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy" });
console.log("@start");
model.fit(x, y, { epochs: 12, batchSize: 32, shuffle: false, verbose: 0 }).then((history) => {
  const weights = tf.tidy(() => model.getWeights().map((w) => Array.from(w.dataSync())));
  console.log("@" + JSON.stringify({ signals, loss: history.history.loss, weights }));
});`;

interface TrainingOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  result: { signals: number; loss: number[]; weights: number[][] } | null;
  stderr: string;
}

function train(signalEveryMs: number | null): Promise<TrainingOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", training], {
      cwd: librarySourceFolder,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2", REDES_NEURAIS_BACKEND: "tensorflow", REDES_NEURAIS_QUIET: "1" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 180_000,
    });
    let stdout = "";
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (signalEveryMs !== null && timer === undefined && stdout.includes("@start")) {
        timer = setInterval(() => child.kill("SIGINT"), signalEveryMs);
      }
      // Training is over: a SIGINT while the process exits (listeners gone) would end it.
      if (stdout.includes("@{")) clearInterval(timer);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearInterval(timer);
      const line = stdout.split("\n").find((text) => text.startsWith("@{"));
      resolve({ code, signal, result: line === undefined ? null : (JSON.parse(line.slice(1)) as TrainingOutcome["result"]), stderr });
    });
  });
}

test("SIGINT every 5 ms during native training neither crashes the process nor changes the numbers", { timeout: 400_000 }, async () => {
  const quiet = await train(null);
  const stormy = await train(5);
  assert.equal(quiet.code, 0, quiet.stderr);
  assert.equal(stormy.code, 0, `the process died (signal ${stormy.signal}):\n${stormy.stderr.slice(-2000)}`);
  assert.ok(quiet.result !== null && stormy.result !== null);
  assert.ok(stormy.result.signals >= 20, `only ${stormy.result.signals} signals arrived during training`);
  assert.deepEqual(stormy.result.loss, quiet.result.loss);
  assert.deepEqual(stormy.result.weights, quiet.result.weights);
});
