import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "../../tf";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";

test("a float32 cast of a float32 tensor calls no TensorFlow op and keeps the values; each result can be disposed alone", async () => {
  const x = tf.tensor2d([[1.5, -2], [3, 4.25]]);
  const before = tf.memory().numTensors;
  let same: tf.Tensor | undefined;
  const ops = await nativeOpsRunBy(() => {
    same = tf.cast(x, "float32");
  });
  assert.ok(same !== undefined);
  assert.deepEqual(ops, []);
  assert.equal(tf.memory().numTensors, before + 1);
  x.dispose(); // the shared data lives on while `same` holds it
  assert.deepEqual(Array.from(same.dataSync()), [1.5, -2, 3, 4.25]);
  assert.deepEqual(same.shape, [2, 2]);
  same.dispose();
  assert.equal(tf.memory().numTensors, before - 1);
});

test("casts that change the dtype still run TensorFlow's Cast", async () => {
  const x = tf.tensor1d([1.7, -2.2, 0]);
  let asInt: tf.Tensor | undefined;
  let asBool: tf.Tensor | undefined;
  const ops = await nativeOpsRunBy(() => {
    asInt = tf.cast(x, "int32");
    asBool = tf.cast(x, "bool");
  });
  assert.deepEqual(ops, ["Cast", "Cast"]);
  assert.deepEqual(Array.from(asInt?.dataSync() ?? []), [1, -2, 0]);
  assert.deepEqual(Array.from(asBool?.dataSync() ?? []), [1, 1, 0]);
  tf.dispose([x, asInt as tf.Tensor, asBool as tf.Tensor]);
});

test("int32 to int32 still converts: a decoded PNG is uint8 in TensorFlow though tfjs-node calls it int32", async () => {
  // A 1×2 grey PNG with pixels 7 and 250.
  const pixels = tf.tensor3d([[[7], [250]]], [1, 2, 1], "int32");
  const png = await tf.node.encodePng(pixels);
  pixels.dispose();
  const image = tf.node.decodePng(png, 1);
  let asInt: tf.Tensor | undefined;
  const ops = await nativeOpsRunBy(() => {
    asInt = tf.cast(image, "int32");
  });
  assert.ok(ops.includes("Cast"));
  // An op that needs real int32 data (TensorFlow rejects uint8 for it on the CPU).
  const doubled = tf.mul(asInt as tf.Tensor, tf.scalar(2, "int32"));
  assert.deepEqual(Array.from(doubled.dataSync()), [14, 500]);
  tf.dispose([image, asInt as tf.Tensor, doubled]);
});
