/**
 * Where `assignments:validate` runs a student's notebook. The tslab kernel resolves
 * `@redes-neurais/lib` and the types of `node:assert` from the `node_modules` of the
 * folders above the notebook: outside the project (e.g. ~/Downloads) every import fails
 * and every test reports "Cannot find name 'assert'". A notebook outside the project is
 * therefore copied into a fresh folder inside it (`.validar-*`, listed in .gitignore),
 * run there, and the copy removed; the student's file is never written.
 */
import { existsSync, realpathSync, statSync } from "node:fs";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "../project.mjs";

class NotebookToValidateError extends Error {
  override name = "NotebookToValidateError";
}

export interface ValidationFolder {
  /** The notebook to run (the original, or the copy inside the project). */
  notebook: string;
  /** The kernel's working folder. */
  cwd: string;
  /** Set when a copy runs: one line for the student saying so. */
  notice: string;
  remove: () => Promise<void>;
}

function isInsideProject(file: string): boolean {
  const relative = path.relative(realpathSync(projectRoot), realpathSync(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

/** @throws {NotebookToValidateError} when the path is not an existing .ipynb file. */
export async function validationFolder(file: string): Promise<ValidationFolder> {
  if (!existsSync(file)) {
    throw new NotebookToValidateError(`Não encontrei o notebook ${file}. Confira o caminho (no terminal, arraste o arquivo para cá ou use o caminho completo, entre aspas se tiver espaços).`);
  }
  if (!statSync(file).isFile() || !file.endsWith(".ipynb")) {
    throw new NotebookToValidateError(`${file} não é um arquivo .ipynb. Passe o notebook da tarefa, por exemplo: npm run assignments:validate -- ~/Downloads/01_regressao_logistica.ipynb`);
  }
  if (isInsideProject(file)) return { notebook: file, cwd: path.dirname(file), notice: "", remove: async () => {} };
  const folder = await mkdtemp(path.join(projectRoot, ".validar-"));
  const copy = path.join(folder, path.basename(file));
  await copyFile(file, copy);
  return {
    notebook: copy,
    cwd: folder,
    notice: `ℹ ${file} está fora do projeto, onde o kernel não encontra @redes-neurais/lib: validei uma cópia dentro do projeto (o seu arquivo não foi alterado). Para trabalhar no JupyterLab do curso, guarde a tarefa em notebooks/tarefas/.`,
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}
