/**
 * Checks the nbgrader metadata of an assignment notebook as nbgrader's schema 3
 * validator does (nbgrader/nbgraderformat/v3.py and the CheckCellMetadata step), plus
 * what the course's grader needs. Every problem names the cell.
 */
import type { Notebook } from "../notebooks/notebook-format";
import { describeCell, nbgraderSchemaVersion } from "./nbgrader-cells";
import { markerProblems } from "./release-notebook";

/** nbgrader accepts only these characters in a grade_id. */
const gradeIdPattern = /^[a-zA-Z0-9_-]+$/;
const allowedKeys = new Set(["schema_version", "grade", "solution", "locked", "grade_id", "points", "task", "checksum", "cell_type"]);

export interface MetadataProblem {
  cellIndex: number | null;
  message: string;
}

export class AssignmentMetadataError extends Error {
  override name = "AssignmentMetadataError";
  constructor(
    readonly file: string,
    readonly problems: MetadataProblem[],
  ) {
    super(
      `${file}: metadados nbgrader inválidos:\n` +
        problems.map((problem) => `  - ${problem.message}`).join("\n") +
        "\nCorrija os metadados (no JupyterLab: barra lateral, Property Inspector) e rode a checagem de novo.",
    );
  }
}

/** Problems with the notebook's nbgrader metadata; an empty list when it is valid. */
export function metadataProblems(notebook: Notebook): MetadataProblem[] {
  const problems: MetadataProblem[] = [];
  const seen = new Map<string, number>();
  let gradedPoints = 0;
  notebook.cells.forEach((cell, index) => {
    const raw = cell.metadata?.["nbgrader"];
    const where = describeCell(cell, index);
    if (raw === undefined) {
      for (const message of markerProblems(cell)) problems.push({ cellIndex: index, message: `${where}: ${message}` });
      return;
    }
    const problem = (message: string) => problems.push({ cellIndex: index, message: `${where}: ${message}` });
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      problem(`metadata.nbgrader deve ser um objeto; veio ${JSON.stringify(raw)}.`);
      return;
    }
    const meta = raw as Record<string, unknown>;
    if (meta["schema_version"] !== nbgraderSchemaVersion) {
      problem(`schema_version deve ser ${nbgraderSchemaVersion}; veio ${JSON.stringify(meta["schema_version"])}.`);
    }
    for (const key of Object.keys(meta)) {
      if (!allowedKeys.has(key)) problem(`campo desconhecido "${key}" (o esquema 3 aceita ${[...allowedKeys].join(", ")}).`);
    }
    for (const key of ["grade", "solution", "locked"]) {
      if (typeof meta[key] !== "boolean") problem(`"${key}" deve ser true ou false; veio ${JSON.stringify(meta[key])}.`);
    }
    if (meta["task"] !== undefined && typeof meta["task"] !== "boolean") {
      problem(`"task" deve ser true ou false; veio ${JSON.stringify(meta["task"])}.`);
    }
    const grade = meta["grade"] === true;
    const solution = meta["solution"] === true;
    const task = meta["task"] === true;
    const id = meta["grade_id"];
    if (typeof id !== "string" || id === "") {
      problem(`falta "grade_id" (um nome único feito de letras, números, _ e -).`);
    } else if (!gradeIdPattern.test(id)) {
      problem(`grade_id "${id}" inválido: use só letras, números, _ e - (sem espaços nem acentos).`);
    } else if (seen.has(id)) {
      problem(`grade_id "${id}" repetido (já usado na célula ${(seen.get(id) ?? 0) + 1}); cada célula precisa do seu.`);
    } else {
      seen.set(id, index);
    }
    if (grade || task) {
      const points = meta["points"];
      if (typeof points !== "number" || !Number.isFinite(points)) {
        problem(`uma célula ${task ? "de tarefa" : "avaliada"} precisa de "points" (número ≥ 0); veio ${JSON.stringify(points)}.`);
      } else if (points < 0) {
        problem(`"points" não pode ser negativo; veio ${points}.`);
      } else {
        gradedPoints += points;
      }
    } else if (meta["points"] !== undefined) {
      problem(`"points" só vale em células avaliadas (grade: true); esta tem grade: false.`);
    }
    if (task && (grade || solution)) problem(`uma célula de tarefa (task) não pode ser também grade nem solution.`);
    if (task && cell.cell_type !== "markdown") problem(`células de tarefa (task) devem ser markdown.`);
    if (cell.cell_type === "markdown" && grade && !solution) {
      problem(`uma célula markdown avaliada precisa ser também de solução (solution: true).`);
    }
    if (cell.cell_type === "raw" && (grade || solution)) problem(`células raw não podem ser avaliadas nem de solução.`);
    if (grade && solution) {
      problem(`células de resposta com correção manual (grade e solution) não são corrigidas por este corretor automático; separe a resposta (solution) dos testes (grade).`);
    }
    if (task) problem(`células de tarefa (task) têm correção manual, que este corretor automático não faz.`);
    if (typeof meta["grade"] === "boolean" && typeof meta["solution"] === "boolean") {
      for (const message of markerProblems(cell)) problem(message);
    }
    if (typeof meta["cell_type"] === "string" && meta["cell_type"] !== cell.cell_type) {
      problem(`o tipo da célula mudou (metadados dizem "${String(meta["cell_type"])}", a célula é "${cell.cell_type}").`);
    }
  });
  if (problems.length === 0 && gradedPoints === 0) {
    problems.push({ cellIndex: null, message: "nenhuma célula avaliada (grade: true com points > 0): não há o que corrigir." });
  }
  return problems;
}

export function assertValidMetadata(notebook: Notebook, file: string): void {
  const problems = metadataProblems(notebook);
  if (problems.length > 0) throw new AssignmentMetadataError(file, problems);
}
