import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { randomFromState } from "../random/seeded-random";
import { initTwoLayerMlp, mlpBackward, mlpLoss, trainTwoLayerMlp, type DenseLayerGradients, type HiddenActivation } from "./two-layer-mlp";
import { mlpForwardPass } from "../mlp/mlp-forward";
import { MlpShapeError } from "../mlp/mlp-errors";
import type { DenseLayerTensors } from "../mlp/dense-layer";
import { TrainingInputError } from "./training-errors";

function problem(seed: number, n: number, k: number): { x: number[][]; t: number[] } {
  const random = randomFromState(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: k }, () => random.normal()));
  return { x, t: x.map(() => (random.uniform() < 0.5 ? 0 : 1)) };
}

const disposeAll = (tensors: tf.TensorContainer): void => tf.dispose(tensors);

describe("two-layer MLP back-propagation by hand", () => {
  for (const activation of ["sigmoid", "tanh"] as HiddenActivation[]) {
    test(`hand gradients equal tf.grads for every weight (${activation} hidden layer, 3 seeds, tol 1e-5)`, () => {
      for (let seed = 1; seed <= 3; seed++) {
        const { x, t } = problem(seed, 25, 3);
        const params = initTwoLayerMlp({ inputs: 3, hidden: 5, activation }, seed);
        const hand = mlpBackward(x, t, params);
        const [hidden, output] = hand as [DenseLayerGradients[number], DenseLayerGradients[number]];
        assert.deepEqual(hidden.kernel.shape, [3, 5]);
        assert.deepEqual(hidden.bias.shape, [5]);
        assert.deepEqual(output.kernel.shape, [5, 1]);
        assert.deepEqual(output.bias.shape, [1]);
        const xs = tf.tensor2d(x);
        const auto = tf.tidy(() =>
          tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
            const network: DenseLayerTensors[] = [
              { kernel: w1 as tf.Tensor2D, bias: b1 as tf.Tensor1D, activation },
              { kernel: w2 as tf.Tensor2D, bias: b2 as tf.Tensor1D, activation: "sigmoid" },
            ];
            return mlpLoss(mlpForwardPass(xs, network).activations[1]!, t);
          })(params.flatMap((layer) => [layer.kernel, layer.bias])).map((g) => Array.from(g.dataSync())),
        );
        xs.dispose();
        [hidden.kernel, hidden.bias, output.kernel, output.bias].forEach((g, index) => {
          const values = Array.from(g.dataSync());
          values.forEach((v, k) => assert.ok(Math.abs(v - auto[index]![k]!) < 1e-5, `grad ${index}[${k}]: ${v} vs ${auto[index]![k]}`));
        });
        disposeAll(params);
        disposeAll(hand);
      }
    });
  }

  test("the forward pass has the documented shapes and y in (0, 1)", () => {
    const params = initTwoLayerMlp({ inputs: 2, hidden: 4 }, 9);
    const x = tf.tensor2d([[0.1, 0.2], [0.3, -1], [2, 2]]);
    const forward = mlpForwardPass(x, params);
    assert.deepEqual(forward.preActivations.map((z) => z.shape), [[3, 4], [3, 1]]);
    assert.deepEqual(forward.activations.map((a) => a.shape), [[3, 4], [3, 1]]);
    assert.ok(Array.from(forward.activations[1]!.dataSync()).every((v) => v > 0 && v < 1));
    const byHand = tf.tidy(() => tf.sigmoid(tf.sigmoid(x.matMul(params[0]!.kernel).add(params[0]!.bias)).matMul(params[1]!.kernel).add(params[1]!.bias)));
    assert.deepEqual(Array.from(forward.activations[1]!.dataSync()), Array.from(byHand.dataSync()), "z1 = xW1 + b1, h = σ(z1), y = σ(hW2 + b2)");
    disposeAll([forward, params, x, byHand]);
  });

  test("the same seed gives the same initial weights", () => {
    const a = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 5);
    const b = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 5);
    assert.deepEqual(Array.from(a[0]!.kernel.dataSync()), Array.from(b[0]!.kernel.dataSync()));
    assert.deepEqual([a[0]!.activation, a[1]!.activation], ["sigmoid", "sigmoid"]);
    disposeAll(a);
    disposeAll(b);
  });

  test("learns XOR, which logistic regression cannot", () => {
    const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const t = [0, 1, 1, 0];
    const initial = initTwoLayerMlp({ inputs: 2, hidden: 4, activation: "tanh" }, 2);
    const { params, history } = trainTwoLayerMlp(x, t, initial, { learningRate: 2, epochs: 1500 });
    assert.deepEqual(params.map((layer) => layer.activation), ["tanh", "sigmoid"]);
    assert.ok(history.logs.loss![1499]! < 0.1, `final loss ${history.logs.loss![1499]}`);
    assert.equal(history.logs.acc![1499], 1);
    disposeAll(initial);
    disposeAll(params);
  });

  test("leaks no tensors", async () => {
    const { x, t } = problem(4, 20, 2);
    await expectNoLeakedTensors(tf, () => {
      const initial = initTwoLayerMlp({ inputs: 2, hidden: 3, activation: "tanh" }, 1);
      disposeAll(mlpBackward(x, t, initial));
      const xs = tf.tensor2d(x);
      const forward = mlpForwardPass(xs, initial);
      mlpLoss(forward.activations[1]!, t).dispose();
      disposeAll([forward, xs]);
      const trained = trainTwoLayerMlp(x, t, initial, { learningRate: 0.5, epochs: 3, validation: { x, t } });
      disposeAll(trained.params);
      assert.throws(() => trainTwoLayerMlp(x, t, initial, { learningRate: 0.5, epochs: 3, onEpoch: () => { throw new Error("parou"); } }), /parou/);
      disposeAll(initial);
    });
  });

  test("bad input gives TrainingInputError", () => {
    const params = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 1);
    const check = (run: () => unknown, pattern: RegExp): void =>
      assert.throws(run, (error: unknown) => error instanceof TrainingInputError && pattern.test(error.message));
    check(() => mlpBackward([[1, 2, 3]], [1], params), /x tem 3 atributos, mas a camada oculta espera 2 \(kernel \[2, 3\]\)/);
    check(() => mlpBackward([[1, 2]], [1], params.slice(0, 1)), /duas camadas.*lista de 1 camadas/);
    check(() => mlpBackward([[1, 2]], [1], [params[0]!, { ...params[1]!, activation: "linear" }]), /1 neurônio sigmoide.*"linear"/);
    check(() => mlpBackward([[1, 2]], [0, 1], params), /1 objetos mas t tem 2 alvos/);
    check(() => mlpBackward([[Number.POSITIVE_INFINITY, 2]], [1], params), /não finito/);
    check(() => trainTwoLayerMlp([[1, 2]], [1], params, { learningRate: Number.NaN, epochs: 2 }), /α deve ser um número positivo/);
    check(() => initTwoLayerMlp({ inputs: 0, hidden: 3 }, 1), /inputs deve ser um inteiro ≥ 1/);
    check(() => initTwoLayerMlp({ inputs: 2, hidden: 3, activation: "relu" as HiddenActivation }, 1), /Ativação oculta desconhecida "relu"/);
    check(() => mlpBackward([[1, 2]], [1], [{ ...params[0]!, activation: "relu" }, params[1]!]), /Ativação oculta desconhecida "relu"/);
    const wrongKernel = tf.zeros([2, 1]) as tf.Tensor2D;
    const misfit: DenseLayerTensors[] = [params[0]!, { ...params[1]!, kernel: wrongKernel }];
    assert.throws(() => mlpBackward([[1, 2]], [1], misfit), (error: unknown) => error instanceof MlpShapeError && /camada 2 espera 2 entradas.*3 unidades/.test(error.message));
    wrongKernel.dispose();
    disposeAll(params);
  });
});
