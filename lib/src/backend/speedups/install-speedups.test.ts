import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";
import * as tf from "../../tf";
import { installedSpeedups, NO_SPEEDUPS_ENV_VAR, withoutNativeSpeedups } from "./install-speedups";

const libRoot = path.resolve(__dirname, "..", "..", "..");

/** What a fresh process reports: the installed speed-ups and the kernel behind MaxPoolGrad. */
function speedupsInFreshProcess(env: NodeJS.ProcessEnv): string[] {
  const script = `
    const { installedSpeedups } = require("./src/backend/speedups/install-speedups");
    require("./src/tf");
    process.stdout.write(JSON.stringify(installedSpeedups()));
  `;
  const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: libRoot,
    env: { ...process.env, REDES_NEURAIS_QUIET: "1", TF_CPP_MIN_LOG_LEVEL: "2", ...env },
    encoding: "utf8",
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trim().split("\n").pop() ?? "null") as string[];
}

describe("installNativeSpeedups", () => {
  test("are in effect on the native backend when the library loads", () => {
    assert.equal(tf.getBackend(), "tensorflow");
    assert.equal(installedSpeedups().length, 7);
  });

  test(`${NO_SPEEDUPS_ENV_VAR}=1 leaves tfjs-node as published; the cpu backend gets none`, () => {
    assert.equal(speedupsInFreshProcess({}).length, 7);
    assert.deepEqual(speedupsInFreshProcess({ [NO_SPEEDUPS_ENV_VAR]: "1" }), []);
    assert.deepEqual(speedupsInFreshProcess({ REDES_NEURAIS_BACKEND: "cpu" }), []);
  });

  test("withoutNativeSpeedups restores tfjs-node's own kernels and gradients for its body only, even when it throws", async () => {
    const fusedKernel = tf.getKernel("MaxPoolGrad", "tensorflow")?.kernelFunc;
    const fusedGradient = tf.getGradient("Relu")?.gradFunc;
    let publishedKernel: unknown;
    let publishedGradient: unknown;
    await withoutNativeSpeedups(() => {
      publishedKernel = tf.getKernel("MaxPoolGrad", "tensorflow")?.kernelFunc;
      publishedGradient = tf.getGradient("Relu")?.gradFunc;
      assert.deepEqual(installedSpeedups(), []);
    });
    assert.ok(publishedKernel !== undefined && publishedKernel !== fusedKernel);
    assert.ok(publishedGradient !== undefined && publishedGradient !== fusedGradient);
    await assert.rejects(
      withoutNativeSpeedups(() => {
        throw new Error("falha de propósito");
      }),
      /falha de propósito/,
    );
    assert.equal(installedSpeedups().length, 7);
    assert.notEqual(tf.getKernel("MaxPoolGrad", "tensorflow")?.kernelFunc, publishedKernel);
    assert.notEqual(tf.getGradient("Relu")?.gradFunc, publishedGradient);
  });
});
