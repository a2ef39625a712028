/**
 * Adam on TensorFlow's fused `ResourceApplyAdam`: one op updates a weight and both of its
 * moments, where tfjs's `AdamOptimizer.applyGradients` runs about fourteen element-wise
 * ops per weight (each a separate pass over memory and a separate call into TensorFlow).
 * On the course's MLP that was a third of every training step.
 *
 * Same mathematics as tfjs's Adam. tfjs computes
 *   m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  w ← w − lr · m̂ / (√v̂ + ε)
 * with m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ); TensorFlow's op computes
 *   w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε′),
 * which is the same update when ε′ = ε·√(1−β₂ᵗ) — passed each step. Results agree to float
 * rounding (tested against tfjs's own Adam).
 *
 * The moments live in TensorFlow resource variables; tfjs's moment variables (what
 * `getWeights` returns and `setWeights` sets) are brought up to date when read and read back
 * when set, so saving and restoring an optimizer behaves as before. Other backends, and
 * weights that are not float32, use tfjs's Adam unchanged.
 */
import type { Tensor, Variable } from "@tensorflow/tfjs-node";
import type { TensorFlowModule } from "../load-tensorflow";
import { activeNativeBackend, boolAttribute, float32TypeAttribute, type NativeKernelBackend } from "./native-ops";
import { assignResourceVariable, createResourceVariable, destroyResourceVariable, readResourceVariable } from "./resource-variables";

type AdamOptimizer = InstanceType<TensorFlowModule["AdamOptimizer"]>;
/** What tfjs passes to `applyGradients`: a map from weight names, or named tensors. */
type VariableGradients = Parameters<AdamOptimizer["applyGradients"]>[0];
type NamedTensor = Awaited<ReturnType<AdamOptimizer["getWeights"]>>[number];

/** tfjs's private fields of `AdamOptimizer` that the fused update reads and keeps in step. */
interface AdamInternals {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: Variable;
  accBeta2: Variable;
  accumulatedFirstMoment: Array<{ originalName: string; variable: Variable } | undefined>;
  accumulatedSecondMoment: Array<{ originalName: string; variable: Variable } | undefined>;
  incrementIterations(): void;
}

/** The TensorFlow-side state of one weight. */
interface WeightSlot {
  readonly shape: readonly number[];
  readonly weight: Tensor;
  readonly firstMoment: Tensor;
  readonly secondMoment: Tensor;
}

interface FusedState {
  readonly backend: NativeKernelBackend;
  readonly slots: Array<WeightSlot | undefined>;
}

const states = new WeakMap<object, FusedState>();

function internalsOf(optimizer: AdamOptimizer): AdamInternals {
  return optimizer as unknown as AdamInternals;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((size, index) => size === b[index]);
}

function destroySlot(backend: NativeKernelBackend, slot: WeightSlot): void {
  for (const handle of [slot.weight, slot.firstMoment, slot.secondMoment]) {
    destroyResourceVariable(backend, handle);
  }
}

/** Moves the moments kept in TensorFlow into tfjs's moment variables, and forgets them there. */
function releaseState(tf: TensorFlowModule, optimizer: AdamOptimizer, copyMoments: boolean): void {
  const state = states.get(optimizer);
  if (state === undefined) {
    return;
  }
  const internals = internalsOf(optimizer);
  state.slots.forEach((slot, index) => {
    if (slot === undefined) {
      return;
    }
    if (copyMoments) {
      tf.tidy(() => {
        internals.accumulatedFirstMoment[index]?.variable.assign(readResourceVariable(state.backend, slot.firstMoment));
        internals.accumulatedSecondMoment[index]?.variable.assign(readResourceVariable(state.backend, slot.secondMoment));
      });
    }
    destroySlot(state.backend, slot);
  });
  states.delete(optimizer);
}

/**
 * Hands an optimizer's moments kept in TensorFlow back to tfjs's moment variables (a no-op
 * when there are none): for code that updates those variables itself
 * (../compiled-training/compiled-train-function.ts).
 */
export function handAdamStateBackToTfjs(tf: TensorFlowModule, optimizer: AdamOptimizer): void {
  releaseState(tf, optimizer, true);
}

function slotFor(tf: TensorFlowModule, state: FusedState, internals: AdamInternals, index: number, weight: Variable): WeightSlot {
  const existing = state.slots[index];
  if (existing !== undefined && sameShape(existing.shape, weight.shape)) {
    return existing;
  }
  if (existing !== undefined) {
    destroySlot(state.backend, existing);
  }
  const firstMoment = internals.accumulatedFirstMoment[index]?.variable;
  const secondMoment = internals.accumulatedSecondMoment[index]?.variable;
  if (firstMoment === undefined || secondMoment === undefined) {
    throw new Error(`Adam acelerado: os momentos do peso ${index} não existem (estado interno inesperado do tfjs).`);
  }
  const slot = tf.tidy(() => ({
    shape: [...weight.shape],
    weight: tf.keep(createResourceVariable(state.backend, weight.shape, weight, "adam/peso")),
    firstMoment: tf.keep(createResourceVariable(state.backend, weight.shape, firstMoment, "adam/m")),
    secondMoment: tf.keep(createResourceVariable(state.backend, weight.shape, secondMoment, "adam/v")),
  }));
  state.slots[index] = slot;
  return slot;
}

