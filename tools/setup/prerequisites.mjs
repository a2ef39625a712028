// @ts-check
/**
 * The three things the set-up needs from the machine — a supported Node.js (tools/node-support.mjs), Python 3 with venv,
 * a C++ toolchain — each with a message that names what to install.
 */
import { nodeSupport, RECOMMENDED_NODE_MAJOR, SUPPORTED_NODE_MAJORS } from "../node-support.mjs";
import { runQuiet, SetupError } from "./run.mjs";

/** tensorflow-cpu 2.21.0 publishes wheels for these Python versions. */
const SUPPORTED_PYTHON = ["3.10", "3.11", "3.12", "3.13"];

/** @param {string} command */
function has(command) {
  return runQuiet("/bin/sh", ["-c", `command -v "${command}"`]).trim() !== "";
}

/**
 * The Python used to create the venv: $PYTHON if set, else python3.
 * @returns {string}
 */
export function findPython() {
  const python = process.env.PYTHON || "python3";
  const version = runQuiet(python, ["-c", "import sys, venv, ensurepip; print('%d.%d' % sys.version_info[:2])"]).trim();
  if (!version) {
    throw new SetupError(
      `Python 3 com o módulo venv não foi encontrado (procurei \`${python}\`)`,
      "o venv do curso (Jupyter e TensorFlow) precisa de Python 3.10 a 3.13 com venv e ensurepip.",
      "instale-o (Debian/Ubuntu: `sudo apt-get install python3 python3-venv`; Fedora: `sudo dnf install python3`) " +
        "ou aponte a variável PYTHON para um Python 3 com venv.",
    );
  }
  if (!SUPPORTED_PYTHON.includes(version)) {
    throw new SetupError(
      `Python ${version} não é suportado pelo tensorflow-cpu 2.21.0`,
      `esperava uma destas versões: ${SUPPORTED_PYTHON.join(", ")}; \`${python}\` é ${version}.`,
      "instale um Python suportado e rode de novo com `PYTHON=python3.11 npm run setup`.",
    );
  }
  return python;
}

/**
 * @param {{needCompiler: boolean}} options
 */
export function checkPrerequisites({ needCompiler }) {
  if (process.platform !== "linux") {
    throw new SetupError(
      `sistema ${process.platform} não suportado`,
      "o binding nativo do curso é compilado contra a biblioteca C do TensorFlow do pacote pip tensorflow-cpu, " +
        "e isso só foi preparado e testado em Linux (x86_64).",
      "no Windows, use o WSL2 (Ubuntu) e rode os comandos lá dentro; no macOS, use uma máquina virtual ou um contêiner Linux.",
    );
  }
  const support = nodeSupport(process.versions.node);
  if (support.status === "too-old") {
    throw new SetupError(
      `Node.js ${process.versions.node} é antigo demais`,
      `o curso é testado nas versões ${Object.keys(SUPPORTED_NODE_MAJORS).join(", ")} do Node.js.`,
      `instale o Node.js ${RECOMMENDED_NODE_MAJOR} LTS (https://nodejs.org ou \`nvm install ${RECOMMENDED_NODE_MAJOR}\`).`,
    );
  }
  if (!needCompiler) return;
  // node-gyp compiles with $CXX when set (conda's cxx-compiler sets it), else g++/c++.
  const compilerFound = (process.env.CXX && has(process.env.CXX.split(" ")[0] ?? "")) || has("g++") || has("c++");
  const missing = [...(has("make") ? [] : ["make"]), ...(compilerFound ? [] : ["g++"])];
  if (missing.length > 0) {
    throw new SetupError(
      `faltam ferramentas de compilação C++: ${missing.join(", ")}`,
      "o binding nativo do TensorFlow.js é compilado na sua máquina (node-gyp).",
      "instale-as (Debian/Ubuntu: `sudo apt-get install build-essential`; Fedora: `sudo dnf install gcc-c++ make`) e rode `npm run setup` de novo.",
    );
  }
}
