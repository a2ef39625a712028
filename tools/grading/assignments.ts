/**
 * Where assignments live (nbgrader's layout): `assignments/source/<nome>/<nome>.ipynb`
 * (the instructor's, with solutions and hidden tests) and `assignments/release/<nome>/`
 * (what students get).
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../project.mjs";

const assignmentsRoot = path.join(projectRoot, "assignments");
const sourceRoot = path.join(assignmentsRoot, "source");
const releaseRoot = path.join(assignmentsRoot, "release");

class AssignmentNotFoundError extends Error {
  override name = "AssignmentNotFoundError";
}

export function sourceNotebookOf(name: string, root = sourceRoot): string {
  return path.join(root, name, `${name}.ipynb`);
}

export function releaseNotebookOf(name: string, root = releaseRoot): string {
  return path.join(root, name, `${name}.ipynb`);
}

/** The assignments under assignments/source, by name. */
function listAssignments(root = sourceRoot): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(sourceNotebookOf(entry.name, root)))
    .map((entry) => entry.name)
    .sort();
}

/** The names asked for, or all of them; an unknown name is an error naming the known ones. */
export function selectAssignments(names: readonly string[], root = sourceRoot): string[] {
  const known = listAssignments(root);
  if (names.length === 0) return known;
  for (const name of names) {
    if (!known.includes(name)) {
      throw new AssignmentNotFoundError(
        `Não há a tarefa "${name}": esperava ${sourceNotebookOf(name, root)}. Tarefas existentes: ${known.join(", ") || "nenhuma"}.`,
      );
    }
  }
  return [...names];
}
