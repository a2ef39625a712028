// @ts-check
/**
 * The bench's own Python packages (requirements-bench.txt: PyTorch), installed on demand into
 * the course's venv by `npm run bench` (tools/bench/cli.ts) instead of by every student's
 * `npm run setup`. Same pip command as the set-up (tools/setup/pip-install.mjs); a stamp in the
 * venv records what was installed, so later runs skip pip entirely. A venv recreated by
 * `npm run setup -- --force` loses the stamp with everything else, and the next bench
 * installs again.
 */
import fs from "node:fs";
import path from "node:path";
import { paths } from "../project.mjs";
import { pipInstall } from "./pip-install.mjs";
import { SetupError } from "./run.mjs";
import { readOr, sha256, stampMatches, writeStamp } from "./stamps.mjs";

const stampFile = () => path.join(paths.venv, ".redes-neurais-bench-requirements.sha256");
const wanted = () => sha256(readOr(paths.benchRequirements), readOr(paths.constraints));

/** @type {import("./step.mjs").SetupStep} */
const benchRequirements = {
  upToDate: "pacotes do benchmark (requirements-bench.txt) em dia",
  isUpToDate: () => stampMatches(stampFile(), wanted()) && fs.existsSync(paths.venvPython),
  apply({ force, say }) {
    if (!fs.existsSync(paths.venvPython)) {
      throw new SetupError(
        `o venv do curso não tem bin/python (${paths.venv})`,
        "esperava o ambiente Python criado por `npm run setup` antes de instalar requirements-bench.txt.",
        "rode `npm run setup` e depois o benchmark de novo.",
      );
    }
    say("▸ instalando requirements-bench.txt (PyTorch CPU, só para o benchmark) no venv do curso, uma vez…");
    pipInstall(paths.benchRequirements, { reinstall: force });
    writeStamp(stampFile(), wanted());
  },
};

/**
 * Installs requirements-bench.txt unless the stamp says it is already there (a fast no-op).
 * @param {(message: string) => void} say
 */
export function ensureBenchRequirements(say) {
  if (benchRequirements.isUpToDate()) return;
  benchRequirements.apply({ force: false, say });
}
