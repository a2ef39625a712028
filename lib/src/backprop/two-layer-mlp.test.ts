import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { randomFromState } from "../random/seeded-random";
import { initTwoLayerMlp, mlpBackward, twoLayerMlpForward, mlpLoss, trainTwoLayerMlp, type HiddenActivation, type MlpParameters } from "./two-layer-mlp";
import { TrainingInputError } from "./training-errors";

function problem(seed: number, n: number, k: number): { x: number[][]; t: number[] } {
  const random = randomFromState(seed);
  const x = Array.from({ length: n }, () => Array.from({ length: k }, () => random.normal()));
  return { x, t: x.map(() => (random.uniform() < 0.5 ? 0 : 1)) };
}

const disposeAll = (params: object): void => tf.dispose(Object.values(params) as tf.Tensor[]);

describe("two-layer MLP back-propagation by hand", () => {
  for (const activation of ["sigmoid", "tanh"] as HiddenActivation[]) {
    test(`hand gradients equal tf.grads for every weight (${activation} hidden layer, 3 seeds, tol 1e-5)`, () => {
      for (let seed = 1; seed <= 3; seed++) {
        const { x, t } = problem(seed, 25, 3);
        const params = initTwoLayerMlp({ inputs: 3, hidden: 5 }, seed);
        const hand = mlpBackward(x, t, params, activation);
        assert.deepEqual(hand.dw1.shape, [3, 5]);
        assert.deepEqual(hand.db1.shape, [5]);
        assert.deepEqual(hand.dw2.shape, [5, 1]);
        assert.deepEqual(hand.db2.shape, [1]);
        const auto = tf.tidy(() =>
          tf.grads((w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
            const p = { w1, b1, w2, b2 } as MlpParameters;
            return mlpLoss(twoLayerMlpForward(x, p, activation).y, t);
          })([params.w1, params.b1, params.w2, params.b2]).map((g) => Array.from(g.dataSync())),
        );
        [hand.dw1, hand.db1, hand.dw2, hand.db2].forEach((g, index) => {
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
    const forward = twoLayerMlpForward([[0.1, 0.2], [0.3, -1], [2, 2]], params);
    assert.deepEqual(forward.z1.shape, [3, 4]);
    assert.deepEqual(forward.h.shape, [3, 4]);
    assert.deepEqual(forward.y.shape, [3, 1]);
    assert.ok(Array.from(forward.y.dataSync()).every((v) => v > 0 && v < 1));
    disposeAll(forward);
    disposeAll(params);
  });

  test("the same seed gives the same initial weights", () => {
    const a = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 5);
    const b = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 5);
    assert.deepEqual(Array.from(a.w1.dataSync()), Array.from(b.w1.dataSync()));
    disposeAll(a);
    disposeAll(b);
  });

  test("learns XOR, which logistic regression cannot", () => {
    const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const t = [0, 1, 1, 0];
    const initial = initTwoLayerMlp({ inputs: 2, hidden: 4 }, 2);
    const { params, history } = trainTwoLayerMlp(x, t, initial, { learningRate: 2, epochs: 1500, activation: "tanh" });
    assert.ok(history.logs.loss![1499]! < 0.1, `final loss ${history.logs.loss![1499]}`);
    assert.equal(history.logs.acc![1499], 1);
    disposeAll(initial);
    disposeAll(params);
  });

  test("leaks no tensors", async () => {
    const { x, t } = problem(4, 20, 2);
    await expectNoLeakedTensors(tf, () => {
      const initial = initTwoLayerMlp({ inputs: 2, hidden: 3 }, 1);
      disposeAll(mlpBackward(x, t, initial));
      const forward = twoLayerMlpForward(x, initial, "tanh");
      mlpLoss(forward.y, t).dispose();
      disposeAll(forward);
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
    check(() => mlpBackward([[1, 2, 3]], [1], params), /x tem 3 atributos; esperava W1 \[3, H\]/);
    check(() => mlpBackward([[1, 2]], [0, 1], params), /1 objetos mas t tem 2 alvos/);
    check(() => mlpBackward([[Number.POSITIVE_INFINITY, 2]], [1], params), /não finito/);
    check(() => trainTwoLayerMlp([[1, 2]], [1], params, { learningRate: Number.NaN, epochs: 2 }), /α deve ser um número positivo/);
    check(() => initTwoLayerMlp({ inputs: 0, hidden: 3 }, 1), /inputs deve ser um inteiro ≥ 1/);
    check(() => twoLayerMlpForward([[1, 2]], params, "relu" as HiddenActivation), /Ativação oculta desconhecida "relu"/);
    disposeAll(params);
  });
});
