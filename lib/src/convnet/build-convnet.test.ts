import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../tf";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { buildConvnet } from "./build-convnet";
import { ConvnetConfigError, planConvnet, type ConvnetConfig } from "./convnet-config";

const table: { name: string; config: ConvnetConfig; output: number[] }[] = [
  {
    name: "MNIST-like conv-pool-conv-pool-dense",
    config: {
      inputShape: [28, 28, 1],
      layers: [
        { type: "conv2d", filters: 8, kernelSize: 3 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "conv2d", filters: 16, kernelSize: 3 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "dropout", rate: 0.25 },
        { type: "dense", units: 10, activation: "softmax" },
      ],
    },
    output: [10],
  },
  {
    name: "same padding and strides",
    config: {
      inputShape: [32, 32, 3],
      layers: [
        { type: "conv2d", filters: 4, kernelSize: 5, strides: 2, padding: "same" },
        { type: "averagePooling2d", poolSize: 3, strides: 2, padding: "same" },
        { type: "conv2d", filters: 6, kernelSize: 3 },
      ],
    },
    output: [6, 6, 6],
  },
  {
    name: "explicit flatten then dense",
    config: { inputShape: [9, 7, 2], layers: [{ type: "maxPooling2d", poolSize: 3 }, { type: "flatten" }, { type: "dense", units: 3 }] },
    output: [3],
  },
];

describe("buildConvnet", () => {
  for (const { name, config, output } of table) {
    test(`${name}: every planned shape and parameter count equals the tf.Sequential's`, () => {
      const plan = planConvnet(config);
      const model = buildConvnet(config);
      assert.equal(model.layers.length, plan.length);
      plan.forEach((step, i) => {
        const layer = model.layers[i]!;
        assert.deepEqual((layer.outputShape as number[]).slice(1), step.outputShape, `layer ${i}`);
        assert.equal(layer.countParams(), step.parameters, `params of layer ${i}`);
      });
      assert.deepEqual((model.outputShape as number[]).slice(1), output);
      model.dispose();
    });
  }

  test("inserts a flatten before the first dense layer after images", () => {
    const plan = planConvnet(table[0]!.config);
    const flatten = plan.find((step) => step.layer.type === "flatten");
    assert.equal(flatten?.position, 0);
    assert.deepEqual(flatten?.outputShape, [5 * 5 * 16]);
  });

  test("the same seed gives the same initial weights", () => {
    const config = { ...table[0]!.config, seed: 7 };
    const a = buildConvnet(config);
    const b = buildConvnet(config);
    const c = buildConvnet({ ...config, seed: 8 });
    const first = (model: tf.Sequential): Float32Array => model.getWeights()[0]!.dataSync() as Float32Array;
    assert.deepEqual(first(a), first(b));
    assert.notDeepEqual(first(a), first(c));
    [a, b, c].forEach((model) => model.dispose());
  });

  test("dropout draws a new mask at every training step (a seed on the layer would freeze it)", () => {
    const model = buildConvnet({
      inputShape: [2, 2, 1],
      seed: 1,
      layers: [{ type: "flatten" }, { type: "dense", units: 64, activation: "linear" }, { type: "dropout", rate: 0.5 }],
    });
    const dropoutLayer = model.layers.find((layer) => layer.getClassName() === "Dropout")!;
    const masks = tf.tidy(() => {
      const ones = tf.ones([1, 64]);
      const once = (dropoutLayer.apply(ones, { training: true }) as tf.Tensor).notEqual(0);
      const twice = (dropoutLayer.apply(ones, { training: true }) as tf.Tensor).notEqual(0);
      return { once: once.arraySync(), twice: twice.arraySync() };
    });
    assert.notDeepEqual(masks.once, masks.twice);
    model.dispose();
  });

  test("predicts on a batch and leaks no tensors once disposed", async () => {
    await expectNoLeakedTensors(tf, () => {
      const model = buildConvnet({ ...table[0]!.config, seed: 1 });
      const sums = tf.tidy(() => (model.predict(tf.ones([2, 28, 28, 1])) as tf.Tensor).sum(1).dataSync());
      assert.ok(Math.abs(sums[0]! - 1) < 1e-5 && Math.abs(sums[1]! - 1) < 1e-5, "softmax rows sum to 1");
      model.dispose();
    });
  });

  test("a feature map that would shrink below 1×1 is refused, naming the layer and why", () => {
    const config: ConvnetConfig = {
      inputShape: [8, 8, 1],
      layers: [
        { type: "conv2d", filters: 4, kernelSize: 3 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "maxPooling2d", poolSize: 2 },
        { type: "conv2d", filters: 4, kernelSize: 3 },
      ],
    };
    assert.throws(() => buildConvnet(config), (error: unknown) => {
      assert.ok(error instanceof ConvnetConfigError);
      assert.match(error.message, /camada 4 \(conv2d: 4 filtros 3×3.*recebe mapas 1×1.*a saída teria -1×-1.*padding "same"/);
      return true;
    });
  });

  test("other bad configurations get a Portuguese explanation", () => {
    const cases: [ConvnetConfig, RegExp][] = [
      [{ inputShape: [28, 28] as unknown as [number, number, number], layers: [{ type: "flatten" }] }, /inputShape deve ser \[altura, largura, canais\]/],
      [{ inputShape: [8, 8, 1], layers: [] }, /ao menos uma camada/],
      [{ inputShape: [8, 8, 1], layers: [{ type: "dense", units: 4 }, { type: "conv2d", filters: 2, kernelSize: 3 }] }, /camada 2 .* espera mapas .* recebe um vetor de 4 valores/],
      [{ inputShape: [8, 8, 1], layers: [{ type: "dropout", rate: 1 }] }, /camada 1 \(dropout: taxa 1\).*entre 0/],
      [{ inputShape: [8, 8, 1], layers: [{ type: "conv2d", filters: 0, kernelSize: 3 }] }, /camada 1 .* não é inteiro ≥ 1/],
      [{ inputShape: [8, 8, 1], layers: [{ type: "lstm" } as unknown as ConvnetConfig["layers"][number]] }, /tipo desconhecido "lstm"/],
    ];
    for (const [config, pattern] of cases) {
      assert.throws(() => planConvnet(config), (error: unknown) => error instanceof ConvnetConfigError && pattern.test(error.message), String(pattern));
    }
  });
});
