/**
 * `model.fit` (and `trainOnBatch`) with each training step run as one TensorFlow function:
 * tfjs-layers asks `LayersModel.makeTrainFunction` for the step at the start of every fit;
 * for a model that ./training-plan.ts can plan, the step built by ./training-graph.ts is
 * registered once in TensorFlow (through the binding's `addFunctionDef`,
 * tools/setup/native-binding/) and replaces the ~100 separate ops of tfjs's own step.
 * Everything around it is tfjs's: batching, shuffling, callbacks, history, validation.
 *
 * The weights and the optimizer's state stay in tfjs's variables (the function takes their
 * values and returns the new ones), so `getWeights`, `save`, `optimizer.getWeights` and a
 * later eager step all see the same numbers as with tfjs's own step. A batch the function
 * cannot take (sample weights, inputs that are not float32) goes to tfjs's step.
 */
import { createHash } from "node:crypto";
import type { Tensor, Variable } from "@tensorflow/tfjs-node";
import { readEnvFlag } from "../../env-flag";
import type { TensorFlowModule } from "../load-tensorflow";
import { handAdamStateBackToTfjs } from "../speedups/fused-adam";
import { activeNativeBackend, type NativeKernelBackend } from "../speedups/native-ops";
import { buildTrainingFunction, type TrainingFunction } from "./training-graph";
import { currentValues, planTraining, type TrainingPlan } from "./training-plan";

type LayersModel = InstanceType<TensorFlowModule["LayersModel"]>;
type AdamOptimizer = InstanceType<TensorFlowModule["AdamOptimizer"]>;
type TrainFunction = (data: Tensor[]) => Tensor[];

/** The binding's additions (absent from a tfjs-node binding the course did not compile). */
interface FunctionBinding {
  addFunctionDef(serialized: Uint8Array): void;
  hasFunction(name: string): boolean;
}

interface AdamInternals {
  accBeta1: Tensor & { assign(value: Tensor): void };
  accBeta2: Tensor & { assign(value: Tensor): void };
  accumulatedFirstMoment: Array<{ originalName: string; variable: Tensor & { assign(value: Tensor): void } } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: Tensor & { assign(value: Tensor): void } } | undefined>;
  incrementIterations(): void;
}

function functionBinding(backend: NativeKernelBackend): FunctionBinding | null {
  const binding = backend.binding as unknown as Partial<FunctionBinding>;
  return typeof binding.addFunctionDef === "function" && typeof binding.hasFunction === "function" ? (binding as FunctionBinding) : null;
}

/**
 * `REDES_NEURAIS_XLA=1` lets dense networks switch to an XLA-compiled twin of the step. Off by
 * default: XLA's compiler raised the bench's peak RSS by ~110 MiB (1,176 against 1,065 MiB)
 * for a step ~25–35% faster on the MLP — memory that a class on one JupyterHub pays per kernel.
 */
export const XLA_ENV_VAR = "REDES_NEURAIS_XLA";

/**
 * Steps of one batch size, within one fit, run by the plain function before that size
 * switches to the XLA twin (counted per fit, so the same fit with the same seed always runs
 * the same functions and gives the same numbers): XLA compiles once per shape (about a
 * second for the bench's MLP), which only a training with many steps repays. Only dense
 * networks get a twin: XLA's CPU convolutions ran the bench's convnet 1.8–3× slower than
 * TensorFlow's oneDNN kernels.
 */
export const STEPS_BEFORE_XLA = 40;

/** What one fit keeps between its steps. */
interface FitState {
  readonly stepsByBatchSize: Map<number, number>;
  /** Whether this fit may switch to the XLA twin (`REDES_NEURAIS_XLA`, read when the fit starts). */
  readonly xla: boolean;
}

/** A registered step: the plain function and its XLA twin (null for convnets; registering costs nothing until it runs). */
interface RegisteredStep {
  readonly layout: TrainingFunction;
  readonly plainName: string;
  readonly xlaName: string | null;
}

const registry = new Map<string, RegisteredStep>();

