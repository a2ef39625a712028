// @ts-check
/**
 * Where things live in the project, and the environment every course command gives
 * to Jupyter and to the kernel. Plain JavaScript (checked by TypeScript) because
 * `tools/setup.mjs` runs it before any npm package is installed.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder (the one with package.json). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The Python environment with Jupyter and TensorFlow: the project's own `.venv`, or an
 * existing environment named by REDES_NEURAIS_VENV (e.g. a conda environment made from
 * environment.yml: `REDES_NEURAIS_VENV=$CONDA_PREFIX npm run setup`).
 */
const venv = process.env.REDES_NEURAIS_VENV ? path.resolve(process.env.REDES_NEURAIS_VENV) : path.join(projectRoot, ".venv");

/**
 * The Jupyter data folder that holds the course's kernelspec: the project-local
 * `.jupyter/share` (nothing in the user's ~/.jupyter), or the folder named by
 * REDES_NEURAIS_JUPYTER_DATA — in an image (binder/postBuild, deploy/jupyterhub/Dockerfile)
 * the environment's own `<sys.prefix>/share/jupyter`, where every Jupyter of that
 * environment looks.
 */
const jupyterData = process.env.REDES_NEURAIS_JUPYTER_DATA
  ? path.resolve(process.env.REDES_NEURAIS_JUPYTER_DATA)
  : path.join(projectRoot, ".jupyter", "share");

/** Absolute paths of the project's parts. */
export const paths = {
  notebooks: path.join(projectRoot, "notebooks"),
  lib: path.join(projectRoot, "lib"),
  datasets: path.join(projectRoot, "datasets"),
  nodeModules: path.join(projectRoot, "node_modules"),
  tfjsNode: path.join(projectRoot, "node_modules", "@tensorflow", "tfjs-node"),
  /** The course's kernel: tslab with its sockets bound before they are read (tools/jupyter/tslab-kernel.cjs). */
  kernelLauncher: path.join(projectRoot, "tools", "jupyter", "tslab-kernel.cjs"),
  /** The modules the launcher requires (the grading sandbox exposes exactly these and the launcher). */
  kernelLauncherModules: ["kernel-compile-cache.cjs", "library-types-warm-up.cjs"].map((name) => path.join(projectRoot, "tools", "jupyter", name)),
  venv,
  venvPython: path.join(venv, "bin", "python"),
  venvBin: path.join(venv, "bin"),
  requirements: path.join(projectRoot, "requirements.txt"),
  /** What only `npm run bench` adds to the venv (PyTorch): tools/setup/bench-requirements.mjs. */
  benchRequirements: path.join(projectRoot, "requirements-bench.txt"),
  constraints: path.join(projectRoot, "constraints.txt"),
  /** Project-local Jupyter: nothing is written to the user's ~/.jupyter or ~/.local. */
  jupyter: path.join(projectRoot, ".jupyter"),
  jupyterData,
  jupyterConfig: path.join(projectRoot, ".jupyter", "config"),
  jupyterRuntime: path.join(projectRoot, ".jupyter", "runtime"),
  handouts: path.join(projectRoot, "dist", "handouts"),
};

/** The name of the course's tslab kernel (notebooks' metadata.kernelspec.name). */
export const kernelName = "redes-neurais";
export const kernelDisplayName = "TypeScript (Redes neurais)";

/**
 * The environment for Jupyter processes (server, nbclient, nbconvert) and thus for
 * the kernels they start: the project-local Jupyter folders, the venv first on PATH,
 * TensorFlow's C++ logs quieted.
 * @param {NodeJS.ProcessEnv} [base]
 * @returns {NodeJS.ProcessEnv}
 */
export function jupyterEnv(base = process.env) {
  return {
    ...base,
    JUPYTER_PATH: paths.jupyterData,
    JUPYTER_DATA_DIR: paths.jupyterData,
    JUPYTER_CONFIG_DIR: paths.jupyterConfig,
    JUPYTER_RUNTIME_DIR: paths.jupyterRuntime,
    JUPYTER_PLATFORM_DIRS: "1",
    PATH: `${paths.venvBin}${path.delimiter}${base.PATH ?? ""}`,
    TF_CPP_MIN_LOG_LEVEL: base.TF_CPP_MIN_LOG_LEVEL ?? "2",
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
  };
}
