/**
 * Exports an executed notebook to HTML with the course's nbconvert template
 * (tools/jupyter/templates/redes-neurais), through `export_html.py` and the venv's
 * Python. The result still has TeX in its markdown cells: see handouts/render-math.ts.
 */
import path from "node:path";
import { jupyterEnv, paths, projectRoot } from "../project.mjs";
import { runProcess } from "@redes-neurais/lib/ferramentas";

const exportScript = path.join(projectRoot, "tools", "jupyter", "export_html.py");

export interface ExportOptions {
  notebook: string;
  output: string;
  /** The page's <title>. */
  title?: string;
  /** Where images referenced by markdown cells are read from (the original notebook's folder). */
  baseDir?: string;
}

/** nbconvert could not export the notebook. */
class HtmlExportError extends Error {
  override name = "HtmlExportError";
}

export async function exportHtml(options: ExportOptions): Promise<void> {
  const args = [exportScript, options.notebook, options.output];
  if (options.title) args.push("--title", options.title);
  if (options.baseDir) args.push("--base-dir", options.baseDir);
  const result = await runProcess(paths.venvPython, args, { env: jupyterEnv() });
  if (result.exitCode !== 0) {
    throw new HtmlExportError(
      `O nbconvert não exportou ${options.notebook} para HTML (código ${result.exitCode ?? result.signal}).\n` +
        `${result.stderr.trim()}\nConfira o venv do projeto (\`npm run setup\`).`,
    );
  }
}
