import assert from "node:assert/strict";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { paths } from "../project.mjs";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { listCourseNotebooks, listCourseNotebooksSync, selectNotebooks, type CourseNotebook } from "./course-notebooks";

function notebook(name: string): CourseNotebook {
  const file = path.join(paths.notebooks, `${name}.ipynb`);
  return { file, name, number: Number(name.slice(0, 2)), displayPath: `notebooks/${name}.ipynb` };
}

const course = [notebook("00_o_ambiente"), notebook("05_treinamento"), notebook("10_workflow")];

test("a notebook is chosen by its file name, with or without .ipynb, or by its number", () => {
  for (const request of ["05_treinamento", "05_treinamento.ipynb", "05", "5"]) {
    assert.deepEqual(selectNotebooks(course, [request]).map((chosen) => chosen.name), ["05_treinamento"], request);
  }
});

test("the chosen notebooks keep the course order whatever the order asked", () => {
  assert.deepEqual(selectNotebooks(course, ["10", "0"]).map((chosen) => chosen.name), ["00_o_ambiente", "10_workflow"]);
  assert.equal(selectNotebooks(course, []).length, 3);
});

test("an unknown notebook is refused with the list of the known ones", () => {
  assert.throws(() => selectNotebooks(course, ["7"]), /Notebook "7" não encontrado.*00_o_ambiente, 05_treinamento, 10_workflow/);
});

test("the course notebooks of a folder: NN_name.ipynb files only, by number, the same sync and async", async () => {
  const { folder, remove } = await temporaryFolder("course-notebooks");
  try {
    for (const name of ["10_workflow.ipynb", "02_b.ipynb", "02_a.ipynb", "notas.ipynb", "1_curto.ipynb", "03_texto.md"]) {
      await writeFile(path.join(folder, name), "{}");
    }
    await mkdir(path.join(folder, "04_pasta.ipynb"));
    const expected = ["02_a", "02_b", "10_workflow"];
    assert.deepEqual((await listCourseNotebooks(folder)).map((found) => found.name), expected);
    assert.deepEqual(listCourseNotebooksSync(folder), await listCourseNotebooks(folder));
    assert.deepEqual(listCourseNotebooksSync(folder).map((found) => found.number), [2, 2, 10]);
  } finally {
    await remove();
  }
});
