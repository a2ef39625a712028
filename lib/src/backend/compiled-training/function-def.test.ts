/**
 * FunctionDefs built in JavaScript (./function-def.ts, ./protobuf-writer.ts) registered
 * through the course's binding (tools/setup/native-binding/) and run as one op.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { activeNativeBackend } from "../speedups/native-ops";
import { GraphFunction } from "./function-def";
import { GraphOps } from "./graph-ops";
import { ProtoMessage } from "./protobuf-writer";

interface FunctionBinding {
  addFunctionDef(serialized: Uint8Array): void;
  hasFunction(name: string): boolean;
}

function nativeBackend() {
  const backend = activeNativeBackend(tf);
  assert.ok(backend !== null, "o backend nativo deveria estar ativo");
  return { backend, binding: backend.binding as unknown as FunctionBinding };
}

describe("protobuf writer", () => {
  test("varints as the protocol-buffer spec shows them (150, 300, −1 as int64)", () => {
    assert.deepEqual([...new ProtoMessage().int(1, 150).toBytes()], [0x08, 0x96, 0x01]);
    assert.deepEqual([...new ProtoMessage().int(2, 300).toBytes()], [0x10, 0xac, 0x02]);
    assert.deepEqual([...new ProtoMessage().int(1, -1).toBytes()], [0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    assert.deepEqual([...new ProtoMessage().string(2, "testing").toBytes()], [0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
  });
});

describe("GraphFunction through the binding", () => {
  test("a function of several ops runs as one op and gives tfjs's numbers", () => {
    const { backend, binding } = nativeBackend();
    const graph = new GraphFunction("teste_relu_matmul_escala");
    const ops = new GraphOps(graph);
    const a = graph.input("a", "float32");
    const b = graph.input("b", "float32");
    graph.output("y", "float32", ops.mul(ops.relu(ops.matMul(a, b, false, true)), ops.scalar(2)));
    graph.output("soma", "float32", ops.sum(a, [-1], true));
    if (!binding.hasFunction(graph.name)) binding.addFunctionDef(graph.serialize());
    assert.ok(binding.hasFunction(graph.name));
    tf.tidy(() => {
      const aValue = tf.tensor2d([[1, -2, 3], [4, 5, -6]]);
      const bValue = tf.tensor2d([[1, 0, 1], [0, 1, -1]]);
      const [y, total] = backend.executeMultipleOutputs(graph.name, [], [aValue, bValue], 2) as [tf.Tensor, tf.Tensor];
      assert.deepEqual(y.arraySync(), tf.mul(tf.relu(tf.matMul(aValue, bValue, false, true)), 2).arraySync());
      assert.deepEqual(total.arraySync(), [[2], [3]]);
    });
  });

  test("bytes that are not a FunctionDef, or a function with an unknown op, give clear errors", () => {
    const { backend, binding } = nativeBackend();
    assert.throws(() => binding.addFunctionDef(Uint8Array.from([0x0a, 0xff, 0xff, 0x01])), /TensorFlow recusou a função/);
    assert.throws(() => binding.addFunctionDef(new Float32Array(3) as unknown as Uint8Array), /Uint8Array/);
    assert.throws(() => new GraphFunction("nome com espaço"), /Nome de função do TensorFlow inválido/);
    // TensorFlow checks the ops when the function first runs.
    const graph = new GraphFunction("teste_op_inexistente");
    const x = graph.input("x", "float32");
    graph.output("y", "float32", graph.node("OpQueNaoExiste", [x], { T: { type: "float32" } }, "y"));
    if (!binding.hasFunction(graph.name)) binding.addFunctionDef(graph.serialize());
    const input = tf.tensor1d([1]);
    assert.throws(() => backend.executeMultipleOutputs(graph.name, [], [input], 1), /OpQueNaoExiste/);
    input.dispose();
  });
});
