// @ts-check
/**
 * Jasmine specs that prove where the conformance suite ran: on the requested backend
 * (for `tensorflow`, through the native binding) and on one engine shared by the two
 * copies of tfjs-core in the process (the CommonJS bundle that tfjs-node imports and the
 * transpiled ES modules that the upstream specs import). Without the second, the specs
 * could exercise an engine that tfjs-node never registered its kernels in.
 */

/** Full names of these specs start with this. */
export const ENGINE_SPECS_SUITE = "redes-neurais conformance";
/** How many specs {@link registerEngineSpecs} adds; the run fails unless all pass. */
export const ENGINE_SPECS_COUNT = 3;

/**
 * Registers the specs (call after jasmine's globals exist and tfjs-core's jasmine_util
 * is loaded).
 *
 * @param {NodeJS.Require} load `require` with the ES-module hook installed.
 * @param {"tensorflow" | "cpu"} backend
 */
export function registerEngineSpecs(load, backend) {
  const jasmineUtil = load("@tensorflow/tfjs-core/dist/jasmine_util");
  /** @type {any} */
  const g = globalThis;
  jasmineUtil.describeWithFlags(ENGINE_SPECS_SUITE, jasmineUtil.ALL_ENVS, (/** @type {{backendName: string}} */ testEnv) => {
    g.it(`runs on backend ${backend}`, () => {
      const core = load("@tensorflow/tfjs-core/dist/index");
      g.expect(testEnv.backendName).toBe(backend);
      g.expect(core.getBackend()).toBe(backend);
      const sum = core.add(core.tensor([1, 2]), core.tensor([3, 4]));
      g.expect(Array.from(sum.dataSync())).toEqual([4, 6]);
      g.expect(core.engine().backendName).toBe(backend);
    });
    g.it(`${backend === "tensorflow" ? "runs TensorFlow's C library through the native binding" : "is the pure-JavaScript backend"}`, () => {
      const core = load("@tensorflow/tfjs-core/dist/index");
      const active = core.backend();
      if (backend === "tensorflow") {
        g.expect(typeof active.binding?.TF_Version).toBe("string");
        g.expect(active.binding.TF_Version).toMatch(/^2\./);
      } else {
        g.expect(active.binding).toBeUndefined();
        g.expect(active.constructor.name).toBe("MathBackendCPU");
      }
    });
    g.it("shares one engine between both copies of tfjs-core", () => {
      const bundle = load("@tensorflow/tfjs-core"); // dist/tf-core.node.js, what tfjs-node imports
      const modules = load("@tensorflow/tfjs-core/dist/index"); // transpiled ES modules, what the specs import
      g.expect(bundle).not.toBe(modules);
      g.expect(bundle.engine()).toBe(modules.engine());
      const before = modules.memory().numTensors;
      const x = bundle.tensor([1, 2, 3]);
      g.expect(modules.memory().numTensors).toBe(before + 1);
      const doubled = modules.mul(x, 2);
      g.expect(Array.from(doubled.dataSync())).toEqual([2, 4, 6]);
      bundle.dispose([x, doubled]);
      g.expect(modules.memory().numTensors).toBe(before);
    });
  });
}
