import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { isCourseError } from "../errors";
import {
  ACTIVATION_NAMES,
  activationDerivativeValue,
  activationValue,
  applyActivation,
  applyActivationDerivative,
  type ActivationName,
} from "./activation-functions";

const close = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

describe("activation functions", () => {
  test("take their known values", () => {
    close(activationValue("sigmoid", 0), 0.5);
    close(activationValue("sigmoid", Math.log(3)), 0.75); // 1 / (1 + 1/3)
    close(activationValue("tanh", 0), 0);
    close(activationValue("tanh", Math.log(2)), 0.6); // (2 − 1/2) / (2 + 1/2)
    assert.equal(activationValue("relu", -2), 0);
    assert.equal(activationValue("relu", 3), 3);
    assert.equal(activationValue("linear", -7.5), -7.5);
    close(activationDerivativeValue("sigmoid", 0), 0.25);
    close(activationDerivativeValue("tanh", 0), 1);
    assert.equal(activationDerivativeValue("relu", -1), 0);
    assert.equal(activationDerivativeValue("relu", 2), 1);
    assert.equal(activationDerivativeValue("linear", 5), 1);
  });

  test("the sigmoid saturates without overflow for large |z|", () => {
    assert.equal(activationValue("sigmoid", -1000), 0);
    assert.equal(activationValue("sigmoid", 1000), 1);
    assert.equal(activationDerivativeValue("sigmoid", -1000), 0);
  });

  test("tanh is 2σ(2z) − 1 at many points", () => {
    for (let z = -4; z <= 4; z += 0.37) close(activationValue("tanh", z), 2 * activationValue("sigmoid", 2 * z) - 1, 1e-12);
  });

  test("number derivatives match central finite differences", () => {
    const h = 1e-5;
    for (const name of ACTIVATION_NAMES) {
      for (const z of [-2.3, -0.4, 0.7, 3.1]) {
        const numeric = (activationValue(name, z + h) - activationValue(name, z - h)) / (2 * h);
        close(activationDerivativeValue(name, z), numeric, 1e-6);
      }
    }
  });

  test("tensor versions equal the number versions element by element", () => {
    const zs = [-3, -0.5, 0, 0.5, 3];
    for (const name of ACTIVATION_NAMES) {
      const [values, derivatives] = tf.tidy(() => {
        const z = tf.tensor1d(zs);
        return [applyActivation(name, z).arraySync() as number[], applyActivationDerivative(name, z).arraySync() as number[]];
      });
      zs.forEach((z, i) => {
        close(values[i] ?? NaN, activationValue(name, z), 1e-6);
        close(derivatives[i] ?? NaN, activationDerivativeValue(name, z), 1e-6);
      });
    }
  });

  test("analytic tensor derivatives equal tf.grad of the activation", () => {
    const z = tf.tensor1d([-4, -1.5, -0.2, 0.3, 1.1, 2.5, 4]);
    for (const name of ACTIVATION_NAMES) {
      const [analytic, automatic] = tf.tidy(() => {
        const gradient = tf.grad((t: tf.Tensor) => applyActivation(name as ActivationName, t));
        return [applyActivationDerivative(name, z).arraySync() as number[], gradient(z).arraySync() as number[]];
      });
      analytic.forEach((value, i) => close(value, automatic[i] ?? NaN, 1e-6));
    }
    z.dispose();
  });

  test("keep the tensor's shape and leak no tensors", async () => {
    const z = tf.randomNormal([3, 4], 0, 1, "float32", 7);
    for (const name of ACTIVATION_NAMES) {
      await expectNoLeakedTensors(tf, () => {
        const y = applyActivation(name, z);
        const dy = applyActivationDerivative(name, z);
        assert.deepEqual(y.shape, [3, 4]);
        assert.deepEqual(dy.shape, [3, 4]);
        tf.dispose([y, dy]);
      });
    }
    assert.equal(z.isDisposed, false, "the input is kept");
    z.dispose();
  });

  test("refuse unknown names and NaN with Portuguese course errors", () => {
    assert.throws(() => activationValue("softplus" as ActivationName, 0), (e: unknown) =>
      isCourseError(e) && e.name === "UnknownActivationError" && /desconhecida.*"sigmoid"/.test(e.message));
    assert.throws(() => activationValue("sigmoid", NaN), (e: unknown) =>
      isCourseError(e) && e.name === "InvalidActivationInputError" && /NaN/.test(e.message));
    assert.throws(() => tf.tidy(() => applyActivation("elu" as ActivationName, tf.scalar(1))), { name: "UnknownActivationError" });
  });
});
