import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { isCourseError } from "../errors";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { gradientCheck } from "./gradient-check";
import { GradientCheckError } from "./gradient-check-errors";

/** x³ with a deliberately wrong gradient (2x instead of 3x²): what the check must catch. */
const cubeWithWrongGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([x]);
  return { value: x.pow(3), gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => dy.mul((saved[0] as tf.Tensor).mul(2)) };
}) as (x: tf.Tensor) => tf.Tensor;

function expectGradientCheckError(body: () => unknown, pattern: RegExp): void {
  assert.throws(body, (error: unknown) => {
    assert.ok(error instanceof GradientCheckError && isCourseError(error), String(error));
    assert.match(error.message, pattern);
    return true;
  });
}

describe("gradientCheck", () => {
  test("a right gradient of two inputs passes, with every coordinate checked and a ✔ verdict", () => {
    const x = tf.tensor2d([0.5, -1.2, 2, 0.3, 1.1, -0.7], [2, 3]);
    const w = tf.tensor1d([0.4, -0.9, 1.5]);
    const check = gradientCheck((a, b) => tf.sigmoid(a.mul(b)).sum() as tf.Scalar, [x, w]);
    assert.equal(check.ok, true);
    assert.ok(check.relativeError < 1e-3, `erro relativo ${check.relativeError}`);
    assert.deepEqual(check.inputs.map((input) => input.coordinates.length), [6, 3]);
    assert.deepEqual(check.inputs[1]?.shape, [3]);
    // d/dw_j Σ_i σ(x_ij w_j) = Σ_i σ'(x_ij w_j) x_ij, by hand for j = 0.
    const s = (z: number): number => 1 / (1 + Math.exp(-z));
    const expected = [0.5, 0.3].reduce((sum, xi) => sum + s(xi * 0.4) * (1 - s(xi * 0.4)) * xi, 0);
    assert.ok(Math.abs((check.inputs[1]?.finiteDifferences[0] ?? NaN) - expected) < 1e-3);
    assert.ok(Math.abs((check.inputs[1]?.automatic[0] ?? NaN) - expected) < 1e-6);
    assert.match(check.verdict, /^✔ O gradiente confere: erro relativo \d,\de-\d+ \(tolerância 1,0e-2\), diferenças finitas centrais com ε = 1,0e-2, em todas as 9 coordenadas\.$/);
    tf.dispose([x, w]);
  });

  test("a wrong gradient fails, and the verdict names the input and its error", () => {
    const x = tf.tensor1d([1, -2, 0.5, 3]);
    const check = gradientCheck((v) => cubeWithWrongGradient(v).sum() as tf.Scalar, x);
    assert.equal(check.ok, false);
    // 2x against 3x²: far from right at these points.
    assert.ok(check.relativeError > 0.3, `erro relativo ${check.relativeError}`);
    assert.deepEqual(check.inputs[0]?.finiteDifferences.map((g) => Math.round(g)), [3, 12, 1, 27]);
    assert.match(check.verdict, /^✘ O gradiente NÃO confere: .*entrada 0 \(forma \[4\]\)/);
    x.dispose();
  });

  test("large inputs are sampled: maxCoordinatesPerInput coordinates, the same for the same seed", () => {
    const x = tf.randomNormal([40, 25], 0, 1, "float32", 3);
    const f = (v: tf.Tensor): tf.Scalar => v.square().mean() as tf.Scalar;
    const first = gradientCheck(f, [x], { maxCoordinatesPerInput: 30, seed: 7 });
    const again = gradientCheck(f, [x], { maxCoordinatesPerInput: 30, seed: 7 });
    const other = gradientCheck(f, [x], { maxCoordinatesPerInput: 30, seed: 8 });
    assert.equal(first.inputs[0]?.coordinates.length, 30);
    assert.deepEqual(first.inputs[0]?.coordinates, again.inputs[0]?.coordinates);
    assert.notDeepEqual(first.inputs[0]?.coordinates, other.inputs[0]?.coordinates);
    assert.ok(first.ok);
    assert.match(first.verdict, /em 30 de 1000 coordenadas \(sorteadas com semente 7\)/);
    x.dispose();
  });

  test("the tolerance decides the verdict", () => {
    const x = tf.tensor1d([1, 2]);
    const f = (v: tf.Tensor): tf.Scalar => cubeWithWrongGradient(v).sum() as tf.Scalar;
    assert.equal(gradientCheck(f, x, { tolerance: 10 }).ok, true);
    assert.equal(gradientCheck(f, x, { tolerance: 0.1 }).ok, false);
    x.dispose();
  });

  test("leaves no tensors behind and does not change the inputs", async () => {
    const x = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    await expectNoLeakedTensors(tf, () => gradientCheck((v) => v.matMul(v).sum() as tf.Scalar, x));
    await expectNoLeakedTensors(tf, () => gradientCheck((v) => cubeWithWrongGradient(v).sum() as tf.Scalar, x));
    assert.deepEqual(Array.from(x.dataSync()), [1, 2, 3, 4]);
    x.dispose();
  });

  test("bad input gets a Portuguese explanation", () => {
    const x = tf.tensor1d([1, 2]);
    const ints = tf.tensor1d([1, 2], "int32");
    const unrelated = tf.tensor1d([3]);
    const sum = (v: tf.Tensor): tf.Scalar => v.sum() as tf.Scalar;
    expectGradientCheckError(() => gradientCheck("x" as unknown as typeof sum, x), /espera uma função.*recebeu string/);
    expectGradientCheckError(() => gradientCheck(sum, []), /ao menos um tensor/);
    expectGradientCheckError(() => gradientCheck(sum, [[1, 2]] as unknown as tf.Tensor[]), /entrada 0 deveria ser um tf.Tensor/);
    expectGradientCheckError(() => gradientCheck(sum, ints), /float32.*int32.*toFloat/);
    expectGradientCheckError(() => gradientCheck((v) => v.square() as tf.Scalar, x), /devolver um escalar.*forma \[2\]/);
    expectGradientCheckError(() => gradientCheck((v) => v.sub(1).log().sum() as tf.Scalar, x), /devolveu -Infinity/);
    expectGradientCheckError(() => gradientCheck((a) => a.sum() as tf.Scalar, [x, unrelated]), /tf.grads não conseguiu derivar/);
    expectGradientCheckError(() => gradientCheck(sum, x, { epsilon: 0 }), /epsilon deve ser um número positivo; recebeu 0/);
    expectGradientCheckError(() => gradientCheck(sum, x, { maxCoordinatesPerInput: 2.5 }), /maxCoordinatesPerInput deve ser um inteiro/);
    const gone = tf.tensor1d([1]);
    gone.dispose();
    expectGradientCheckError(() => gradientCheck(sum, gone), /já foi liberada/);
    tf.dispose([x, ints, unrelated]);
  });
});
