/**
 * The report as a small Markdown table (pt-BR numbers): one row per workload, each
 * peer's median samples/s with its min–max, the ratio of tfjs-node to each peer, and the
 * peers' peak RSS; then the notebook-level figures and what was left out, and why.
 */
import type { BenchReport, PeerFigure, WorkloadRow } from "./report";
import { PEER_IDS, PEER_LABELS, type PeerId } from "./peer-result";
import type { Summary } from "./statistics";
import type { WorkloadPlan } from "./workloads";

const decimals = (digits: number) => new Intl.NumberFormat("pt-BR", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Three significant figures or so: 14.700 · 127 · 12,7 · 1,27 · 0,127. */
export function formatRate(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return decimals(0).format(value);
  if (magnitude >= 10) return decimals(1).format(value);
  if (magnitude >= 1) return decimals(2).format(value);
  return decimals(3).format(value);
}

/** "0,41×" (tfjs-node at 41 % of the peer's speed), "2,3×", or "—". */
export function formatRatio(value: number | null | undefined): string {
  if (value == null) return "—";
  return `${value >= 10 ? decimals(1).format(value) : decimals(2).format(value)}×`;
}

export function formatSeconds(value: number): string {
  return `${value >= 10 ? decimals(1).format(value) : decimals(2).format(value)} s`;
}

function formatSummary(summary: Summary): string {
  return summary.count > 1
    ? `${formatRate(summary.median)} (${formatRate(summary.min)}–${formatRate(summary.max)})`
    : formatRate(summary.median);
}

function cell(figure: PeerFigure | undefined): string {
  if (!figure) return "—";
  return figure.status === "ok" ? formatSummary(figure.summary) : figure.status === "failed" ? "falhou" : "pulado";
}

function medianOf(row: WorkloadRow, peer: PeerId): number | null {
  const figure = row.peers[peer];
  return figure?.status === "ok" ? figure.summary.median : null;
}

/**
 * The course's speed-ups, before and after, from the same run: tfjs-node as published and
 * with the library's speed-ups, each against Keras, and the gain. Empty without both tfjs-node rows.
 */
export function beforeAfterTable(report: BenchReport): string[] {
  const rows = report.workloads.filter((row) => medianOf(row, "tfjs-node") !== null && medianOf(row, "tfjs-node-publicado") !== null);
  if (rows.length === 0) return [];
  const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : null);
  const lines = [
    "## Antes e depois das acelerações do curso",
    "",
    "Antes: tfjs-node como publicado (`REDES_NEURAIS_SEM_ACELERACAO=1`); depois: com as acelerações da biblioteca (o que os alunos usam).",
    "",
    "| Carga | antes/Keras | depois/Keras | ganho (depois/antes) |",
    "|---|---:|---:|---:|",
  ];
  for (const row of rows) {
    const after = medianOf(row, "tfjs-node");
    const before = medianOf(row, "tfjs-node-publicado");
    const keras = medianOf(row, "keras");
    lines.push(`| ${row.label} | ${formatRatio(ratio(before, keras))} | ${formatRatio(ratio(after, keras))} | ${formatRatio(ratio(after, before))} |`);
  }
  return [...lines, ""];
}

function peersIn(report: BenchReport): PeerId[] {
  return PEER_IDS.filter((peer) => report.peers.some((result) => result.peer === peer));
}

