/**
 * `npm run doctor`: what a teacher needs to debug a student's machine — Node, the
 * Python venv, Jupyter and the course kernel, TensorFlow.js and TensorFlow versions,
 * the active backend. `--json` prints one JSON object (its `backend` field names the
 * active backend). Exits 1 when something essential is broken.
 */
import { projectRoot } from "./project.mjs";
import { probeBackend, probeChromium, probeKernel, probeNode, probeNpmPackages, probePython, type ProbeResult } from "./doctor/probes";

const essential = {
  node: probeNode(),
  npm: probeNpmPackages(),
  python: probePython(),
  kernel: probeKernel(),
  tensorflow: probeBackend(),
};
const optional = { chromium: probeChromium() };
const healthy = Object.values(essential).every((probe) => probe.ok);

if (process.argv.includes("--json")) {
  const report = {
    healthy,
    backend: essential.tensorflow.backend,
    native: essential.tensorflow.native,
    tfjsVersion: essential.tensorflow.tfjsVersion,
    tensorflowVersion: essential.tensorflow.tensorflowVersion,
    fallbackReason: essential.tensorflow.fallbackReason,
    requestedBackend: essential.tensorflow.requested,
    node: essential.node.version,
    warnings: Object.values({ ...essential, ...optional }).flatMap((probe) => probe.warnings ?? []),
    npmPackages: essential.npm.versions,
    python: { version: essential.python.version, packages: essential.python.packages },
    jupyter: { kernelspecs: essential.kernel.kernelspecs, courseKernelOk: essential.kernel.ok, kernelNode: essential.kernel.kernelNode },
    chromium: optional.chromium.path,
    projectRoot,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const labels: Record<string, string> = {
    node: "Node.js",
    npm: "pacotes npm",
    python: "Python/venv",
    kernel: "Jupyter/kernel",
    tensorflow: "TensorFlow",
    chromium: "Chromium",
  };
  console.log(`Diagnóstico do curso Redes neurais (${projectRoot})\n`);
  const all: Record<string, ProbeResult> = { ...essential, ...optional };
  for (const [key, probe] of Object.entries(all)) {
    console.log(`${probe.ok ? "✓" : "✗"} ${labels[key]}: ${probe.summary}`);
    if (!probe.ok && probe.fix) console.log(`    → ${probe.fix}`);
    for (const warning of probe.warnings ?? []) console.log(`  ⚠ ${warning}`);
  }
  console.log(healthy ? "\nTudo certo: os notebooks rodam no backend nativo." : "\nHá problemas acima; siga as indicações (→).");
}
process.exitCode = healthy ? 0 : 1;
