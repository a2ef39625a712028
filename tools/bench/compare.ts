/**
 * `--comparar ANTES.json`: the speed-up (or slow-down) of each peer on each workload
 * between an earlier report and this one — the median now over the median then.
 */
import { readFile } from "node:fs/promises";
import { BenchReportError } from "./bench-errors";
import { formatRate, formatRatio } from "./markdown";
import { PEER_IDS, PEER_LABELS, type PeerId } from "./peer-result";
import type { BenchReport } from "./report";
import { ratio } from "./statistics";

export interface ComparisonRow {
  workload: string;
  peer: PeerId;
  before: number;
  after: number;
  /** after / before: 1,5× = 50 % faster now. */
  speedUp: number | null;
}

/**
 * Reads a report written by `npm run bench`.
 *
 * @throws {BenchReportError} When the file is missing, not JSON or not a bench report.
 */
export async function readReport(file: string): Promise<BenchReport> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BenchReportError(
      `--comparar: não consegui ler ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        "Passe o .json de um relatório anterior, por exemplo artifacts/bench/bench-….json.",
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BenchReportError(`--comparar: ${file} não é JSON válido. Esperava o .json gravado por \`npm run bench\`.`);
  }
  const report = data as Partial<BenchReport> | null;
  if (!report || report.kind !== "redes-neurais-bench" || !Array.isArray(report.workloads)) {
    throw new BenchReportError(
      `--comparar: ${file} não é um relatório de \`npm run bench\` (falta "kind": "redes-neurais-bench"). ` +
        "Esperava o .json gravado em artifacts/bench/.",
    );
  }
  return report as BenchReport;
}

export function compareReports(before: BenchReport, after: BenchReport): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  for (const now of after.workloads) {
    const then = before.workloads.find((row) => row.id === now.id);
    if (!then) continue;
    for (const peer of PEER_IDS) {
      const a = now.peers[peer];
      const b = then.peers[peer];
      if (a?.status !== "ok" || b?.status !== "ok") continue;
      rows.push({ workload: now.label, peer, before: b.summary.median, after: a.summary.median, speedUp: ratio(a.summary.median, b.summary.median) });
    }
  }
  return rows;
}

export function renderComparison(rows: readonly ComparisonRow[], beforeFile: string): string {
  const lines = [
    `## Comparação com ${beforeFile}`,
    "",
    "Agora/antes: mediana de agora dividida pela de antes (1,50× = 50 % mais rápido agora).",
    "",
    "| Carga | Par | Antes | Agora | Agora/antes |",
    "|---|---|---:|---:|---:|",
  ];
  for (const row of rows) {
    lines.push(`| ${row.workload} | ${PEER_LABELS[row.peer]} | ${formatRate(row.before)} | ${formatRate(row.after)} | ${formatRatio(row.speedUp)} |`);
  }
  if (rows.length === 0) lines.push("| (nenhuma carga medida nos dois relatórios) | | | | |");
  return lines.join("\n") + "\n";
}