/** Registers the step's two functions once per distinct definition (same bytes, same names). */
function registered(binding: FunctionBinding, plan: TrainingPlan): RegisteredStep {
  const draft = buildTrainingFunction("redes_neurais_passo", plan);
  const digest = createHash("sha256").update(draft.graph.serialize()).digest("hex").slice(0, 16);
  const existing = registry.get(digest);
  if (existing !== undefined && [existing.plainName, existing.xlaName].every((name) => name === null || binding.hasFunction(name))) return existing;
  const plain = buildTrainingFunction(`redes_neurais_passo_${digest}`, plan);
  const denseOnly = plan.layers.every((layer) => layer.kind !== "conv2d" && layer.kind !== "maxPool");
  const xla = denseOnly ? buildTrainingFunction(`redes_neurais_passo_${digest}_xla`, plan) : null;
  xla?.graph.attribute("_XlaMustCompile", { bool: true });
  for (const built of [plain, xla]) {
    if (built !== null && !binding.hasFunction(built.graph.name)) binding.addFunctionDef(built.graph.serialize());
  }
  const step = { layout: plain, plainName: plain.graph.name, xlaName: xla?.graph.name ?? null };
  registry.set(digest, step);
  return step;
}

/** The function to run for a batch of `batchSize` (the XLA twin once the size has run long enough in this fit). */
function functionFor(step: RegisteredStep, fit: FitState, batchSize: number): string {
  const count = (fit.stepsByBatchSize.get(batchSize) ?? 0) + 1;
  fit.stepsByBatchSize.set(batchSize, count);
  return fit.xla && count > STEPS_BEFORE_XLA && step.xlaName !== null ? step.xlaName : step.plainName;
}

/** tfjs's dropout multiplier (tf.dropout): floor(U[0,1) + keep) / keep, from tfjs's own generator. */
function dropoutMultiplier(tf: TensorFlowModule, shape: number[], rate: number, seed: number | undefined): Tensor {
  return tf.tidy(() => {
    const keep = 1 - rate;
    return tf.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, "float32", seed), keep)), keep);
  });
}

function adamMoments(tf: TensorFlowModule, optimizer: AdamInternals, plan: TrainingPlan): Tensor[] {
  const moments: Tensor[] = [];
  plan.trained.forEach((weight, index) => {
    const value = weight.read() as Variable;
    // Created as tfjs's AdamOptimizer.applyGradients creates them.
    optimizer.accumulatedFirstMoment[index] ??= { originalName: `${value.name}/m`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
    optimizer.accumulatedSecondMoment[index] ??= { originalName: `${value.name}/v`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) };
  });
  plan.trained.forEach((_, index) => {
    moments.push((optimizer.accumulatedFirstMoment[index] as { variable: Tensor }).variable, (optimizer.accumulatedSecondMoment[index] as { variable: Tensor }).variable);
  });
  return moments;
}

/** One compiled step: feeds the function, then writes the new values into tfjs's variables. */
function compiledStep(tf: TensorFlowModule, backend: NativeKernelBackend, model: LayersModel, plan: TrainingPlan, step: RegisteredStep, fit: FitState, data: Tensor[]): Tensor[] {
  const [x, givenTarget] = data as [Tensor, Tensor];
  const target = givenTarget.dtype === "float32" ? givenTarget : tf.cast(givenTarget, "float32");
  const batch = x.shape[0] ?? 0;
  const masks = plan.layers.flatMap((layer) => (layer.kind === "dropout" ? [dropoutMultiplier(tf, [batch, ...layer.featureShape], layer.rate, layer.seed)] : []));
  const optimizer = model.optimizer;
  const adam = plan.optimizer.kind === "adam" ? (optimizer as unknown as AdamInternals) : null;
  if (adam !== null) handAdamStateBackToTfjs(tf, optimizer as unknown as AdamOptimizer);
  const state = adam !== null ? [adam.accBeta1, adam.accBeta2, ...adamMoments(tf, adam, plan)] : [];
  const inputs = [x, target, ...masks, ...currentValues(plan.weights), ...state];
  let outputs: Tensor[];
  try {
    outputs = backend.executeMultipleOutputs(functionFor(step, fit, batch), [], inputs, step.layout.outputCount);
  } finally {
    tf.dispose(target === givenTarget ? masks : [...masks, target]);
  }
  const reported = 1 + plan.metrics.length;
  const newWeights = outputs.slice(reported, reported + plan.trained.length);
  plan.trained.forEach((weight, index) => (weight.read() as Tensor & { assign(value: Tensor): void }).assign(newWeights[index] as Tensor));
  if (adam !== null) {
    const newState = outputs.slice(reported + plan.trained.length);
    plan.trained.forEach((_, index) => {
      adam.accumulatedFirstMoment[index]?.variable.assign(newState[2 * index] as Tensor);
      adam.accumulatedSecondMoment[index]?.variable.assign(newState[2 * index + 1] as Tensor);
    });
    adam.accBeta1.assign(newState[2 * plan.trained.length] as Tensor);
    adam.accBeta2.assign(newState[2 * plan.trained.length + 1] as Tensor);
  }
  (optimizer as unknown as AdamInternals).incrementIterations();
  // The new values now live in the variables; the function's own outputs can go.
  tf.dispose(outputs.slice(reported));
  return outputs.slice(0, reported);
}

