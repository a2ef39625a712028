import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "../../tf";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";

test("a cast to the same dtype calls no TensorFlow op and keeps the values; each result can be disposed alone", async () => {
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
