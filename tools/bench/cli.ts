/**
 * `npm run bench [-- opções]`: the course's workloads (MLP, convnet, logistic regression,
 * VGG16 feature extraction) on tfjs-node, tfjs `cpu`, Keras and PyTorch, each peer in its
 * own process, one after another; then the notebook-level figures (kernel start, cell
 * latency, all handouts). Writes artifacts/bench/bench-<data>.json and .md and prints the
 * Markdown. Options: see BENCH_USAGE (args.ts). PyTorch is not in the course's venv: the
 * first run that compares against it installs requirements-bench.txt there
 * (tools/setup/bench-requirements.mjs). Exit code 0 also when a peer is missing (reported as
 * skipped); 1 when a peer or a notebook measurement failed; 2 for bad arguments.
 */
import os from "node:os";
import path from "node:path";
import { runMain } from "../common/run-main";
import { projectRoot } from "../project.mjs";
import { ensureBenchRequirements } from "../setup/bench-requirements.mjs";
import { SetupError } from "../setup/run.mjs";
import { BENCH_USAGE, parseBenchArgs, type BenchOptions } from "./args";
import { isBenchArgumentError } from "./bench-errors";
import { compareReports, readReport, renderComparison } from "./compare";
import { describeEnvironment } from "./environment";
import { formatRate, formatSeconds, renderMarkdown } from "./markdown";
import { measureHandouts, measureNotebooks, type HandoutTiming, type NotebookFigures, type SkippedFigure } from "./notebook-figures";
import { isMeasured, PEER_LABELS, type PeerId, type PeerResult } from "./peer-result";
import { reportBaseName, workloadRows, writeReport, type BenchReport } from "./report";
import { runPeer, type PeerProcessOptions } from "./run-peer";
import { summarize } from "./statistics";
import { cpuBackendPlan, standardPlan, type PeerWorkload } from "./workloads";

export interface BenchRunOptions extends PeerProcessOptions {
  /** Progress lines (default: console.log). */
  say?: (line: string) => void;
}

function describePeer(result: PeerResult): string {
  const label = PEER_LABELS[result.peer];
  if (result.status !== "ok") return `${result.status === "skipped" ? "–" : "✗"} ${label}: ${result.status === "skipped" ? "pulado" : "falhou"} — ${result.reason}`;
  const figures = result.workloads
    .map((workload) => (isMeasured(workload) ? `${workload.id} ${formatRate(summarize(workload.samplesPerSecond).median)}/s` : `${workload.id} pulado`))
    .join(", ");
  return `✓ ${label} em ${formatSeconds(result.wallSeconds ?? 0)}: ${figures}`;
}

/** Runs the whole suite and writes the report; returns it with the files and the exit code. */
export async function runBench(options: BenchOptions, run: BenchRunOptions = {}): Promise<{ report: BenchReport; files: { json: string; markdown: string }; markdown: string; exitCode: number }> {
  const say = run.say ?? ((line: string) => console.log(line));
  const before = options.compareWith ? await readReport(path.resolve(options.compareWith)) : undefined;
  const started = performance.now();
  const environment = describeEnvironment();
  say(`Benchmark: ${options.peers.map((peer) => PEER_LABELS[peer]).join(", ")}; ${options.quick ? "modo --rapido" : `${options.repetitions} repetições`}; carga média ${environment.loadAverageAtStart.join(" / ")} em ${environment.cores} núcleos`);

  const plans: Partial<Record<PeerId, PeerWorkload[]>> = {};
  const peers: PeerResult[] = [];
  for (const peer of options.peers) {
    const plan = peer === "tfjs-cpu" ? cpuBackendPlan(options) : standardPlan(options);
    plans[peer] = plan;
    say(`▸ ${PEER_LABELS[peer]}…`);
    const result = await runPeer(peer, plan, run);
    peers.push(result);
    say(`  ${describePeer(result)}`);
  }

  let notebooks: NotebookFigures | SkippedFigure = { status: "skipped", reason: "--sem-notebooks" };
  if (options.notebooks) {
    say("▸ início do kernel e latência das células (notebooks 01 e 05, modo rápido)…");
    notebooks = await measureNotebooks();
    say(notebooks.status === "ok" ? `  ✓ kernel ${formatSeconds(notebooks.kernelStart.median)}, célula mediana ${formatSeconds(notebooks.cellLatency.median)}` : `  ✗ ${notebooks.reason}`);
  }
  let handouts: HandoutTiming | SkippedFigure = { status: "skipped", reason: options.quick ? "modo --rapido" : "--sem-apostilas" };
  if (options.handouts) {
    say("▸ todas as apostilas (npm run handouts, modo completo, ~10 min)…");
    handouts = await measureHandouts();
    say(handouts.status === "ok" ? `  ✓ ${formatSeconds(handouts.totalSeconds)}` : `  ✗ ${handouts.reason}`);
  }

  environment.loadAverageAtEnd = os.loadavg().map((load) => Math.round(load * 100) / 100);
  const report: BenchReport = {
    kind: "redes-neurais-bench",
    version: 1,
    options: { repetitions: options.repetitions, quick: options.quick, peers: options.peers },
    environment,
    plans,
    peers,
    workloads: workloadRows(peers),
    notebooks,
    handouts,
    totalSeconds: (performance.now() - started) / 1000,
  };
  let markdown = renderMarkdown(report);
  if (before && options.compareWith) markdown += "\n" + renderComparison(compareReports(before, report), options.compareWith);
  const outputDir = path.resolve(options.outputDir ?? path.join(projectRoot, "artifacts", "bench"));
  const files = await writeReport(reportBaseName(outputDir, new Date(environment.date)), report, markdown);
  const failed = peers.some((result) => result.status === "failed") || notebooks.status === "failed" || handouts.status === "failed";
  return { report, files, markdown, exitCode: failed ? 1 : 0 };
}

/** PyTorch into the venv on first use; if pip cannot, the bench still runs and reports PyTorch as skipped. */
function installBenchRequirements(): void {
  try {
    ensureBenchRequirements((line) => console.log(line));
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    console.error(`⚠ ${error.message}\n  O benchmark segue sem o PyTorch (aparece como pulado no relatório); depois de corrigir, \`npm run bench\` tenta instalar requirements-bench.txt de novo.`);
  }
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    if (!isBenchArgumentError(error)) throw error;
    console.error(error.message);
    return 2;
  }
  if (options.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  if (options.peers.includes("pytorch")) installBenchRequirements();
  const { files, markdown, exitCode } = await runBench(options);
  console.log(`\n${markdown}`);
  console.log(`Relatório: ${path.relative(process.cwd(), files.json)} e ${path.relative(process.cwd(), files.markdown)}`);
  return exitCode;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(projectRoot, "tools", "bench", "cli.ts")) runMain(main);
