import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "../tf";
import { closeScopesLeftOpen } from "./engine-repair";

test("after a tidy and an op cut in the middle, the scopes close, their tensors are freed and gradients work again", () => {
  const x = tf.tensor1d([1, 2, 3]);
  const before = tf.memory().numTensors;
  const engine = tf.engine();
  const state = engine.state as unknown as { kernelDepth: number; scopeStack: unknown[] };
  // What V8 leaves when it stops a cell inside `tf.tidy(() => x.square().sum())`, in the op.
  engine.startScope("tidy");
  x.square();
  engine.startScope("sum__op");
  state.kernelDepth += 1;
  assert.throws(() => tf.grad((v: tf.Tensor) => v.square().sum())(x), /Cannot compute gradient/, "with the kernel depth raised the tape records nothing");

  assert.deepEqual(closeScopesLeftOpen(tf).scopesClosed, 2);
  assert.equal(state.scopeStack.length, 0);
  assert.equal(tf.memory().numTensors, before, "what the open scopes tracked is freed");
  const gradient = tf.grad((v: tf.Tensor) => v.square().sum())(x);
  assert.deepEqual(Array.from(gradient.dataSync()), [2, 4, 6]);
  tf.dispose([gradient, x]);
  assert.deepEqual(closeScopesLeftOpen(tf), { scopesClosed: 0, tensorsFreed: 0 }, "a healthy engine is left alone");
});
