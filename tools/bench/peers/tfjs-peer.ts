/**
 * The TensorFlow.js peer of `npm run bench`, run in its own process on the backend that
 * `REDES_NEURAIS_BACKEND` chooses (`tensorflow` for tfjs-node, `cpu` for the pure-JS one):
 *
 *   node --import tsx tools/bench/peers/tfjs-peer.ts PLANO.json RESULTADO.json
 *
 * It trains and predicts exactly as the course's notebooks do: the MLP with `tf.layers`,
 * the convnet with the library's `buildConvnet`, both with `model.fit(x, y, {batchSize,
 * epochs: 1, verbose: 0})`; logistic regression with the hand-written
 * `trainLogisticRegression`; VGG16 built by `buildVgg16` (random weights), `predict` in
 * batches and `dataSync` (which waits for the result).
 */
import { readFile } from "node:fs/promises";
import { runMain } from "../../common/run-main";
import { backendInfo, buildConvnet, buildVgg16, tf, trainLogisticRegression } from "@redes-neurais/lib"; // loads lib/src/backend/node-compat.ts first
import { installedSpeedups, writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import type { CompletedPeer, MeasuredWorkload, PeerId, PeerWorkloadResult } from "../peer-result";
import { isSkippedWorkload, samplesPerRepetition, type PeerWorkload, type WorkloadPlan } from "../workloads";

/** Runs `repeat` warm-up times untimed, then `repetitions` timed times. */
async function timeRepetitions(plan: WorkloadPlan, repeat: () => Promise<void>): Promise<MeasuredWorkload> {
  for (let i = 0; i < plan.warmup; i++) await repeat();
  const seconds: number[] = [];
  for (let i = 0; i < plan.repetitions; i++) {
    const start = performance.now();
    await repeat();
    seconds.push((performance.now() - start) / 1000);
  }
  const samples = samplesPerRepetition(plan);
  return { id: plan.id, plan, seconds, samplesPerSecond: seconds.map((s) => samples / s) };
}

/** Random one-hot labels over 10 classes (seeded). */
function randomOneHot(count: number, seed: number): tf.Tensor2D {
  return tf.tidy(() => tf.oneHot(tf.randomUniform([count], 0, 10, "int32", seed).toInt(), 10).toFloat() as tf.Tensor2D);
}

async function fitOneEpochEach(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, plan: WorkloadPlan): Promise<MeasuredWorkload> {
  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy", metrics: ["accuracy"] });
  try {
    return await timeRepetitions(plan, async () => {
      await model.fit(x, y, { batchSize: plan.batchSize, epochs: 1, verbose: 0 });
    });
  } finally {
    model.optimizer.dispose(); // model.dispose() does not free the optimizer's variables
    model.dispose();
    tf.dispose([x, y]);
  }
}

function mlp(plan: WorkloadPlan): Promise<MeasuredWorkload> {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [784], units: 128, activation: "relu" }));
  model.add(tf.layers.dense({ units: 64, activation: "relu" }));
  model.add(tf.layers.dense({ units: 10, activation: "softmax" }));
  const x = tf.randomUniform([plan.samples, 784], 0, 1, "float32", 0);
  return fitOneEpochEach(model, x, randomOneHot(plan.samples, 1), plan);
}

function convnet(plan: WorkloadPlan): Promise<MeasuredWorkload> {
  const model = buildConvnet({
    inputShape: [28, 28, 1],
    layers: [
      { type: "conv2d", filters: 32, kernelSize: 3 },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "conv2d", filters: 64, kernelSize: 3 },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "flatten" },
      { type: "dense", units: 128 },
      { type: "dense", units: 10, activation: "softmax" },
    ],
    seed: 0,
  });
  const x = tf.randomUniform([plan.samples, 28, 28, 1], 0, 1, "float32", 0);
  return fitOneEpochEach(model, x, randomOneHot(plan.samples, 1), plan);
}

async function logisticRegression(plan: WorkloadPlan): Promise<MeasuredWorkload> {
  const x = tf.randomNormal([plan.samples, 4], 0, 1, "float32", 0) as tf.Tensor2D;
  const t = tf.tidy(() => tf.randomUniform([plan.samples], 0, 1, "float32", 1).greater(0.5).toFloat() as tf.Tensor1D);
  try {
    return await timeRepetitions(plan, async () => {
      const { params } = trainLogisticRegression(x, t, { learningRate: 0.5, epochs: plan.steps ?? 1 });
      tf.dispose([params.w, params.b]);
    });
  } finally {
    tf.dispose([x, t]);
  }
}

async function vgg16(plan: WorkloadPlan, model: tf.LayersModel): Promise<MeasuredWorkload> {
  const images = tf.randomUniform([plan.batchSize, 224, 224, 3], 0, 255, "float32", 0);
  try {
    return await timeRepetitions(plan, async () => {
      // dataSync waits for the features; tidy frees each output.
      for (let i = 0; i < (plan.calls ?? 1); i++) tf.tidy(() => (model.predict(images) as tf.Tensor).dataSync());
    });
  } finally {
    images.dispose();
  }
}

async function runWorkloads(workloads: PeerWorkload[]): Promise<PeerWorkloadResult[]> {
  const results: PeerWorkloadResult[] = [];
  let vgg: tf.LayersModel | undefined;
  try {
    for (const workload of workloads) {
      if (isSkippedWorkload(workload)) {
        results.push({ id: workload.id, skipped: workload.skip });
        continue;
      }
      switch (workload.id) {
        case "mlp":
          results.push(await mlp(workload));
          break;
        case "convnet":
          results.push(await convnet(workload));
          break;
        case "regressao-logistica":
          results.push(await logisticRegression(workload));
          break;
        case "vgg16-lote1":
        case "vgg16-lote8":
          vgg ??= buildVgg16({ trainable: false });
          results.push(await vgg16(workload, vgg));
          break;
      }
    }
  } finally {
    vgg?.dispose();
  }
  return results;
}

async function main(args: string[]): Promise<number> {
  const [planFile, resultFile] = args;
  if (!planFile || !resultFile) {
    console.error("Uso: node --import tsx tools/bench/peers/tfjs-peer.ts PLANO.json RESULTADO.json");
    return 2;
  }
  const workloads = JSON.parse(await readFile(planFile, "utf8")) as PeerWorkload[];
  const info = backendInfo();
  const speedups = installedSpeedups();
  const peer: PeerId = info.backend !== "tensorflow" ? "tfjs-cpu" : speedups.length > 0 ? "tfjs-node" : "tfjs-node-publicado";
  const results = await runWorkloads(workloads);
  const versions: Record<string, string> = { node: process.version, tfjs: info.tfjsVersion, backend: info.backend };
  if (info.backend === "tensorflow" && info.tensorflowVersion) versions.tensorflowC = info.tensorflowVersion;
  if (info.backend === "tensorflow") versions.aceleracoes = speedups.length > 0 ? speedups.join(" + ") : "nenhuma";
  const threads: Record<string, number | string> =
    info.backend === "tensorflow"
      ? {
          intraOp: process.env.TF_NUM_INTRAOP_THREADS ?? "padrão do TensorFlow (todos os núcleos)",
          interOp: process.env.TF_NUM_INTEROP_THREADS ?? "padrão do TensorFlow (todos os núcleos)",
        }
      : { javascript: 1 };
  const result: CompletedPeer = {
    peer,
    status: "ok",
    versions,
    threads,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    workloads: results,
  };
  await writeFileAtomically(resultFile, JSON.stringify(result, null, 2));
  return 0;
}

runMain(main);
