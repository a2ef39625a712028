/**
 * `npm start`: JupyterLab on 127.0.0.1 with a fresh token, opened in notebooks/, with
 * the course kernel as the default. Extra arguments go to `jupyter lab`
 * (e.g. `npm start -- --no-browser --port 9999`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { jupyterEnv, kernelName, paths } from "./project.mjs";

const token = process.env.JUPYTER_TOKEN ?? randomBytes(24).toString("hex");
const extraArgs = process.argv.slice(2);
// Jupyter takes one root folder; a --ServerApp.root_dir among the arguments replaces notebooks/.
const ownRoot = extraArgs.some((arg) => arg.startsWith("--ServerApp.root_dir="));
const args = [
  "lab",
  "--ServerApp.ip=127.0.0.1",
  ...(ownRoot ? [] : [`--ServerApp.root_dir=${paths.notebooks}`]),
  `--MappingKernelManager.default_kernel_name=${kernelName}`,
  // Jupyter refuses to run as root unless told; containers and CI machines often are root.
  ...(process.getuid?.() === 0 ? ["--allow-root"] : []),
  ...extraArgs,
];
console.log(`Abrindo o JupyterLab do curso em ${ownRoot ? "outra pasta" : "notebooks/"} (kernel "${kernelName}").`);
console.log("O endereço com o token aparece abaixo; Ctrl+C encerra o servidor e os kernels.\n");
// The token goes through the environment (Jupyter reads JUPYTER_TOKEN), not the command
// line, where other users of the machine could read it.
const lab = spawn(path.join(paths.venvBin, "jupyter"), args, {
  stdio: "inherit",
  env: { ...jupyterEnv(), JUPYTER_TOKEN: token, REDES_NEURAIS_BACKEND: process.env.REDES_NEURAIS_BACKEND ?? "auto" },
});
lab.on("error", (error) => {
  console.error(`Não foi possível iniciar o JupyterLab (${error.message}). Rode \`npm run setup\` e depois \`npm run doctor\`.`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => lab.kill(signal));
lab.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
