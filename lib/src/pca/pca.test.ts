import { describe, test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "../tf";
import { seededRandom } from "../random/seeded-random";
import { expectNoLeakedTensors } from "../test-support/tensors";
import { pca, pcaTransform } from "./pca";
import { InvalidPcaInputError } from "./pca-errors";
import { compareWithPca, principalAngles } from "./principal-angles";
import { symmetricEigen } from "./symmetric-eigen";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

describe("symmetricEigen", () => {
  test("finds the eigenvalues of a known matrix, largest first", () => {
    const { values, vectors } = symmetricEigen([[2, 1], [1, 2]]);
    close(values[0] as number, 3, 1e-12, "λ1");
    close(values[1] as number, 1, 1e-12, "λ2");
    close(Math.abs((vectors[0] as number[])[0] as number), Math.SQRT1_2, 1e-12, "v1");
  });

  test("rebuilds a random symmetric matrix from its eigenvectors and eigenvalues (A v = λ v)", () => {
    const random = seededRandom(4);
    const n = 7;
    const b = Array.from({ length: n }, () => Array.from({ length: n }, () => random.normal()));
    const a = b.map((_, i) => b.map((__, j) => ((b[i] as number[])[j] as number) + ((b[j] as number[])[i] as number)));
    const { values, vectors } = symmetricEigen(a);
    vectors.forEach((v, k) => {
      const av = a.map((row) => row.reduce((s, x, j) => s + x * (v[j] as number), 0));
      av.forEach((x, i) => close(x, (values[k] as number) * (v[i] as number), 1e-9, `(A v)[${i}] for λ${k}`));
    });
  });
});

describe("pca", () => {
  test("finds the direction along which synthetic data were stretched", () => {
    const random = seededRandom(1);
    const direction = [3, 4, 0].map((x) => x / 5);
    const rows = Array.from({ length: 500 }, () => {
      const t = random.normal(0, 5);
      return direction.map((u) => 10 + t * u + random.normal(0, 0.1));
    });
    const result = pca(rows, 2);
    const first = result.components[0] as number[];
    const cosine = Math.abs(first.reduce((s, v, i) => s + v * (direction[i] as number), 0));
    close(cosine, 1, 1e-3, "|cos| between first component and the true direction");
    close(result.mean[0] as number, 10, 0.5, "mean");
    assert.ok((result.explainedVarianceRatio[0] as number) > 0.99);
    close(result.explainedVariance[0] as number, 25, 4, "variance along the stretch (σ = 5)");
    assert.ok((result.explainedVariance[0] as number) >= (result.explainedVariance[1] as number));
  });

  test("pcaTransform gives uncorrelated codes whose variances are the explained variances, without leaks", async () => {
    const random = seededRandom(2);
    const rows = Array.from({ length: 300 }, () => {
      const a = random.normal();
      const b = random.normal();
      return [a + b, a - b, 2 * a, random.normal(0, 0.1)];
    });
    const result = pca(rows, 2);
    const data = tf.tensor2d(rows);
    await expectNoLeakedTensors(tf, () => pcaTransform(result, data).dispose());
    const codes = pcaTransform(result, data).arraySync();
    const variance = (k: number) => codes.reduce((s, c) => s + (c[k] as number) ** 2, 0) / (codes.length - 1);
    const covariance = codes.reduce((s, c) => s + (c[0] as number) * (c[1] as number), 0) / (codes.length - 1);
    close(variance(0), result.explainedVariance[0] as number, 1e-3 * variance(0), "variance of code 0");
    close(covariance, 0, 1e-3, "covariance of the two codes");
    data.dispose();
  });

  test("refuses unusable input with typed errors", () => {
    assert.throws(() => pca([[1, 2]], 1), (e: unknown) => e instanceof InvalidPcaInputError && /2 exemplos/.test(e.message));
    assert.throws(() => pca([[1, 2], [3, 4]], 3), /entre 1 e 2/);
    assert.throws(() => pca([[1, 2], [3, NaN]], 1), /não finito/);
    assert.throws(() => pca([[1, 2], [3]], 1), /atributos/);
    assert.throws(() => symmetricEigen([[1, 2], [3, 4]]), /simétrica/);
  });
});

describe("principalAngles and compareWithPca", () => {
  test("are 0° for the same plane in another basis, 90° for orthogonal lines, 30° for lines 30° apart", () => {
    const same = principalAngles([[1, 0, 0], [0, 1, 0]], [[1, 1, 0], [2, -1, 0]]);
    same.forEach((angle) => close(angle, 0, 1e-5, "same plane"));
    close(principalAngles([[1, 0]], [[0, 3]])[0] as number, 90, 1e-9, "orthogonal lines");
    const angle = (30 * Math.PI) / 180;
    close(principalAngles([[1, 0]], [[Math.cos(angle), Math.sin(angle)]])[0] as number, 30, 1e-9, "30°");
    const mixed = principalAngles([[1, 0, 0], [0, 1, 0]], [[1, 0, 0], [0, 0, 1]]);
    close(mixed[0] as number, 0, 1e-6, "shared direction");
    close(mixed[1] as number, 90, 1e-6, "the other one");
  });

  test("compareWithPca agrees for a decoder spanning the PCA components and disagrees otherwise", () => {
    const random = seededRandom(9);
    const rows = Array.from({ length: 200 }, () => [random.normal(0, 3), random.normal(0, 2), random.normal(0, 0.1), random.normal(0, 0.1)]);
    const result = pca(rows, 2);
    const [c1, c2] = result.components as [number[], number[]];
    const decoder = tf.tensor2d([c1.map((v, i) => 2 * v - (c2[i] as number)), c1.map((v, i) => v + 3 * (c2[i] as number))]);
    const good = compareWithPca(result, decoder);
    assert.ok(good.agree && good.largestAngleDegrees < 1e-3, `largest angle ${good.largestAngleDegrees}`);
    const bad = compareWithPca(result, [[0, 0, 1, 0], [0, 0, 0, 1]]);
    assert.equal(bad.agree, false);
    close(bad.largestAngleDegrees, 90, 1, "decoder orthogonal to the data");
    assert.throws(() => compareWithPca(result, [[1, 0, 0, 0]]), /pca\(dados, 1\)/);
    assert.throws(() => principalAngles([[1, 0], [2, 0]], [[1, 0]]), /combinação linear/);
    decoder.dispose();
  });
});
