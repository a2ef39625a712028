import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as tf from "../tf";
import { buildVgg16 } from "./vgg16";
import { buildCourseBase } from "./course-base";
import { kerasWeightRole, loadKerasWeights, readKerasWeights } from "./keras-weights";
import { saveKerasWeights } from "./save-keras-weights";
import { WeightsFileError } from "./pretrained-errors";
import { loadH5wasm } from "./hdf5-file";
import { fakeVgg16Layers, mulberry32, randomValues, writeKerasStyleFile, type FakeLayer } from "../test-support/keras-h5";
import { expectNoLeakedTensors } from "../test-support/tensors";

const folder = mkdtempSync(path.join(os.tmpdir(), "keras-weights-"));
after(() => rmSync(folder, { recursive: true, force: true }));

/** The course base's layers (3 convolutions on one channel), random values, Keras layout. */
function fakeCourseBaseLayers(seed: number, inputChannels = 1): FakeLayer[] {
  const random = mulberry32(seed);
  let channels = inputChannels;
  const layers: FakeLayer[] = [{ name: "input_1", weights: [] }];
  [16, 32, 64].forEach((filters, i) => {
    layers.push({
      name: `block${i + 1}_conv1`,
      weights: [
        { shape: [3, 3, channels, filters], values: randomValues(9 * channels * filters, random) },
        { shape: [filters], values: randomValues(filters, random) },
      ],
    });
    layers.push({ name: `block${i + 1}_pool`, weights: [] });
    channels = filters;
  });
  return layers;
}

describe("loadKerasWeights on a full-size VGG16 notop file in the Keras layout", () => {
  const file = path.join(folder, "vgg16_notop_random.h5");
  const layers = fakeVgg16Layers(7);
  before(() => writeKerasStyleFile(file, layers));

  test("the written file has the size of the real one (58,889,256 bytes) within 1 %", () => {
    const size = statSync(file).size;
    assert.ok(Math.abs(size - 58_889_256) / 58_889_256 < 0.01, `tamanho ${size}`);
  });

  test("maps every layer by name and copies every value exactly", async () => {
    const model = buildVgg16({ seed: 99 });
    const report = await loadKerasWeights(model, file);
    const convolutions = layers.filter((layer) => layer.weights.length > 0);
    assert.deepEqual(report.loadedLayers, convolutions.map((layer) => layer.name));
    assert.equal(report.parameterCount, 14_714_688);
    assert.deepEqual(report.unusedLayers, []);
    for (const layer of convolutions) {
      const loaded = model.getLayer(layer.name).getWeights();
      layer.weights.forEach((weight, i) => {
        assert.deepEqual(loaded[i]?.shape, weight.shape, `${layer.name} peso ${i}`);
        assert.ok(Buffer.from((loaded[i]?.dataSync() as Float32Array).buffer).equals(Buffer.from(weight.values.buffer)), `${layer.name} peso ${i}`);
      });
    }
    model.dispose();
  });

  test("a truncated copy gets a clear error", async () => {
    const truncated = path.join(folder, "truncated.h5");
    writeFileSync(truncated, readFileSync(file).subarray(0, 20_000_000));
    const model = buildVgg16({ inputShape: [32, 32, 3] });
    await assert.rejects(loadKerasWeights(model, truncated), (error: unknown) => {
      assert.ok(error instanceof WeightsFileError);
      assert.match(error.message, /truncado/);
      assert.match(error.message, /20000000/);
      return true;
    });
    model.dispose();
  });
});

