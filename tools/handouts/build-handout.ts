/**
 * One handout: executes a course notebook in a fresh kernel, exports it with the
 * course's template, draws its math as SVG, puts plotly.js once in the page's head when
 * it shows figures, and writes `<handouts>/<name>.html` atomically (a notebook that
 * fails leaves the previous handout, if any, untouched).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { exportHtml } from "../jupyter/export-html";
import { executeNotebook } from "../jupyter/execute-notebook";
import { type CourseNotebook, readTitle } from "../notebooks/course-notebooks";
import { includePlotlyInHead } from "./plotly-in-head";
import { renderMath } from "./render-math";

export interface HandoutOptions {
  /** Folder of the handouts (dist/handouts). */
  outputFolder: string;
  /** Variables for the kernel (on top of the project's Jupyter environment). */
  env?: NodeJS.ProcessEnv;
  cellTimeoutSeconds?: number;
  /** Pass the kernel's stderr (native crashes, TensorFlow logs) through to ours. */
  echoKernelStderr?: boolean;
  /** Also keep the executed notebook (with its outputs) as `<folder>/<name>.ipynb`. */
  executedNotebookFolder?: string;
}

export interface HandoutResult {
  file: string;
  title: string;
  kernelStartSeconds: number;
  executionSeconds: number;
  totalSeconds: number;
  bytes: number;
  formulaCount: number;
  /** How many course figures the page shows (plotly.js is in its head when there is one). */
  figureCount: number;
  /** TeX that MathJax could not read (shown in red in the handout). */
  texErrors: string[];
}

export const courseName = "Redes neurais";

export async function buildHandout(notebook: CourseNotebook, options: HandoutOptions): Promise<HandoutResult> {
  const started = performance.now();
  const title = (await readTitle(notebook.file)) ?? notebook.name;
  const work = await mkdtemp(path.join(tmpdir(), `redes-neurais-${notebook.name}-`));
  try {
    const executed = path.join(work, `${notebook.name}.ipynb`);
    const exported = path.join(work, `${notebook.name}.html`);
    const executeOptions: Parameters<typeof executeNotebook>[0] = { input: notebook.file, output: executed };
    if (options.env) executeOptions.env = options.env;
    if (options.cellTimeoutSeconds !== undefined) executeOptions.cellTimeoutSeconds = options.cellTimeoutSeconds;
    if (options.echoKernelStderr !== undefined) executeOptions.echoKernelStderr = options.echoKernelStderr;
    const report = await executeNotebook(executeOptions, notebook.displayPath);
    await exportHtml({
      notebook: executed,
      output: exported,
      title: `${title} · ${courseName}`,
      baseDir: path.dirname(notebook.file),
    });
    const math = renderMath(await readFile(exported, "utf8"));
    const page = includePlotlyInHead(math.html);
    const file = path.join(options.outputFolder, `${notebook.name}.html`);
    await writeFileAtomically(file, page.html);
    if (options.executedNotebookFolder !== undefined) {
      await writeFileAtomically(path.join(options.executedNotebookFolder, `${notebook.name}.ipynb`), await readFile(executed));
    }
    return {
      file,
      title,
      kernelStartSeconds: report.kernelStartSeconds ?? 0,
      executionSeconds: report.seconds ?? 0,
      totalSeconds: (performance.now() - started) / 1000,
      bytes: Buffer.byteLength(page.html),
      formulaCount: math.formulaCount,
      figureCount: page.figureCount,
      texErrors: math.texErrors,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
