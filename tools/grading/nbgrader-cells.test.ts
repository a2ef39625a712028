/**
 * nbgrader's cell rules as tools/grading/nbgrader-cells.ts implements them. The checksum is
 * checked against values nbgrader itself computed: the cells of one of nbgrader's own test
 * notebooks (tools/grading/testdata/README.md says where it comes from), whose metadata
 * carry the checksums nbgrader recorded.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../project.mjs";
import type { NotebookCell } from "../notebooks/notebook-format";
import { computeChecksum, isLocked, nbgraderOf, pythonFloatString } from "./nbgrader-cells";

const nbgraderNotebook = path.join(projectRoot, "tools", "grading", "testdata", "nbgrader-submitted-unchanged.ipynb");

function cell(cellType: "code" | "markdown", source: string, meta: Record<string, unknown>): NotebookCell {
  return { cell_type: cellType, source, metadata: { nbgrader: { schema_version: 3, grade: false, solution: false, locked: false, ...meta } } };
}

test("o checksum de cada célula é o que o próprio nbgrader gravou no seu notebook de teste", () => {
  const cells = (JSON.parse(readFileSync(nbgraderNotebook, "utf8")) as { cells: NotebookCell[] }).cells;
  const recorded = cells.map((each) => ({ id: nbgraderOf(each)?.grade_id, checksum: nbgraderOf(each)?.checksum }));
  assert.equal(recorded.length, 7);
  assert.ok(recorded.every((each) => /^[0-9a-f]{32}$/.test(each.checksum ?? "")), JSON.stringify(recorded));
  assert.deepEqual(
    cells.map((each) => ({ id: nbgraderOf(each)?.grade_id, checksum: computeChecksum(each) })),
    recorded,
  );
});

test("mudar o código, o tipo, os pontos ou a trava de uma célula muda o checksum", () => {
  const original = cell("code", "assert.equal(f(2), 4);", { grade_id: "teste", grade: true, points: 3 });
  const variants = [
    cell("code", "assert.equal(f(2), 5);", { grade_id: "teste", grade: true, points: 3 }),
    cell("markdown", "assert.equal(f(2), 4);", { grade_id: "teste", grade: true, points: 3 }),
    cell("code", "assert.equal(f(2), 4);", { grade_id: "teste", grade: true, points: 3.5 }),
    cell("code", "assert.equal(f(2), 4);", { grade_id: "teste", grade: true, solution: true, points: 3 }),
    cell("code", "assert.equal(f(2), 4);", { grade_id: "outro", grade: true, points: 3 }),
  ];
  for (const variant of variants) assert.notEqual(computeChecksum(variant), computeChecksum(original), JSON.stringify(variant));
});

test("float do Python: inteiros ganham .0, frações ficam como são", () => {
  assert.equal(pythonFloatString(3), "3.0");
  assert.equal(pythonFloatString(0.5), "0.5");
  assert.equal(pythonFloatString(0), "0.0");
});

test("células avaliadas são sempre travadas; as de solução nunca", () => {
  assert.equal(isLocked(cell("code", "", { grade_id: "t", grade: true, locked: false, points: 1 })), true);
  assert.equal(isLocked(cell("code", "", { grade_id: "s", solution: true, locked: true })), false);
  assert.equal(isLocked({ cell_type: "code", source: "", metadata: {} }), false);
});
