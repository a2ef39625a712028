/**
 * The run-time half of the defences alone (tools/grading/grading-guard.ts), in a real
 * kernel, with student code that the static check would refuse but that runs here
 * anyway: it patches the assertion module, mutates the instructor's data at the top
 * level and the test's arguments inside its function, and swaps a locked array's
 * element. The guard must keep the tests' view intact: the data the test checks are
 * the ones it made, and a failing assertion still fails.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, test } from "node:test";
import { type Notebook, type NotebookCell, serializeNotebook } from "../notebooks/notebook-format";
import { fixtureNotebook, projectTemporaryFolder } from "../test-support/fixture-notebook";
import { writeFile } from "node:fs/promises";
import { isInternalCell, withGradingGuard } from "./grading-guard";
import { type CellsReport, runCells } from "./run-cells";

function nbgrader(cell: NotebookCell, id: string, kind: "locked" | "solution" | "test"): NotebookCell {
  cell.metadata = {
    nbgrader: { schema_version: 3, grade_id: id, locked: kind !== "solution", solution: kind === "solution", grade: kind === "test", ...(kind === "test" ? { points: 1 } : {}) },
  };
  return cell;
}

const cells: [string, string, "locked" | "solution" | "test"][] = [
  ["preparacao", 'import assert from "node:assert/strict";', "locked"],
  ["dados", "const data = { values: [1, 2, 3] };", "locked"],
  [
    "resposta",
    [
      "function total(values: number[]): number {",
      "  values.fill(100);",
      "  return values.length * 2;",
      "}",
      "try { data.values.fill(0); } catch {}",
      "try { (data.values as number[])[0] = 42; } catch {}",
      "try { Object.assign(assert, { ok() {}, equal() {}, deepEqual() {} }); } catch {}",
      "try { (assert as unknown as { strict: unknown }).strict = null; } catch {}",
    ].join("\n"),
    "solution",
  ],
  ["testes-dados", 'assert.equal(total(data.values), 6);\nassert.deepEqual(data.values, [1, 2, 3], "os dados do professor e do teste ficam intactos");', "test"],
  ["testes-falha", 'const local = [5, 6];\nassert.equal(total(local), 4);\nassert.deepEqual(local, [5, 6]);\nassert.ok(false, "esta asserção tem de falhar");', "test"],
];

let report: CellsReport;
let guarded: Notebook;
let remove: () => Promise<void> = async () => {};

before(async () => {
  const source = fixtureNotebook(cells.map(([, code]) => ({ code })));
  source.cells.forEach((cell, index) => nbgrader(cell, cells[index]![0], cells[index]![2]));
  guarded = withGradingGuard(source, source);
  let folder: string;
  ({ folder, remove } = await projectTemporaryFolder("guarda"));
  const input = path.join(folder, "guardado.ipynb");
  await writeFile(input, serializeNotebook(guarded));
  report = await runCells({ input, reportFile: path.join(folder, "relatorio.json"), cwd: folder, cellTimeoutSeconds: 60, totalTimeoutSeconds: 240, startupTimeoutSeconds: 180 });
});

after(() => remove());

function statusOf(id: string): { status: string; errorText: string } {
  const index = guarded.cells.findIndex((cell) => (cell.metadata["nbgrader"] as { grade_id?: string } | undefined)?.grade_id === id);
  const cell = report.cells.find((candidate) => candidate.index === index);
  return { status: cell?.status ?? "absent", errorText: cell?.errorText ?? "" };
}

test("as células do corretor rodam sem erro", () => {
  assert.equal(report.status, "ok", report.reason);
  const internal = report.cells.filter((cell) => isInternalCell(guarded.cells[cell.index]!));
  assert.ok(internal.length >= 4, "guarda, congelamentos e proteções");
  for (const cell of internal) assert.equal(cell.status, "ok", cell.errorText);
});

test("o teste recebe os seus dados intactos, mesmo com a resposta mudando o argumento e os dados do professor", () => {
  const result = statusOf("testes-dados");
  assert.equal(result.status, "ok", result.errorText);
});

test("o módulo de asserções continua valendo: uma asserção falsa falha", () => {
  const result = statusOf("testes-falha");
  assert.equal(result.status, "error");
  assert.match(result.errorText, /esta asserção tem de falhar/);
});
