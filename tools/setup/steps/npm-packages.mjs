// @ts-check
/** Step 1: the npm packages, with install scripts skipped (see .npmrc). */
import fs from "node:fs";
import path from "node:path";
import { paths, projectRoot } from "../../project.mjs";
import { run } from "../run.mjs";
import { readOr, sha256, stampMatches, writeStamp } from "../stamps.mjs";

const stampFile = path.join(paths.nodeModules, ".redes-neurais-npm.sha256");
const lockFile = path.join(projectRoot, "package-lock.json");

/** The parts of a package.json that decide what npm installs (not its scripts). @param {string} file */
function dependencyFields(file) {
  const manifest = JSON.parse(readOr(file, "{}"));
  const fields = ["dependencies", "devDependencies", "optionalDependencies", "overrides", "workspaces"];
  return JSON.stringify(fields.map((field) => manifest[field] ?? null));
}

function wanted() {
  return sha256(
    dependencyFields(path.join(projectRoot, "package.json")),
    dependencyFields(path.join(paths.lib, "package.json")),
    readOr(lockFile),
  );
}

/** @type {import("../step.mjs").SetupStep} */
export const npmPackages = {
  upToDate: "dependências npm em dia",
  isUpToDate: () => stampMatches(stampFile, wanted()) && fs.existsSync(paths.tfjsNode),
  apply({ say }) {
    say("▸ instalando as dependências npm (scripts de instalação desativados: o do tfjs-node baixaria uma biblioteca que não existe mais)…");
    // A fresh clone installs exactly what the lock file says; later changes go through install.
    const command = fs.existsSync(lockFile) && !fs.existsSync(paths.nodeModules) ? "ci" : "install";
    run("npm", [command, "--ignore-scripts", "--no-audit", "--no-fund"], { cwd: projectRoot });
    writeStamp(stampFile, wanted()); // after the install: npm may have updated the lock file
  },
};
