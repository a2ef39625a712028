/**
 * What `npm run doctor` looks at. Each probe runs in a child process where it could
 * crash or hang (a broken native binding must not take the doctor down with it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nodeSupport } from "../node-support.mjs";
import { jupyterEnv, kernelName, paths, projectRoot } from "../project.mjs";

export interface ProbeResult {
  ok: boolean;
  /** What a teacher reads. */
  summary: string;
  /** How to fix it, when not ok. */
  fix?: string;
  /** What works now but deserves attention (e.g. a Node.js past its end of life). */
  warnings?: string[];
}

function capture(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ok: boolean; out: string; err: string } {
  const result = spawnSync(command, args, { cwd: projectRoot, env, encoding: "utf8", timeout: 120_000 });
  return { ok: result.status === 0, out: String(result.stdout ?? ""), err: String(result.stderr ?? result.error?.message ?? "") };
}

function packageVersion(name: string): string | null {
  try {
    const file = path.join(paths.nodeModules, ...name.split("/"), "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return null;
  }
}

export function probeNode(today: Date = new Date()): ProbeResult & { version: string } {
  const support = nodeSupport(process.versions.node, today);
  return {
    ok: support.status !== "too-old",
    version: process.versions.node,
    summary: `Node.js ${process.versions.node} (${process.platform}/${process.arch}) em ${process.execPath}`,
    ...(support.status === "too-old" ? { fix: support.message } : {}),
    warnings: support.message && support.status !== "too-old" ? [support.message] : [],
  };
}

export function probeNpmPackages(): ProbeResult & { versions: Record<string, string | null> } {
  const names = ["@tensorflow/tfjs-node", "@tensorflow/tfjs", "danfojs-node", "tslab", "nodeplotlib", "typescript"];
  const versions = Object.fromEntries(names.map((name) => [name, packageVersion(name)]));
  const missing = names.filter((name) => versions[name] === null);
  return {
    ok: missing.length === 0,
    versions,
    summary: missing.length === 0 ? names.map((name) => `${name} ${versions[name]}`).join(", ") : `faltam: ${missing.join(", ")}`,
    fix: "rode `npm run setup`",
  };
}

export function probePython(): ProbeResult & { version: string | null; packages: Record<string, string | null> } {
  if (!fs.existsSync(paths.venvPython)) {
    return { ok: false, version: null, packages: {}, summary: "venv .venv ausente", fix: "rode `npm run setup`" };
  }
  const script =
    "import json, sys, importlib.metadata as m\n" +
    "names = ['jupyterlab', 'notebook', 'nbconvert', 'nbclient', 'plotly', 'tensorflow-cpu']\n" +
    "def v(n):\n  try: return m.version(n)\n  except Exception: return None\n" +
    "print(json.dumps({'version': sys.version.split()[0], 'packages': {n: v(n) for n in names}}))";
  const result = capture(paths.venvPython, ["-c", script]);
  if (!result.ok) {
    return { ok: false, version: null, packages: {}, summary: `o Python do venv não roda: ${result.err.trim()}`, fix: "apague .venv e rode `npm run setup`" };
  }
  const parsed = JSON.parse(result.out) as { version: string; packages: Record<string, string | null> };
  const missing = Object.entries(parsed.packages).filter(([, version]) => version === null).map(([name]) => name);
  return {
    ok: missing.length === 0,
    ...parsed,
    summary: `Python ${parsed.version} em .venv; ` + Object.entries(parsed.packages).map(([name, version]) => `${name} ${version ?? "AUSENTE"}`).join(", "),
    fix: "rode `npm run setup -- --force`",
  };
}

export function probeKernel(): ProbeResult & { kernelspecs: string[]; argvExists: boolean; kernelNode: string | null } {
  const jupyter = path.join(paths.venvBin, "jupyter");
  if (!fs.existsSync(jupyter)) {
    return { ok: false, kernelspecs: [], argvExists: false, kernelNode: null, summary: "Jupyter ausente do venv", fix: "rode `npm run setup`" };
  }
  const result = capture(jupyter, ["kernelspec", "list", "--json"], jupyterEnv());
  if (!result.ok) {
    return { ok: false, kernelspecs: [], argvExists: false, kernelNode: null, summary: `jupyter kernelspec falhou: ${result.err.trim()}`, fix: "rode `npm run setup -- --force`" };
  }
  const specs = (JSON.parse(result.out) as { kernelspecs: Record<string, { spec: { argv: string[] } }> }).kernelspecs;
  const ours = specs[kernelName];
  const argvExists = ours !== undefined && ours.spec.argv.slice(0, 2).every((part) => fs.existsSync(part));
  const kernelNode = ours?.spec.argv[0];
  return {
    ok: ours !== undefined && argvExists,
    kernelspecs: Object.keys(specs),
    argvExists,
    kernelNode: kernelNode ?? null,
    warnings: kernelNode !== undefined && argvExists ? kernelNodeWarnings(kernelNode, process.execPath) : [],
    summary: ours
      ? `kernel "${kernelName}" instalado (${argvExists ? "node e tslab encontrados" : "aponta para node/tslab que não existem"}); kernels: ${Object.keys(specs).join(", ")}`
      : `kernel "${kernelName}" ausente; kernels: ${Object.keys(specs).join(", ") || "nenhum"}`,
    fix: "rode `npm run setup` (reescreve o kernelspec)",
  };
}

/**
 * The kernelspec names the absolute path of the Node.js that ran the set-up
 * (tools/setup/steps/jupyter-kernel.mjs): after the user installs another Node, the notebooks
 * keep running the old one until `npm run setup` rewrites it.
 */
export function kernelNodeWarnings(kernelNode: string, runningNode: string): string[] {
  const real = (file: string): string => {
    try {
      return fs.realpathSync(file);
    } catch {
      return file;
    }
  };
  if (real(kernelNode) === real(runningNode)) return [];
  const kernelVersion = spawnSync(kernelNode, ["--version"], { encoding: "utf8", timeout: 10_000 }).stdout?.trim() || "versão desconhecida";
  return [
    `o kernel do curso roda o Node.js ${kernelVersion} de ${kernelNode}, não o deste terminal (${process.version}, ${runningNode}): ` +
      "rode `npm run setup` com o Node.js que você quer usar para o kernel passar a usá-lo.",
  ];
}

export interface BackendReport {
  backend: string | null;
  native: boolean;
  tfjsVersion: string | null;
  tensorflowVersion: string | null;
  fallbackReason: string | null;
  /** What REDES_NEURAIS_BACKEND asked for: auto, tensorflow or cpu. */
  requested: string;
}

/** What to do about each way TensorFlow.js can fail to load (by the error's class name). */
const backendFixes: Record<string, string> = {
  InvalidBackendChoiceError: "corrija a variável REDES_NEURAIS_BACKEND (auto, tensorflow ou cpu) ou remova-a",
  NativeBackendUnavailableError: "rode `npm run setup`; para usar o backend cpu mesmo assim, defina REDES_NEURAIS_BACKEND=auto",
  MODULE_NOT_FOUND: "rode `npm run setup` (a biblioteca lib/ ou as dependências npm não estão instaladas)",
};

export function probeBackend(): ProbeResult & BackendReport {
  // The child reports either the backend or the error's class and message, as JSON.
  const script = `
    try {
      const info = require("@redes-neurais/lib").backendInfo();
      process.stdout.write(JSON.stringify({ ok: true, info }));
    } catch (error) {
      process.stdout.write(JSON.stringify({ ok: false, name: error.code === "MODULE_NOT_FOUND" ? "MODULE_NOT_FOUND" : error.name, message: error.message }));
    }`;
  const result = capture(process.execPath, ["-e", script], { ...process.env, REDES_NEURAIS_QUIET: "1", TF_CPP_MIN_LOG_LEVEL: "3" });
  const requested = process.env.REDES_NEURAIS_BACKEND ?? "auto";
  let answer: { ok: true; info: BackendReport } | { ok: false; name: string; message: string };
  try {
    answer = JSON.parse(result.out) as typeof answer;
  } catch {
    // The process died before answering (e.g. a crash inside the native library).
    const lastLines = result.err.trim().split("\n").slice(-3).join(" ") || "o processo terminou sem mensagem";
    answer = { ok: false, name: "crash", message: `o processo que carrega o TensorFlow.js terminou: ${lastLines}` };
  }
  if (!answer.ok) {
    return {
      ok: false, backend: null, native: false, tfjsVersion: null, tensorflowVersion: null, fallbackReason: answer.message, requested,
      summary: `TensorFlow.js não carregou (${answer.name}): ${answer.message}`,
      fix: backendFixes[answer.name] ?? "rode `npm run setup`; se persistir, envie esta saída ao professor",
    };
  }
  const info = answer.info;
  return {
    // Healthy when the native backend runs, or when the user forced cpu and got it.
    ok: info.backend === "tensorflow" || (info.requested === "cpu" && info.backend === "cpu"),
    backend: info.backend,
    native: info.native,
    tfjsVersion: info.tfjsVersion,
    tensorflowVersion: info.tensorflowVersion,
    fallbackReason: info.fallbackReason,
    requested: info.requested,
    summary:
      `TensorFlow.js ${info.tfjsVersion}, backend "${info.backend}"` +
      (info.native ? ` (TensorFlow ${info.tensorflowVersion} nativo)` : ` — SEM o backend nativo: ${info.fallbackReason ?? "escolhido pelo usuário"}`),
    fix: "rode `npm run setup`; se persistir, envie esta saída ao professor",
  };
}

export function probeChromium(): ProbeResult & { path: string | null } {
  // The library's own finder (the one PNG export uses), loaded without loading TensorFlow.
  let found: string | null = null;
  let problem = "";
  try {
    const chromium = require("../browser/chromium") as { findChromium(): string };
    found = chromium.findChromium();
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return {
    ok: found !== null,
    path: found,
    summary: found ? `Chromium em ${found} (exportar figuras como PNG)` : `Chromium indisponível: ${problem}`,
    fix: "opcional, para exportar figuras como PNG: `sudo apt-get install chromium` (ou defina CHROMIUM_PATH)",
  };
}
