// @ts-check
/**
 * The one pip command of the project: a requirements file installed into the venv with every
 * package pinned by constraints.txt. Used by the set-up's Python step
 * (tools/setup/steps/python-environment.mjs) and by the bench's extra peers
 * (tools/setup/bench-requirements.mjs), so both install the same way.
 */
import { paths, projectRoot } from "../project.mjs";
import { run } from "./run.mjs";

/**
 * @param {string} requirementsFile
 * @param {{ reinstall?: boolean }} [options]  reinstall: pip's --force-reinstall
 */
export function pipInstall(requirementsFile, { reinstall = false } = {}) {
  run(
    paths.venvPython,
    [
      "-m", "pip", "install", "--disable-pip-version-check",
      ...(reinstall ? ["--force-reinstall"] : []),
      "-r", requirementsFile, "-c", paths.constraints,
    ],
    { cwd: projectRoot },
  );
}