function throughputTable(report: BenchReport): string[] {
  const peers = peersIn(report);
  const others = peers.filter((peer) => peer !== "tfjs-node");
  const header = [
    "Carga",
    "Unidade",
    ...peers.map((peer) => PEER_LABELS[peer]),
    ...(peers.includes("tfjs-node") ? others.map((peer) => `tfjs-node/${PEER_LABELS[peer]}`) : []),
  ];
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, i) => (i < 2 ? "---" : "---:")).join("|")}|`];
  const rows = (row: WorkloadRow) => [
    row.label,
    row.unit,
    ...peers.map((peer) => cell(row.peers[peer])),
    ...(peers.includes("tfjs-node") ? others.map((peer) => formatRatio(row.ratios[peer])) : []),
  ];
  for (const row of report.workloads) lines.push(`| ${rows(row).join(" | ")} |`);
  const rss = peers.map((peer) => {
    const result = report.peers.find((candidate) => candidate.peer === peer);
    return result?.status === "ok" ? `${decimals(0).format(result.peakRssBytes / 2 ** 20)} MiB` : "—";
  });
  lines.push(`| RSS de pico do processo | MiB | ${rss.join(" | ")} |${peers.includes("tfjs-node") ? others.map(() => " |").join("") : ""}`);
  return lines;
}

/** "2048 amostras", "4000 amostras × 50 passos", "lote 1 × 1 chamada". */
function sizeOf(plan: WorkloadPlan): string {
  if (plan.steps) return `${plan.samples} amostras × ${plan.steps} passos`;
  if (plan.calls) return `lote ${plan.batchSize} × ${plan.calls} chamada${plan.calls > 1 ? "s" : ""}`;
  return `${plan.samples} amostras`;
}

function notes(report: BenchReport): string[] {
  const lines: string[] = [];
  for (const result of report.peers) {
    const label = PEER_LABELS[result.peer];
    if (result.status !== "ok") {
      lines.push(`- **${label}**: ${result.status === "skipped" ? "pulado" : "falhou"} — ${result.reason.split("\n")[0]}`);
      continue;
    }
    const threads = Object.entries(result.threads).map(([key, value]) => `${key} ${value}`).join(", ");
    const versions = Object.entries(result.versions).map(([key, value]) => `${key} ${value}`).join(", ");
    lines.push(`- **${label}**: ${versions}; threads: ${threads}.`);
    for (const workload of result.workloads) {
      if ("skipped" in workload) lines.push(`  - ${workload.id}: pulado — ${workload.skipped}`);
    }
  }
  const cpuPlan = report.plans["tfjs-cpu"];
  if (cpuPlan && report.peers.some((result) => result.peer === "tfjs-cpu" && result.status === "ok")) {
    const sizes = cpuPlan
      .map((plan) => ("skip" in plan ? null : `${plan.id}: ${sizeOf(plan)}, ${plan.repetitions} rep.`))
      .filter(Boolean)
      .join("; ");
    lines.push(`- tfjs cpu é lento: tamanhos menores (${sizes}); amostras/s continuam comparáveis.`);
  }
  return lines;
}

function notebookLines(report: BenchReport): string[] {
  const lines = ["| Medida | Valor |", "|---|---:|"];
  const nb = report.notebooks;
  if (nb.status === "ok") {
    lines.push(`| Início do kernel tslab (mediana de ${nb.notebooks.length}) | ${formatSeconds(nb.kernelStart.median)} |`);
    lines.push(`| Latência mediana das células, ${nb.mode} | ${formatSeconds(nb.cellLatency.median)} |`);
    for (const timing of nb.notebooks) {
      lines.push(
        `| — ${timing.notebook}: ${timing.cellSeconds.length} células, mediana (mín–máx) | ` +
          `${formatSeconds(timing.cellLatency.median)} (${formatSeconds(timing.cellLatency.min)}–${formatSeconds(timing.cellLatency.max)}) |`,
      );
    }
  } else {
    lines.push(`| Início do kernel e latência das células | ${nb.status === "skipped" ? "pulado" : "falhou"}: ${nb.reason.split("\n")[0]} |`);
  }
  const handouts = report.handouts;
  if (handouts.status === "ok") {
    lines.push(`| Todas as apostilas (\`npm run handouts\`, modo completo) | ${formatSeconds(handouts.totalSeconds)} |`);
    for (const notebook of handouts.notebooks) lines.push(`| — ${notebook.notebook} | ${formatSeconds(notebook.seconds)} |`);
  } else {
    lines.push(`| Todas as apostilas | ${handouts.status === "skipped" ? "pulado" : "falhou"}: ${handouts.reason.split("\n")[0]} |`);
  }
  return lines;
}

export function renderMarkdown(report: BenchReport): string {
  const env = report.environment;
  const load = (values: number[] | undefined) => (values ? values.map((value) => decimals(2).format(value)).join(" / ") : "—");
  return [
    `# Benchmark — ${env.date}`,
    "",
    `${env.cpuModel}, ${env.cores} núcleos; carga média (1/5/15 min) no início ${load(env.loadAverageAtStart)}, no fim ${load(env.loadAverageAtEnd)}; ` +
      `commit ${env.gitCommit?.slice(0, 10) ?? "?"}${env.gitDirty ? " (com alterações)" : ""}; ` +
      `${report.options.quick ? "modo --rapido (não é uma medida)" : `${report.options.repetitions} repetições depois do aquecimento`}.`,
    "",
    "Mediana (mín–máx) das repetições. A razão tfjs-node/par é a mediana do tfjs-node dividida pela do par: " +
      "acima de 1×, o tfjs-node é mais rápido; 0,41× quer dizer 41 % da velocidade do par.",
    "",
    ...throughputTable(report),
    "",
    ...notes(report),
    "",
    ...beforeAfterTable(report),
    "## Notebooks",
    "",
    ...notebookLines(report),
    "",
  ].join("\n");
}
