/**
 * `npm run handouts [-- NOME...] [--fast] [--cell-timeout S]`: executes the course
 * notebooks (all, in course order, or the ones named), each in a fresh kernel on the
 * native TensorFlow backend, and writes offline-readable HTML handouts to
 * dist/handouts/, assembled into the course site (tools/site/build-site.ts: navigation,
 * search, downloads, launch links, the whole-course PDF). Exits with 1 if any notebook failed, naming the
 * cell, its code and the kernel's error.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { paths, projectRoot } from "../project.mjs";
import { isNotebookExecutionError } from "../jupyter/execute-notebook";
import { listCourseNotebooks, selectNotebooks } from "../notebooks/course-notebooks";
import { buildHandout, type HandoutOptions } from "./build-handout";
import { buildCourseSite, siteFolders } from "../site/build-site";
import { type LaunchLink, launchLinkFrom, LaunchUrlError } from "../site/launch-link";
import { runMain } from "../common/run-main";

const usage = `Uso: npm run handouts [-- NOME... ] [--fast] [--output PASTA] [--cell-timeout SEGUNDOS] [--sem-pdf]
  NOME             notebooks a gerar (01, 01_perceptron ou 01_perceptron.ipynb); sem nome, todos
  --fast           modo rápido dos notebooks (REDES_NEURAIS_FAST=1): menos épocas e dados
  --output         pasta das apostilas (padrão dist/handouts)
  --cell-timeout   segundos que uma célula pode levar (padrão 600)
  --sem-pdf        não imprime o curso inteiro em PDF (curso.pdf, pelo Chromium)
O link "Abrir no Binder/JupyterHub" de cada capítulo vem de REDES_NEURAIS_LAUNCH_URL
(uma URL com {notebook}) ou, sem ela, do campo "repository" do package.json (GitHub → Binder).`;

const seconds = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const megabytes = new Intl.NumberFormat("pt-BR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function relative(file: string): string {
  return path.relative(projectRoot, file);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      fast: { type: "boolean", default: false },
      output: { type: "string" },
      "cell-timeout": { type: "string" },
      "sem-pdf": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const cellTimeout = values["cell-timeout"] === undefined ? undefined : Number(values["cell-timeout"]);
  if (cellTimeout !== undefined && !(cellTimeout > 0)) {
    console.error(`--cell-timeout espera um número de segundos maior que zero; veio "${values["cell-timeout"]}".\n${usage}`);
    return 2;
  }

  // Checked before hours of notebooks: a bad REDES_NEURAIS_LAUNCH_URL stops here.
  let launch: LaunchLink | null;
  try {
    launch = launchLinkFrom(process.env, await packageRepository());
  } catch (error) {
    if (!(error instanceof LaunchUrlError)) throw error;
    console.error(error.message);
    return 2;
  }

  const all = await listCourseNotebooks();
  const chosen = selectNotebooks(all, positionals);
  if (chosen.length === 0) {
    console.error("Nenhum notebook do curso (notebooks/NN_nome.ipynb) encontrado.");
    return 1;
  }
  const env: NodeJS.ProcessEnv = {
    REDES_NEURAIS_BACKEND: process.env.REDES_NEURAIS_BACKEND ?? "tensorflow",
  };
  if (values.fast) env.REDES_NEURAIS_FAST = "1";
  const outputFolder = values.output === undefined ? paths.handouts : path.resolve(values.output);
  const options: HandoutOptions = { outputFolder, env, executedNotebookFolder: path.join(outputFolder, siteFolders.executed) };
  if (cellTimeout !== undefined) options.cellTimeoutSeconds = cellTimeout;

  console.log(
    `Apostilas: ${chosen.length} notebook(s) → ${relative(outputFolder)}/ ` +
      `(backend ${env.REDES_NEURAIS_BACKEND}${values.fast ? ", modo rápido" : ""})`,
  );
  const started = performance.now();
  const failures: string[] = [];
  for (const notebook of chosen) {
    try {
      const result = await buildHandout(notebook, options);
      console.log(
        `✓ ${notebook.name}: ${seconds.format(result.totalSeconds)} s ` +
          `(kernel ${seconds.format(result.kernelStartSeconds)} s, execução ${seconds.format(result.executionSeconds)} s), ` +
          `${megabytes.format(result.bytes / 1e6)} MB, ${result.formulaCount} fórmula(s), ${result.figureCount} figura(s) → ${relative(result.file)}`,
      );
      for (const texError of result.texErrors) {
        console.warn(`  aviso: ${notebook.displayPath} tem TeX que o MathJax não entende (aparece em vermelho): ${texError}`);
      }
    } catch (error) {
      const message = isNotebookExecutionError(error) || error instanceof Error ? error.message : String(error);
      console.error(`✗ ${notebook.name}: falhou\n${message}\n`);
      failures.push(notebook.displayPath);
    }
  }

  const site = await buildCourseSite(all, outputFolder, { launch, pdf: !values["sem-pdf"] });
  console.log(
    `Site: ${relative(site.index)} (${site.chapters.length} capítulo(s), ${site.searchDocuments} seção(ões) na busca` +
      `${site.chapters[0]?.launchUrl ? `, links para ${site.chapters[0].launchLabel}` : ", sem link para abrir (veja REDES_NEURAIS_LAUNCH_URL)"})`,
  );
  if (site.pdf) {
    console.log(
      `PDF: ${relative(site.pdf.file)}: ${site.pdf.pages} página(s), ${megabytes.format(site.pdf.bytes / 1e6)} MB, ` +
        `${site.pdf.figuresDrawn} de ${site.pdf.figures} figura(s) desenhada(s)`,
    );
    if (site.pdf.figuresDrawn < site.pdf.figures) console.warn(`  aviso: ${site.pdf.figures - site.pdf.figuresDrawn} figura(s) não desenhada(s) a tempo no PDF.`);
    for (const url of site.pdf.refusedRequests) console.warn(`  aviso: a página de impressão pediu algo da rede (recusado): ${url}`);
  } else {
    console.log(`PDF: não gerado (${site.pdfMissingReason ?? "nenhum capítulo"}).`);
  }
  console.log(`Tempo total: ${seconds.format((performance.now() - started) / 1000)} s`);

  if (failures.length > 0) {
    console.error(
      `\n${failures.length} notebook(s) falharam: ${failures.join(", ")}. ` +
        "As apostilas deles não foram (re)geradas; corrija a célula indicada acima e rode de novo.",
    );
    return 1;
  }
  return 0;
}

/** The "repository" field of package.json (for the Binder link), if any. */
async function packageRepository(): Promise<string | { url?: string } | undefined> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, "package.json"), "utf8")) as { repository?: string | { url?: string } };
  return manifest.repository;
}

runMain(main);
