import assert from "node:assert/strict";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { expectNoLeakedTensors, maxAbsDifference } from "../../test-support/tensors";
import { nativeOpsRunBy } from "../../test-support/native-op-spy";
import { withoutNativeSpeedups } from "./install-speedups";

interface Product {
  /** Rows and columns of the product, and the inner size. */
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** The MLP's own products, batch 1, and seeded random sizes with each of the four transpose combinations. */
function products(): Product[] {
  const fixed: Product[] = [
    { m: 128, k: 784, n: 128, transposeA: false, transposeB: false }, // x·W of the MLP's first layer
    { m: 784, k: 128, n: 128, transposeA: true, transposeB: false }, // its kernel gradient xᵀ·dy
    { m: 128, k: 128, n: 784, transposeA: false, transposeB: true }, // its input gradient dy·Wᵀ
    { m: 1, k: 64, n: 10, transposeA: false, transposeB: false }, // batch 1
    { m: 1, k: 1, n: 1, transposeA: true, transposeB: true },
  ];
  const sizes = tf.tidy(() => tf.randomUniform([8, 3], 1, 40, "int32", 11).arraySync() as number[][]);
  const random = sizes.map(([m = 1, k = 1, n = 1], i) => ({ m, k, n, transposeA: i % 2 === 1, transposeB: i % 4 >= 2 }));
  return [...fixed, ...random];
}

function operands(product: Product, seed: number): [tf.Tensor2D, tf.Tensor2D] {
  const { m, n, k, transposeA, transposeB } = product;
  return [
    tf.randomNormal(transposeA ? [k, m] : [m, k], 0, 1, "float32", seed) as tf.Tensor2D,
    tf.randomNormal(transposeB ? [n, k] : [k, n], 0, 1, "float32", seed + 1) as tf.Tensor2D,
  ];
}

function label({ m, n, k, transposeA, transposeB }: Product): string {
  return `${m}×${k}·${k}×${n}${transposeA ? ", transposeA" : ""}${transposeB ? ", transposeB" : ""}`;
}

/** Float32 products of `k` terms of size ~1 round differently when summed in another order. */
const tolerance = (k: number) => 1e-5 * Math.max(1, Math.sqrt(k)) * 4;

describe("2-D products on TensorFlow's MatMul", () => {
  for (const [index, product] of products().entries()) {
    test(`${label(product)}: same product and same gradients as tfjs-node's BatchMatMulV2, on MatMul`, async () => {
      const [a, b] = operands(product, 20 + 2 * index);
      const w = tf.randomNormal([product.m, product.n], 0, 1, "float32", 99);
      const run = () =>
        tf.tidy(() => {
          const f = (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y, product.transposeA, product.transposeB), w));
          const [da, db] = tf.grads(f)([a, b]);
          return { value: tf.matMul(a, b, product.transposeA, product.transposeB), da: da as tf.Tensor, db: db as tf.Tensor };
        });
      try {
        const published = await withoutNativeSpeedups(run);
        let fast: ReturnType<typeof run> | undefined;
        const ops = await nativeOpsRunBy(() => {
          fast = run();
        });
        assert.ok(fast !== undefined);
        assert.deepEqual(fast.value.shape, [product.m, product.n]);
        assert.equal(fast.value.dtype, "float32");
        // The product inside tf.grads, its two gradient products, and the product itself.
        assert.equal(ops.filter((op) => op === "MatMul").length, 4, `ops: ${ops.join(", ")}`);
        assert.ok(!ops.includes("BatchMatMulV2"), `ops: ${ops.join(", ")}`);
        assert.ok(maxAbsDifference(fast.value, published.value) <= tolerance(product.k), `produto: ${maxAbsDifference(fast.value, published.value)}`);
        assert.ok(maxAbsDifference(fast.da, published.da) <= tolerance(product.n), `gradiente de a: ${maxAbsDifference(fast.da, published.da)}`);
        assert.ok(maxAbsDifference(fast.db, published.db) <= tolerance(product.m), `gradiente de b: ${maxAbsDifference(fast.db, published.db)}`);
        tf.dispose([published.value, published.da, published.db, fast.value, fast.da, fast.db]);
      } finally {
        tf.dispose([a, b, w]);
      }
    });
  }

  test("batches of matrices, broadcasting and int32 keep tfjs-node's BatchMatMulV2", async () => {
    const batch = tf.randomNormal([3, 4, 5], 0, 1, "float32", 1);
    const matrix = tf.randomNormal([5, 2], 0, 1, "float32", 2);
    const ints = tf.tensor2d([[1, 2], [3, 4]], [2, 2], "int32");
    let results: tf.Tensor[] = [];
    const ops = await nativeOpsRunBy(() => {
      results = [tf.matMul(batch, matrix), tf.matMul(ints, ints)];
    });
    assert.deepEqual(ops, ["BatchMatMulV2", "BatchMatMulV2"]);
    assert.deepEqual(results[0]?.shape, [3, 4, 2]);
    assert.deepEqual(Array.from(results[1]?.dataSync() ?? []), [7, 10, 15, 22]);
    tf.dispose([batch, matrix, ints, ...results]);
  });

  test("mismatched inner sizes still throw", () => {
    const a = tf.ones([2, 3]) as tf.Tensor2D;
    const b = tf.ones([4, 2]) as tf.Tensor2D;
    assert.throws(() => tf.matMul(a, b));
    tf.dispose([a, b]);
  });

  test("leaves no tensors behind, forward and backward", async () => {
    const [a, b] = operands({ m: 16, k: 8, n: 4, transposeA: true, transposeB: false }, 5);
    await expectNoLeakedTensors(tf, () =>
      tf.dispose(tf.tidy(() => tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x, y, true, false)))([a, b]))),
    );
    await expectNoLeakedTensors(tf, () => tf.dispose(tf.matMul(a, b, true, false)));
    tf.dispose([a, b]);
  });
});
