/**
 * The verdicts of the JupyterLab check, on reports made by hand (the browser suite,
 * `npm run test:browser`, checks them against real pages).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { labPageErrors, labProblems, type LabNotebookReport, monitorProblems, showsFigures, usesTrainingMonitor } from "./jupyterlab";

const clean: LabNotebookReport = {
  codeCells: 3,
  notExecuted: [],
  errors: [],
  figureOutputs: 2,
  figuresDrawn: 2,
  figuresNotDrawn: [],
  diagramsDrawn: 1,
  diagramsNotDrawn: [],
  monitors: 1,
  monitorPoints: [5],
};

test("a notebook trains with the monitor when its code calls trainingMonitor(", () => {
  assert.equal(usesTrainingMonitor(['const monitor = trainingMonitor({ title: "perda", epochs });']), true);
  assert.equal(usesTrainingMonitor(["const monitor = trainingMonitor ({ epochs: 3 });"]), true);
  assert.equal(usesTrainingMonitor(['import { trainingMonitor } from "@redes-neurais/lib";', "await model.fit(x, y)"]), false);
  assert.equal(usesTrainingMonitor(["myTrainingMonitor()"]), false);
});

test("a notebook shows figures when its code calls show(, not showTable( or obj.show(", () => {
  assert.equal(showsFigures(['show({ data: [{ type: "bar", y: [1] }] });']), true);
  assert.equal(showsFigures(["const x = 1;\nshow(figura);"]), true);
  assert.equal(showsFigures(["showTable(planetas);", "tensor.show();"]), false);
});

test("a clean run has no problems; each kind of problem is named", () => {
  assert.deepEqual(labProblems(clean, { figures: true, monitor: true }), []);
  const broken: LabNotebookReport = {
    codeCells: 3,
    notExecuted: ['célula 4: "[ ]:"'],
    errors: ["célula 3 (application/vnd.jupyter.stderr): Error: falhou"],
    figureOutputs: 1,
    figuresDrawn: 0,
    figuresNotDrawn: ["célula 2: 0 traço(s), svg não"],
    diagramsDrawn: 0,
    diagramsNotDrawn: ['"Célula LSTM": 0×0 px'],
    monitors: 0,
    monitorPoints: [],
  };
  const problems = labProblems(broken, { figures: true, monitor: true, minimumDiagrams: 1 });
  assert.equal(problems.length, 6, problems.join("\n"));
  assert.match(problems[0]!, /^células não executadas: célula 4/);
  assert.match(problems[1]!, /^saída de erro: célula 3/);
  assert.match(problems[2]!, /^figura não desenhada: célula 2/);
  assert.equal(problems[3], 'diagrama não desenhado: "Célula LSTM": 0×0 px');
  assert.equal(problems[4], "0 diagrama(s) desenhado(s); esperava ao menos 1");
  assert.match(problems[5]!, /trainingMonitor/);
  assert.deepEqual(labProblems({ ...clean, diagramsDrawn: 0 }, { figures: true, monitor: true }), [], "sem mínimo pedido, nenhum diagrama é exigido");
  assert.deepEqual(labProblems({ ...clean, figureOutputs: 0, figuresDrawn: 0 }, { figures: true, monitor: false }), [
    "o código chama show(...), mas nenhuma figura apareceu",
  ]);
  assert.deepEqual(labProblems({ ...clean, codeCells: 0 }, { figures: false, monitor: false }), ["nenhuma célula de código na página"]);
});

test("JupyterLab's debugger poll is not a page error; anything else is", () => {
  assert.deepEqual(labPageErrors(["console: No active debugger session", "TypeError: x is undefined", "console: Failed to load"]), [
    "TypeError: x is undefined",
    "console: Failed to load",
  ]);
});

test("a monitor stuck at its first frame is named; one that drew a curve is not", () => {
  assert.deepEqual(monitorProblems(clean), []);
  assert.deepEqual(monitorProblems({ ...clean, monitors: 0, monitorPoints: [] }), []);
  assert.match(monitorProblems({ ...clean, monitorPoints: [1] })[0] ?? "", /primeiro quadro/);
});
