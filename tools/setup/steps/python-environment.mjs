// @ts-check
/**
 * Step 2: the Python environment with Jupyter and TensorFlow — the project's `.venv`
 * (or the environment named by REDES_NEURAIS_VENV), from requirements.txt with every
 * transitive package pinned by constraints.txt.
 */
import fs from "node:fs";
import path from "node:path";
import { paths, projectRoot } from "../../project.mjs";
import { findPython } from "../prerequisites.mjs";
import { pipInstall } from "../pip-install.mjs";
import { run, runQuiet, SetupError } from "../run.mjs";
import { readOr, sha256, stampMatches, writeStamp } from "../stamps.mjs";

const stampFile = path.join(paths.venv, ".redes-neurais-requirements.sha256");
const wanted = () => sha256(readOr(paths.requirements), readOr(paths.constraints));
const hasPip = () => runQuiet(paths.venvPython, ["-m", "pip", "--version"]).startsWith("pip ");

/** @type {import("../step.mjs").SetupStep} */
export const pythonEnvironment = {
  upToDate: `ambiente Python em dia (${path.relative(projectRoot, paths.venv) || paths.venv})`,
  isUpToDate: () => stampMatches(stampFile, wanted()) && fs.existsSync(paths.venvPython),
  apply({ force, say }) {
    const ownVenv = !process.env.REDES_NEURAIS_VENV;
    // A venv whose creation failed half-way (e.g. python3-venv missing) has a python but no pip.
    if (ownVenv && (force || !fs.existsSync(paths.venvPython) || !hasPip())) {
      const python = findPython();
      say(`▸ criando o venv Python em .venv com ${python}…`);
      try {
        run(python, ["-m", "venv", "--clear", paths.venv], { cwd: projectRoot });
      } catch (error) {
        fs.rmSync(paths.venv, { recursive: true, force: true });
        throw error;
      }
    }
    if (!fs.existsSync(paths.venvPython)) {
      throw new SetupError(
        `REDES_NEURAIS_VENV aponta para ${paths.venv}, que não tem bin/python`,
        "esperava um ambiente Python (venv ou conda) já criado.",
        "crie-o (por exemplo `conda env create -f environment.yml`) ou remova a variável para usar o .venv do projeto.",
      );
    }
    say("▸ instalando requirements.txt (JupyterLab, nbconvert, tensorflow-cpu) com as versões de constraints.txt…");
    // --force recreated our own venv above; an environment we did not make is reinstalled in place.
    pipInstall(paths.requirements, { reinstall: force && !ownVenv });
    writeStamp(stampFile, wanted());
  },
};
