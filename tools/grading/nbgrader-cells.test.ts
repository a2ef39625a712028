/**
 * nbgrader's checksum, computed here in TypeScript, equals what nbgrader's own
 * `compute_checksum` (its logic transcribed from nbgrader/utils.py, run by the venv's Python) gives.
 * nbgrader itself is not on this machine's package index, and the project does not commit files
 * taken from other repositories, so the transcription is the reference; the second test checks
 * that every field nbgrader hashes changes the checksum.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { paths } from "../project.mjs";
import type { NotebookCell } from "../notebooks/notebook-format";
import { computeChecksum, isLocked, pythonFloatString } from "./nbgrader-cells";

// nbgrader 0.9, nbgrader/utils.py (is_grade, is_solution, is_locked, compute_checksum), verbatim logic.
const nbgraderPython = String.raw`
import hashlib, json, sys
def is_grade(cell): return cell["metadata"]["nbgrader"].get("grade", False)
def is_solution(cell): return cell["metadata"]["nbgrader"].get("solution", False)
def is_locked(cell):
    if is_solution(cell): return False
    elif is_grade(cell): return True
    else: return cell["metadata"]["nbgrader"].get("locked", False)
def to_bytes(s): return bytes(s.encode("utf-8"))
def compute_checksum(cell):
    m = hashlib.md5()
    m.update(to_bytes(cell["source"]))
    m.update(to_bytes(cell["cell_type"]))
    m.update(to_bytes(str(is_grade(cell))))
    m.update(to_bytes(str(is_solution(cell))))
    m.update(to_bytes(str(is_locked(cell))))
    m.update(to_bytes(cell["metadata"]["nbgrader"]["grade_id"]))
    if is_grade(cell):
        m.update(to_bytes(str(float(cell["metadata"]["nbgrader"]["points"]))))
    return m.hexdigest()
print(json.dumps([compute_checksum(c) for c in json.load(sys.stdin)]))
`;

function cell(cellType: "code" | "markdown", source: string, meta: Record<string, unknown>): NotebookCell {
  return { cell_type: cellType, source, metadata: { nbgrader: { schema_version: 3, grade: false, solution: false, locked: false, ...meta } } };
}

test("o checksum de cada tipo de célula é o mesmo que o nbgrader calcula", async () => {
  const cells = [
    cell("code", 'const x = 1;\nconsole.log("ação");', { grade_id: "a", locked: true }),
    cell("code", "// SEU CÓDIGO AQUI\nthrow new Error(\"não implementado\");", { grade_id: "resp-1", solution: true }),
    cell("code", "assert.equal(f(2), 4);", { grade_id: "teste", grade: true, locked: true, points: 3 }),
    cell("code", "assert.ok(true);", { grade_id: "meio-ponto", grade: true, points: 0.5 }),
    cell("markdown", "# Título com acentuação", { grade_id: "texto", locked: true }),
  ];
  const { spawn } = await import("node:child_process");
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(paths.venvPython, ["-c", nbgraderPython], { stdio: ["pipe", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(text));
    child.stdin.end(JSON.stringify(cells));
  });
  assert.deepEqual(cells.map(computeChecksum), JSON.parse(output));
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