function namedGradients(variableGradients: VariableGradients): Array<{ name: string; gradient: Tensor | undefined }> {
  if (Array.isArray(variableGradients)) {
    return variableGradients.map((entry) => ({ name: entry.name, gradient: entry.tensor }));
  }
  return Object.keys(variableGradients).map((name) => ({ name, gradient: variableGradients[name] }));
}

function fusedApply(tf: TensorFlowModule, backend: NativeKernelBackend, optimizer: AdamOptimizer, variableGradients: VariableGradients): void {
  const internals = internalsOf(optimizer);
  let state = states.get(optimizer);
  if (state === undefined || state.backend !== backend) {
    state = { backend, slots: [] };
    states.set(optimizer, state);
  }
  const fusedState = state;
  const registered = tf.engine().registeredVariables;
  tf.tidy(() => {
    const learningRate = tf.scalar(internals.learningRate);
    const beta1 = tf.scalar(internals.beta1);
    const beta2 = tf.scalar(internals.beta2);
    // ε′ = ε·√(1−β₂ᵗ) makes TensorFlow's update equal to tfjs's (see the module comment).
    const epsilonHat = tf.mul(tf.sqrt(tf.sub(1, internals.accBeta2)), internals.epsilon);
    namedGradients(variableGradients).forEach(({ name, gradient }, index) => {
      const weight = registered[name];
      if (weight === undefined) {
        throw new Error(`Adam acelerado: a variável "${name}" não está registrada no TensorFlow.js.`);
      }
      // tfjs creates the moment variables even for a weight without a gradient.
      internals.accumulatedFirstMoment[index] ??= { originalName: `${name}/m`, variable: tf.tidy(() => tf.zerosLike(weight).variable(false)) };
      internals.accumulatedSecondMoment[index] ??= { originalName: `${name}/v`, variable: tf.tidy(() => tf.zerosLike(weight).variable(false)) };
      if (gradient === undefined || gradient === null) {
        return;
      }
      const slot = slotFor(tf, fusedState, internals, index, weight);
      assignResourceVariable(backend, slot.weight, weight);
      backend.executeMultipleOutputs(
        "ResourceApplyAdam",
        [float32TypeAttribute(backend), boolAttribute(backend, "use_locking", false), boolAttribute(backend, "use_nesterov", false)],
        [slot.weight, slot.firstMoment, slot.secondMoment, internals.accBeta1, internals.accBeta2, learningRate, beta1, beta2, epsilonHat, gradient],
        0,
      );
      weight.assign(readResourceVariable(backend, slot.weight));
    });
    internals.accBeta1.assign(tf.mul(internals.accBeta1, internals.beta1));
    internals.accBeta2.assign(tf.mul(internals.accBeta2, internals.beta2));
  });
  internals.incrementIterations();
}

function everyWeightIsFloat32(tf: TensorFlowModule, variableGradients: VariableGradients): boolean {
  const registered = tf.engine().registeredVariables;
  return namedGradients(variableGradients).every(({ name, gradient }) => registered[name]?.dtype === "float32" && (gradient == null || gradient.dtype === "float32"));
}

const patchedKey = Symbol.for("@redes-neurais/lib:fused-adam");
type PatchedPrototype = { [patchedKey]?: { enabled: boolean } };

/**
 * Makes every `AdamOptimizer` (also `compile({optimizer: "adam"})`) use the fused update on
 * the native backend. The prototype is patched once; turning the speed-up off makes the
 * patched methods hand each optimizer's moments back to tfjs and call tfjs's own code.
 *
 * @returns A function that turns the fused update off again.
 */
export function installFusedAdam(tf: TensorFlowModule): () => void {
  const prototype = tf.AdamOptimizer.prototype;
  const patched = prototype as unknown as PatchedPrototype;
  const existing = patched[patchedKey];
  if (existing !== undefined) {
    existing.enabled = true;
    return () => {
      existing.enabled = false;
    };
  }
  const switchState = { enabled: true };
  patched[patchedKey] = switchState;
  const original = {
    applyGradients: prototype.applyGradients,
    getWeights: prototype.getWeights,
    setWeights: prototype.setWeights,
    dispose: prototype.dispose,
  };
  prototype.applyGradients = function applyGradients(this: AdamOptimizer, variableGradients: VariableGradients): void {
    const backend = switchState.enabled ? activeNativeBackend(tf) : null;
    if (backend === null || !everyWeightIsFloat32(tf, variableGradients)) {
      releaseState(tf, this, true);
      original.applyGradients.call(this, variableGradients);
      return;
    }
    fusedApply(tf, backend, this, variableGradients);
  };
  prototype.getWeights = async function getWeights(this: AdamOptimizer): Promise<NamedTensor[]> {
    releaseState(tf, this, true);
    return original.getWeights.call(this);
  };
  prototype.setWeights = async function setWeights(this: AdamOptimizer, weights: NamedTensor[]): Promise<void> {
    releaseState(tf, this, false);
    return original.setWeights.call(this, weights);
  };
  prototype.dispose = function dispose(this: AdamOptimizer): void {
    releaseState(tf, this, false);
    original.dispose.call(this);
  };
  return () => {
    switchState.enabled = false;
  };
}
