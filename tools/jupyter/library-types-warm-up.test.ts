/**
 * The kernel reads the library's types ahead of the first import cell
 * (tools/jupyter/library-types-warm-up.cjs): once, with tslab's Node.js converter, when the
 * kernel_info requests have stopped; never once a cell has been sent; a failing warm-up stays
 * silent; and in a real kernel the warm-up neither defines anything for the student's cells nor
 * loads TensorFlow before their import.
 */
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import { cellText, runKernelSession } from "./kernel-session";

const require = createRequire(import.meta.url);
const { installLibraryTypesWarmUp, warmUpLibraryTypes, WARM_UP_SOURCE } = require("./library-types-warm-up.cjs") as typeof import("./library-types-warm-up.cjs");

/** Stand-ins for tslab's converter and jupyter modules that record what the warm-up does. */
function fakeTslab(convert: (previous: string, source: string) => { diagnostics: unknown[] }) {
  const converted: { converter: string; source: string }[] = [];
  const kernelInfoAnswers: string[] = [];
  const converterModule = {
    createConverter: (options: { isJS: boolean; isBrowser: boolean }) => {
      const name = options.isBrowser ? "browser" : options.isJS ? "js" : "node";
      return { convert: (previous: string, source: string) => (converted.push({ converter: name, source }), convert(previous, source)) };
    },
  };
  const executed: string[] = [];
  class ZmqServer {
    handleKernelInfo(id: string): string {
      kernelInfoAnswers.push(id);
      return `reply ${id}`;
    }
  }
  class JupyterHandlerImpl {
    handleExecute(code: string): string {
      executed.push(code);
      return `executed ${code}`;
    }
  }
  return { converterModule, jupyterModule: { ZmqServer, JupyterHandlerImpl }, converted, kernelInfoAnswers, executed };
}

describe("with tslab's modules replaced", () => {
  test("type-checks the library's import once, with the Node.js converter, when the kernel_info requests have stopped", async () => {
    const tslab = fakeTslab(() => ({ diagnostics: [] }));
    const results: boolean[] = [];
    installLibraryTypesWarmUp(tslab.converterModule, tslab.jupyterModule, { quietMs: 1000, onDone: (ok) => results.push(ok) });
    tslab.converterModule.createConverter({ isJS: false, isBrowser: true });
    tslab.converterModule.createConverter({ isJS: false, isBrowser: false });
    const server = new tslab.jupyterModule.ZmqServer();
    assert.deepEqual(tslab.converted, [], "nada antes do primeiro kernel_info");
    assert.equal(server.handleKernelInfo("a"), "reply a", "a resposta do tslab continua a mesma");
    await sleep(20);
    server.handleKernelInfo("b");
    await sleep(20);
    assert.deepEqual(tslab.converted, [], "um cliente que ainda repete kernel_info não espera pela checagem");
    await sleep(1200);
    assert.deepEqual(tslab.converted, [{ converter: "node", source: WARM_UP_SOURCE }]);
    server.handleKernelInfo("c");
    await sleep(1200);
    assert.deepEqual(tslab.kernelInfoAnswers, ["a", "b", "c"]);
    assert.equal(tslab.converted.length, 1, "uma vez só");
    assert.deepEqual(results, [true]);
    assert.equal(new tslab.jupyterModule.JupyterHandlerImpl().handleExecute("1"), "executed 1", "as células seguem com o tslab");
  });

  test("a cell sent right after the start cancels it (nbclient: handouts, notebook tests)", async () => {
    const tslab = fakeTslab(() => ({ diagnostics: [] }));
    installLibraryTypesWarmUp(tslab.converterModule, tslab.jupyterModule, { quietMs: 30 });
    tslab.converterModule.createConverter({ isJS: false, isBrowser: false });
    const server = new tslab.jupyterModule.ZmqServer();
    server.handleKernelInfo("a");
    new tslab.jupyterModule.JupyterHandlerImpl().handleExecute("import");
    await sleep(60);
    server.handleKernelInfo("b");
    await sleep(60);
    assert.deepEqual(tslab.executed, ["import"]);
    assert.deepEqual(tslab.converted, []);
  });

  test("a converter that throws or reports errors is only a warm-up that did not help", () => {
    assert.equal(warmUpLibraryTypes({ convert: () => { throw new Error("TypeScript falhou"); } }), false);
    assert.equal(warmUpLibraryTypes({ convert: () => ({ diagnostics: [{ messageText: "Cannot find module" }] }) }), false);
  });

  test("without a Node.js converter (tslab's --js kernel) nothing is scheduled", async () => {
    const tslab = fakeTslab(() => ({ diagnostics: [] }));
    installLibraryTypesWarmUp(tslab.converterModule, tslab.jupyterModule, { quietMs: 1 });
    tslab.converterModule.createConverter({ isJS: true, isBrowser: false });
    new tslab.jupyterModule.ZmqServer().handleKernelInfo("a");
    await sleep(20);
    assert.deepEqual(tslab.converted, []);
  });
});

test("in a real kernel: the warm-up defines nothing for the cells and loads no TensorFlow before the student's import", { timeout: 180_000 }, async () => {
  const report = await runKernelSession([
    { op: "sleep", seconds: 4 },
    { op: "execute", label: "before", code: 'console.log(typeof (globalThis as any).courseLibraryTypes, Object.keys(require.cache).some((file) => file.includes("tfjs-node")));' },
    { op: "execute", label: "hidden", code: "courseLibraryTypes;" },
    { op: "sleep", seconds: 0.4 },
    { op: "execute", label: "import", code: 'import { tf, isFastMode } from "@redes-neurais/lib";\nconsole.log(tf.getBackend(), typeof isFastMode());' },
    { op: "execute", label: "typed", code: 'const n: number = tf.tensor([1, 2, 3]).sum().dataSync()[0]!;\nconsole.log("soma", n);\nconst wrong: string = tf.scalar(1);' },
  ]);
  assert.equal(report.error, null);
  assert.equal(cellText(report, "before").trim(), "undefined false", "nada do aquecimento chega às células, nem o TensorFlow");
  assert.match(cellText(report, "hidden"), /Cannot find name 'courseLibraryTypes'/);
  assert.match(cellText(report, "import"), /^tensorflow boolean$/m);
  assert.match(cellText(report, "typed"), /Type 'Scalar' is not assignable to type 'string'/, "a checagem de tipos segue valendo depois do aquecimento");
});