/** Whether the batch is one the compiled step takes (else tfjs's own step runs it). */
function takesBatch(data: ReadonlyArray<Tensor | null | undefined>): data is [Tensor, Tensor, ...null[]] {
  // fit passes [x, y, sampleWeights] with `null` when there are none. Integer targets (what
  // tf.oneHot returns) are cast to float32, as tfjs's losses do.
  const [x, y, ...weights] = data;
  return x?.dtype === "float32" && (y?.dtype === "float32" || y?.dtype === "int32" || y?.dtype === "bool") && weights.every((weight) => weight == null);
}

/**
 * Whether the optimizer still has the hyperparameters the function was built with (a
 * callback may change the learning rate during a fit; tfjs's step then takes over).
 */
function hyperparametersUnchanged(model: LayersModel, plan: TrainingPlan): boolean {
  const current = model.optimizer as unknown as Record<string, unknown>;
  return Object.entries(plan.optimizer).every(([key, value]) => key === "kind" || current[key] === value);
}

/** Why `model`'s `fit` would not use a compiled step (null when it would), for tests and diagnostics. */
export function compiledTrainingRefusal(tf: TensorFlowModule, model: LayersModel): string | null {
  const backend = activeNativeBackend(tf);
  if (backend === null || functionBinding(backend) === null) return "backend sem funções do TensorFlow (binding não compilado pelo curso)";
  const inner = (model as unknown as { model?: LayersModel }).model ?? model;
  const result = planTraining(tf, inner);
  return "reason" in result ? result.reason : null;
}

const patchedKey = Symbol.for("@redes-neurais/lib:compiled-training");
type PatchedPrototype = { [patchedKey]?: { enabled: boolean }; makeTrainFunction(): TrainFunction };

/**
 * Makes `fit` use compiled steps on the native backend. The prototype is patched once;
 * turning the speed-up off makes later fits build tfjs's own step again.
 *
 * @returns A function that turns compiled steps off.
 */
export function installCompiledTraining(tf: TensorFlowModule): () => void {
  const prototype = tf.LayersModel.prototype as unknown as PatchedPrototype;
  const existing = prototype[patchedKey];
  const switchState = existing ?? { enabled: true };
  switchState.enabled = true;
  if (existing === undefined) {
    prototype[patchedKey] = switchState;
    const original = prototype.makeTrainFunction;
    prototype.makeTrainFunction = function makeTrainFunction(this: LayersModel): TrainFunction {
      const eager = original.call(this);
      const backend = switchState.enabled ? activeNativeBackend(tf) : null;
      const binding = backend !== null ? functionBinding(backend) : null;
      if (backend === null || binding === null) return eager;
      const result = planTraining(tf, this);
      if ("reason" in result) return eager;
      const step = registered(binding, result.plan);
      // tfjs-layers asks for a train function at the start of each fit (and of each trainOnBatch).
      const fit: FitState = { stepsByBatchSize: new Map<number, number>(), xla: readEnvFlag(process.env, XLA_ENV_VAR) };
      return (data: Tensor[]) =>
        takesBatch(data) && hyperparametersUnchanged(this, result.plan) ? compiledStep(tf, backend, this, result.plan, step, fit, data) : eager(data);
    };
  }
  return () => {
    switchState.enabled = false;
  };
}
