import assert from "node:assert/strict";
import { test } from "node:test";
import type { Notebook } from "./notebook-format";
import { nodeWarningsInOutputs } from "./node-warnings";

test("Node's warnings are found in stream and display outputs, TensorFlow's log lines and prose are not", () => {
  const notebook = {
    cells: [
      { cell_type: "markdown", source: "(node:1) DeprecationWarning: só texto", metadata: {} },
      {
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [
          { output_type: "stream", name: "stderr", text: ["ok\n", "(node:4242) [DEP0051] DeprecationWarning: The `util.isNullOrUndefined` API is deprecated.\n"] },
          { output_type: "stream", name: "stderr", text: "W0000 00:00 cpu_feature_guard.cc] Warning: AVX\n" },
        ],
      },
      {
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{ output_type: "display_data", data: { "text/plain": "(node:7) ExperimentalWarning: require() of ES modules\n" } }],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  } as unknown as Notebook;
  assert.deepEqual(nodeWarningsInOutputs(notebook), [
    "célula 1: (node:4242) [DEP0051] DeprecationWarning: The `util.isNullOrUndefined` API is deprecated.",
    "célula 2: (node:7) ExperimentalWarning: require() of ES modules",
  ]);
});
