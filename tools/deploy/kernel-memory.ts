/**
 * Peak memory of the course's kernel, notebook by notebook: what a JupyterHub must give each
 * student (deploy/jupyterhub/config.yaml, docs/professor.md). Each notebook runs in a fresh
 * `redes-neurais` kernel (tools/jupyter/execute-notebook.ts) in full mode and in fast mode;
 * while it runs, the kernel's processes (every process started with this run's marker in its
 * environment, minus the executor itself) are sampled in /proc and their peak resident set
 * (VmHWM) is kept. The table gives, per notebook and mode, the sum over the kernel's processes
 * of their peaks (an upper bound of the tree's peak) and the run time.
 *
 *   node --import tsx tools/deploy/kernel-memory.ts [--modos completo,rapido] [05 06 …]
 *
 * Linux only (/proc). Runs the notebooks for real: several minutes for the whole course.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { executeNotebook, isNotebookExecutionError } from "../jupyter/execute-notebook";
import { listCourseNotebooks, selectNotebooks } from "../notebooks/course-notebooks";
import { readNotebook } from "../notebooks/notebook-format";
import { needsVgg16Weights, writeRandomVgg16Weights } from "../notebooks/vgg16-test-weights";
import { findProcesses, VGG16_WEIGHTS_ENV_VAR } from "@redes-neurais/lib/ferramentas";

const markerVariable = "REDES_NEURAIS_MEDICAO_MEMORIA";
const modes = { completo: {}, rapido: { REDES_NEURAIS_FAST: "1" } } as const;
type Mode = keyof typeof modes;

/** VmHWM of one process in MiB, or undefined when it is gone or unreadable. */
function peakResidentMiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Samples the peaks of the processes that carry `marker` until stopped; the sum of their last peaks. */
function samplePeaks(marker: string, executorScript: string): { stop: () => number } {
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const found of findProcesses({ environment: { name: markerVariable, value: marker } })) {
      if (found.args.some((arg) => arg.endsWith(executorScript))) continue;
      const peak = peakResidentMiB(found.pid);
      if (peak !== undefined) peaks.set(found.pid, Math.max(peaks.get(found.pid) ?? 0, peak));
    }
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      return [...peaks.values()].reduce((sum, peak) => sum + peak, 0);
    },
  };
}

function parseArguments(argv: readonly string[]): { modes: Mode[]; notebooks: string[] } {
  const chosen: Mode[] = [];
  const notebooks: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--modos") {
      for (const name of (argv[++i] ?? "").split(",")) {
        if (!(name in modes)) {
          throw new Error(`Modo "${name}" desconhecido: esperava completo e/ou rapido (--modos completo,rapido).`);
        }
        chosen.push(name as Mode);
      }
    } else notebooks.push(argv[i]!);
  }
  return { modes: chosen.length > 0 ? chosen : ["completo", "rapido"], notebooks };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const notebooks = selectNotebooks(await listCourseNotebooks(), options.notebooks);
  const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-memoria-"));
  let vgg16Weights: Promise<string> | undefined;
  const rows: string[] = ["| notebook | modo | pico do kernel (MiB) | tempo (s) |", "| --- | --- | ---: | ---: |"];
  let failures = 0;
  try {
    for (const notebook of notebooks) {
      for (const mode of options.modes) {
        const marker = randomUUID();
        const env: Record<string, string> = { ...modes[mode], REDES_NEURAIS_BACKEND: "tensorflow", [markerVariable]: marker };
        if (needsVgg16Weights(JSON.stringify(await readNotebook(notebook.file)))) {
          // Random weights of the real shapes (no download here): the memory is the same.
          vgg16Weights ??= writeRandomVgg16Weights(work);
          env[VGG16_WEIGHTS_ENV_VAR] = await vgg16Weights;
        }
        const sampler = samplePeaks(marker, "execute_notebook.py");
        let seconds = "—";
        try {
          const report = await executeNotebook(
            { input: notebook.file, output: path.join(work, `${notebook.name}.ipynb`), cellTimeoutSeconds: 1800, env },
            notebook.displayPath,
          );
          seconds = report.seconds?.toFixed(0) ?? "—";
        } catch (error) {
          failures++;
          seconds = "falhou";
          console.error(isNotebookExecutionError(error) ? error.message : error);
        }
        const peak = sampler.stop();
        const row = `| ${notebook.name} | ${mode} | ${peak.toFixed(0)} | ${seconds} |`;
        rows.push(row);
        console.error(row);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  console.log(rows.join("\n"));
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
