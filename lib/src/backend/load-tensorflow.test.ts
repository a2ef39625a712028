import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { NATIVE_PACKAGE, PURE_JS_PACKAGE, loadTensorFlow, type TensorFlowLoaderDeps } from "./load-tensorflow";
import { BackendSwitchError, NativeBackendUnavailableError } from "./backend-errors";
import type { BackendChoice } from "./backend-choice";

/** A stand-in for a TensorFlow.js module: just enough to select a backend. */
function fakeTensorFlow(label: string, options: { switchable?: boolean } = {}) {
  let backend = label === "native" ? "tensorflow" : "webgl";
  return {
    label,
    getBackend: () => backend,
    setBackend: (name: string) => {
      if (options.switchable !== false) backend = name;
      return Promise.resolve(options.switchable !== false);
    },
    findBackend: () => null,
    version: { tfjs: "0.0.0-fake" },
  };
}

const bindingError = new Error(
  "libtensorflow.so.2: cannot open shared object file: No such file or directory\nPlease run command 'npm rebuild ...'",
);

/** Deps whose native package loads or fails as asked, recording what happens. */
function recordingDeps(nativeLoads: boolean, pure = fakeTensorFlow("pure")) {
  const native = fakeTensorFlow("native");
  const required: string[] = [];
  const aliased: unknown[] = [];
  const warnings: string[] = [];
  const deps: TensorFlowLoaderDeps = {
    requireModule: (id) => {
      required.push(id);
      if (id === NATIVE_PACKAGE) {
        if (!nativeLoads) throw bindingError;
        return native;
      }
      if (id === PURE_JS_PACKAGE) return pure;
      throw new Error(`unexpected module ${id}`);
    },
    aliasNativePackage: (module) => aliased.push(module),
    warn: (message) => warnings.push(message),
  };
  return { deps, native, pure, required, aliased, warnings };
}

describe("loadTensorFlow", () => {
  test("uses the native package and stays quiet when its binding loads", () => {
    const world = recordingDeps(true);
    const loaded = loadTensorFlow("auto", world.deps);
    assert.equal(loaded.tf as unknown, world.native);
    assert.equal(loaded.tf.getBackend(), "tensorflow");
    assert.equal(loaded.fallbackReason, null);
    assert.deepEqual(world.required, [NATIVE_PACKAGE]);
    assert.deepEqual(world.warnings, []);
    assert.deepEqual(world.aliased, []);
  });

  test("falls back to cpu with a warning that gives the reason and the fix when the binding fails", () => {
    const world = recordingDeps(false);
    const loaded = loadTensorFlow("auto", world.deps);
    assert.equal(loaded.tf as unknown, world.pure);
    assert.equal(loaded.tf.getBackend(), "cpu");
    assert.equal(loaded.fallbackReason, "libtensorflow.so.2: cannot open shared object file: No such file or directory");
    assert.equal(world.warnings.length, 1);
    const warning = world.warnings[0] ?? "";
    assert.match(warning, /libtensorflow\.so\.2: cannot open shared object file/);
    assert.match(warning, /npm run setup/);
    assert.match(warning, /npm run doctor/);
    assert.match(warning, /"cpu"/);
    assert.deepEqual(world.aliased, [world.pure], "danfojs-node must get the same module");
  });

  test("throws a typed error and loads nothing else when the native backend is required but fails", () => {
    const world = recordingDeps(false);
    assert.throws(
      () => loadTensorFlow("tensorflow", world.deps),
      (error: unknown) => {
        assert.ok(error instanceof NativeBackendUnavailableError);
        assert.equal(error.cause, bindingError);
        assert.match(error.message, /REDES_NEURAIS_BACKEND=tensorflow/);
        assert.match(error.message, /cannot open shared object file/);
        assert.match(error.message, /npm run setup/);
        return true;
      },
    );
    assert.deepEqual(world.required, [NATIVE_PACKAGE]);
    assert.deepEqual(world.warnings, []);
  });

  test("switches the native package to cpu when cpu is forced", () => {
    const world = recordingDeps(true);
    const loaded = loadTensorFlow("cpu", world.deps);
    assert.equal(loaded.tf as unknown, world.native);
    assert.equal(loaded.tf.getBackend(), "cpu");
    assert.equal(loaded.fallbackReason, null);
  });

  test("uses the pure package without a warning when cpu is forced and the binding fails", () => {
    const world = recordingDeps(false);
    const loaded = loadTensorFlow("cpu", world.deps);
    assert.equal(loaded.tf as unknown, world.pure);
    assert.equal(loaded.tf.getBackend(), "cpu");
    assert.equal(loaded.fallbackReason, null);
    assert.deepEqual(world.warnings, []);
    assert.deepEqual(world.aliased, [world.pure]);
  });

  test("reports a typed error when TensorFlow.js does not switch to cpu", () => {
    for (const choice of ["auto", "cpu"] as BackendChoice[]) {
      const world = recordingDeps(false, fakeTensorFlow("pure", { switchable: false }));
      assert.throws(() => loadTensorFlow(choice, world.deps), BackendSwitchError);
    }
  });
});
