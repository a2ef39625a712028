import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { saveDiagram } from "./save-diagram";
import { neuronDiagram } from "./neuron-diagram";
import { InvalidDiagramInputError } from "./diagram-errors";
import { parseDiagramSvg } from "../test-support/parse-svg";

describe("saveDiagram", () => {
  const diagram = neuronDiagram({ weights: [1, -1], bias: 0, activation: "tanh" });

  test("writes a standalone SVG file, creating the folder, and leaves no temporary file", async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), "diagramas-"));
    try {
      const target = path.join(folder, "figuras", "neuronio.svg");
      assert.equal(await saveDiagram(diagram, target), target);
      const written = await readFile(target, "utf8");
      assert.ok(written.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg '));
      assert.ok(written.includes(diagram.svg));
      parseDiagramSvg(written.slice(written.indexOf("<svg")));
      assert.deepEqual(await readdir(path.dirname(target)), ["neuronio.svg"]);
      await saveDiagram(neuronDiagram({ weights: [2], bias: 1, activation: "relu" }), target);
      assert.match(await readFile(target, "utf8"), /1 entrada,/, "an existing file is replaced");
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  test("a name that does not end in .svg is refused before writing", async () => {
    await assert.rejects(saveDiagram(diagram, "figura.png"), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /deve terminar em \.svg/);
      assert.match(error.message, /"figura\.png"/);
      return true;
    });
  });
});