describe("loadKerasWeights errors", () => {
  test("a file that is not HDF5 is refused with what it is and what to do", async () => {
    const text = path.join(folder, "not-hdf5.h5");
    writeFileSync(text, "<html>404 Not Found</html>".repeat(10));
    const model = buildCourseBase();
    await assert.rejects(loadKerasWeights(model, text), /não é um arquivo HDF5/);
    await assert.rejects(loadKerasWeights(model, path.join(folder, "absent.h5")), /não existe/);
    model.dispose();
  });

  test("a missing layer is named, and the model is left untouched", async () => {
    const file = path.join(folder, "missing-layer.h5");
    await writeKerasStyleFile(file, fakeCourseBaseLayers(1).filter((layer) => layer.name !== "block3_conv1"));
    const model = buildCourseBase({ seed: 5 });
    const beforeLoad = Array.from(model.getLayer("block1_conv1").getWeights()[0]?.dataSync() ?? []);
    await assert.rejects(loadKerasWeights(model, file), (error: unknown) => {
      assert.ok(error instanceof WeightsFileError);
      assert.match(error.message, /block3_conv1/);
      return true;
    });
    assert.deepEqual(Array.from(model.getLayer("block1_conv1").getWeights()[0]?.dataSync() ?? []), beforeLoad);
    model.dispose();
  });

  test("a shape mismatch names the layer and both shapes, and changes nothing", async () => {
    const file = path.join(folder, "rgb-base.h5");
    await writeKerasStyleFile(file, fakeCourseBaseLayers(2, 3));
    const model = buildCourseBase({ seed: 5 });
    const beforeLoad = Array.from(model.getLayer("block2_conv1").getWeights()[0]?.dataSync() ?? []);
    await assert.rejects(loadKerasWeights(model, file), (error: unknown) => {
      assert.ok(error instanceof WeightsFileError);
      assert.match(error.message, /block1_conv1/);
      assert.match(error.message, /\[3, 3, 1, 16\]/);
      assert.match(error.message, /\[3, 3, 3, 16\]/);
      return true;
    });
    assert.deepEqual(Array.from(model.getLayer("block2_conv1").getWeights()[0]?.dataSync() ?? []), beforeLoad);
    model.dispose();
  });

  test("an HDF5 file without Keras' layer_names is refused", async () => {
    const file = path.join(folder, "copy.h5");
    await writeKerasStyleFile(file, []);
    const other = path.join(folder, "other.h5");
    const h5wasm = await loadH5wasm();
    const f = new h5wasm.File(other, "w");
    f.create_dataset({ name: "images", data: new Float32Array(4), shape: [2, 2], dtype: "<f4" });
    f.close();
    const model = buildCourseBase();
    await assert.rejects(loadKerasWeights(model, other), /layer_names/);
    await assert.rejects(loadKerasWeights(model, file), /não tem pesos para 3 camada/);
    model.dispose();
  });
});

describe("saveKerasWeights", () => {
  test("round trip: saved weights (new naming, layer/kernel:0) load back equal, without leaking", async () => {
    const file = path.join(folder, "round-trip.h5");
    const source = buildCourseBase({ seed: 11 });
    await saveKerasWeights(source, file);
    const stored = await readKerasWeights(file);
    assert.deepEqual(stored.find((entry) => entry.layer === "block2_conv1")?.weights.map((w) => w.name), ["block2_conv1/kernel:0", "block2_conv1/bias:0"]);
    const target = buildCourseBase({ seed: 12 });
    await expectNoLeakedTensors(tf, () => loadKerasWeights(target, file));
    source.layers.forEach((layer) => {
      const a = layer.getWeights().map((w) => Array.from(w.dataSync()));
      const b = target.getLayer(layer.name).getWeights().map((w) => Array.from(w.dataSync()));
      assert.deepEqual(b, a, layer.name);
    });
    [source, target].forEach((m) => m.dispose());
  });
});

describe("kerasWeightRole", () => {
  test("reads both Keras naming styles", () => {
    assert.equal(kerasWeightRole("block1_conv1_W_1:0"), "kernel");
    assert.equal(kerasWeightRole("block1_conv1_b_1:0"), "bias");
    assert.equal(kerasWeightRole("block1_conv1/kernel:0"), "kernel");
    assert.equal(kerasWeightRole("block1_conv1/bias:0"), "bias");
    assert.equal(kerasWeightRole("bn/gamma:0"), "gamma");
  });
});
