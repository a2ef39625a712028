/**
 * TensorFlow.js's engine after tslab breaks a synchronous cell. tslab runs a cell's
 * synchronous code with `breakOnSigint`: V8 stops it where it is, without running `finally`
 * blocks, so a `tf.tidy` or an op cut in the middle leaves its scopes open (later tensors
 * are tracked there and never freed) and the engine's kernel depth raised (then gradients
 * are no longer recorded: `tf.grad` and `fit` fail later). Measured in a kernel: after an
 * interrupted loop of `tf.tidy(() => matMul…)`, 2 scopes stayed open with 34 tensors.
 */
import type { TensorFlowModule } from "../backend/load-tensorflow";

/** The engine state this repair touches (tfjs-core's `EngineState`, dist/engine.d.ts). */
interface EngineState {
  scopeStack: unknown[];
  kernelDepth: number;
  gradientDepth: number;
  activeTape: unknown[] | null;
}

/** What {@link closeScopesLeftOpen} found and fixed. */
export interface EngineRepair {
  scopesClosed: number;
  tensorsFreed: number;
}

/**
 * Closes the scopes left open (freeing the tensors they track, as the `tidy` would have) and
 * resets the kernel and gradient depths. Call it only when no TensorFlow.js code is on the
 * stack: between cells, after a synchronous cell was broken.
 */
export function closeScopesLeftOpen(tf: TensorFlowModule): EngineRepair {
  const engine = tf.engine();
  const state = engine.state as unknown as EngineState;
  const tensorsBefore = engine.memory().numTensors;
  let scopesClosed = 0;
  while (state.scopeStack.length > 0) {
    engine.endScope();
    scopesClosed += 1;
  }
  state.kernelDepth = 0;
  if (state.gradientDepth > 0) {
    state.gradientDepth = 0;
    state.activeTape = null;
  }
  return { scopesClosed, tensorsFreed: tensorsBefore - engine.memory().numTensors };
}
