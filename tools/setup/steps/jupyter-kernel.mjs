// @ts-check
/**
 * Step 4: the tslab kernelspec `redes-neurais` in the project-local Jupyter folder
 * (nothing is written to the user's ~/.jupyter) or in the folder named by
 * REDES_NEURAIS_JUPYTER_DATA (tools/project.mjs), and JupyterLab settings without the
 * "news" pop-up and update check, which would also try to reach the internet.
 */
import fs from "node:fs";
import path from "node:path";
import { kernelDisplayName, kernelName, paths, projectRoot } from "../../project.mjs";
import { writeFileAtomicallySync } from "../../../lib/src/files/replace-file-atomically.js";
import { readOr } from "../stamps.mjs";

const kernelFile = path.join(paths.jupyterData, "kernels", kernelName, "kernel.json");
const kernelFolderShown = path.relative(projectRoot, path.dirname(kernelFile)).startsWith("..")
  ? path.dirname(kernelFile)
  : path.relative(projectRoot, path.dirname(kernelFile));
const labSettingsFile = path.join(paths.venv, "share", "jupyter", "lab", "settings", "overrides.json");

function kernelSpec() {
  const spec = {
    // The Node.js that ran the set-up, so the kernel does not depend on PATH.
    argv: [process.execPath, paths.kernelLauncher, "kernel", "--config-path", "{connection_file}"],
    display_name: kernelDisplayName,
    language: "typescript",
    env: { TF_CPP_MIN_LOG_LEVEL: "2" },
    metadata: { debugger: false },
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}

function labSettings() {
  const settings = { "@jupyterlab/apputils-extension:notification": { checkForUpdates: false, fetchNews: "false" } };
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** @type {import("../step.mjs").SetupStep} */
export const jupyterKernel = {
  upToDate: `kernel Jupyter "${kernelName}" em dia (${kernelFolderShown})`,
  isUpToDate: () =>
    readOr(kernelFile) === kernelSpec() &&
    readOr(labSettingsFile) === labSettings() &&
    fs.existsSync(paths.jupyterConfig) &&
    fs.existsSync(paths.jupyterRuntime),
  apply({ say }) {
    for (const dir of [paths.jupyterConfig, paths.jupyterRuntime]) fs.mkdirSync(dir, { recursive: true });
    writeFileAtomicallySync(kernelFile, kernelSpec());
    writeFileAtomicallySync(labSettingsFile, labSettings());
    say(`  kernel Jupyter "${kernelName}" escrito em ${kernelFolderShown}`);
  },
};
