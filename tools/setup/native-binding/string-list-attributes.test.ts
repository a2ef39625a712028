/**
 * The binding's list(string) attributes (`SetAttrStringList` in ./course_extensions.cc):
 * TensorFlow's `_FusedMatMul` gets its `fused_ops` list, and a list with something other than
 * strings is refused with a clear error instead of reaching TensorFlow.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as tf from "@tensorflow/tfjs-node";

interface Binding {
  readonly TF_FLOAT: number;
  readonly TF_ATTR_TYPE: number;
  readonly TF_ATTR_BOOL: number;
  readonly TF_ATTR_INT: number;
  readonly TF_ATTR_STRING: number;
  readonly TF_ATTR_FLOAT: number;
}

interface NativeBackend {
  readonly binding: Binding;
  executeSingleOutput(name: string, attributes: Array<{ name: string; type: number; value: unknown }>, inputs: tf.Tensor[]): tf.Tensor;
}

function fusedMatMul(fusedOps: unknown[], a: tf.Tensor, b: tf.Tensor, bias: tf.Tensor): tf.Tensor {
  const backend = tf.backend() as unknown as NativeBackend;
  const { TF_FLOAT, TF_ATTR_TYPE, TF_ATTR_BOOL, TF_ATTR_INT, TF_ATTR_STRING, TF_ATTR_FLOAT } = backend.binding;
  return backend.executeSingleOutput(
    "_FusedMatMul",
    [
      { name: "T", type: TF_ATTR_TYPE, value: TF_FLOAT },
      { name: "transpose_a", type: TF_ATTR_BOOL, value: false },
      { name: "transpose_b", type: TF_ATTR_BOOL, value: false },
      { name: "num_args", type: TF_ATTR_INT, value: 1 },
      { name: "fused_ops", type: TF_ATTR_STRING, value: fusedOps },
      { name: "epsilon", type: TF_ATTR_FLOAT, value: 0.0001 },
      { name: "leakyrelu_alpha", type: TF_ATTR_FLOAT, value: 0.2 },
    ],
    [a, b, bias],
  );
}

test("a list of strings reaches TensorFlow as list(string): _FusedMatMul computes relu(a·b + bias)", () => {
  const a = tf.tensor2d([[1, -2], [3, 4]]);
  const b = tf.tensor2d([[1, 0], [0, 1]]);
  const bias = tf.tensor1d([0.5, -10]);
  const withRelu = fusedMatMul(["BiasAdd", "Relu"], a, b, bias);
  const linear = fusedMatMul(["BiasAdd"], a, b, bias);
  assert.deepEqual(Array.from(withRelu.dataSync()), [1.5, 0, 3.5, 0]);
  assert.deepEqual(Array.from(linear.dataSync()), [1.5, -12, 3.5, -6]);
  tf.dispose([a, b, bias, withRelu, linear]);
});

test("an element that is not a string is refused, naming the attribute and the element", () => {
  const a = tf.ones([2, 2]);
  const bias = tf.zeros([2]);
  assert.throws(() => fusedMatMul(["BiasAdd", 3], a, a, bias), /fused_ops espera uma lista de strings; o item 1 não é string/);
  tf.dispose([a, bias]);
});
