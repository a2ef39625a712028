/**
 * What a submission's kernel can reach: it runs with the grader's sandbox and tries to
 * read the source assignment and other submissions, to write the gradebook, to see the
 * grader's environment; it also checks that a warning on stderr is not a failure and
 * that a failing cell does not stop the next ones, and that it has no network: it tries
 * to connect to a port this test listens on at 127.0.0.1.
 */
import assert from "node:assert/strict";
import { chmod, mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { projectRoot } from "../project.mjs";
import { fixtureNotebook } from "../test-support/fixture-notebook";
import { serializeNotebook } from "../notebooks/notebook-format";
import { sourceNotebookOf } from "./assignments";
import { type CellsReport, runCells } from "./run-cells";
import { createSandbox, sandboxKernelName, sandboxProblem } from "./sandbox";

let runFolder = "";
let report: CellsReport;
const gradebookDir = path.join(tmpdir(), `redes-neurais-boletim-${process.pid}`);
const otherSubmission = path.join(tmpdir(), `redes-neurais-entregas-${process.pid}`, "outro-aluno.ipynb");
const isRoot = process.getuid?.() === 0;
let listener: Server;
let connectionsReceived = 0;
const listening = new Promise<number>((resolve) => {
  listener = createServer((socket) => {
    connectionsReceived += 1;
    socket.end("respostas da tarefa");
  }).listen(0, "127.0.0.1", () => resolve((listener.address() as AddressInfo).port));
});

const cells = [
  `const fs = require("fs");\nconst reach = (p: string) => { try { fs.readFileSync(p); return true; } catch { return false; } };`,
  `if (reach(${JSON.stringify(sourceNotebookOf("01_regressao_logistica"))})) throw new Error("leu a tarefa-fonte");`,
  `if (reach(${JSON.stringify(otherSubmission)})) throw new Error("leu outra entrega");`,
  `let wrote = true;\ntry { fs.writeFileSync(${JSON.stringify(path.join(gradebookDir, "gradebook.csv"))}, "a,10"); } catch { wrote = false; }\nif (wrote) throw new Error("escreveu o boletim");`,
  `const visible = fs.readdirSync(${JSON.stringify(projectRoot)}).sort().join(",");\nif (visible.includes("assignments") || visible.includes(".git")) throw new Error(visible);`,
  `if (process.env.SEGREDO_DO_PROFESSOR !== undefined) throw new Error("viu o ambiente do corretor");`,
  `if (${isRoot} && (process.getuid!() === 0 || process.getuid!() < 1000)) throw new Error("uid " + process.getuid!());`,
  `console.error("W tensorflow/core/platform: um aviso qualquer no stderr");`,
  `throw new Error("falha de propósito");`,
  `fs.writeFileSync("pode-escrever-aqui.txt", "ok");\nconsole.log("depois do erro");`,
];

before(async () => {
  const port = await listening;
  cells.push(
    `const net = require("net");\nconst connected = await new Promise<string>((resolve) => {\n` +
      `  const socket = net.connect(${port}, "127.0.0.1");\n` +
      `  socket.on("connect", () => { socket.destroy(); resolve("conectou"); });\n` +
      `  socket.on("error", (error: Error) => resolve(error.message));\n` +
      `  setTimeout(() => resolve("sem resposta"), 5000);\n});\n` +
      `console.log(connected);\nif (connected === "conectou") throw new Error("abriu uma conexão de rede");`,
  );
  runFolder = await mkdtemp(path.join(tmpdir(), "redes-neurais-sandbox-test-"));
  await chmod(runFolder, 0o711);
  await mkdir(gradebookDir, { recursive: true });
  await mkdir(path.dirname(otherSubmission), { recursive: true });
  await writeFile(otherSubmission, "{}");
  const sandbox = await createSandbox({ runFolder, slot: 0, memoryMb: 256, passEnv: {} });
  const input = path.join(sandbox.privateDir, "teste.ipynb");
  await writeFile(input, serializeNotebook(fixtureNotebook(cells.map((code) => ({ code })))));
  report = await runCells({
    input,
    reportFile: path.join(sandbox.privateDir, "relatorio.json"),
    kernel: sandboxKernelName,
    cwd: sandbox.workDir,
    ipcDir: sandbox.workDir,
    cellTimeoutSeconds: 60,
    totalTimeoutSeconds: 240,
    env: { ...sandbox.runnerEnv, SEGREDO_DO_PROFESSOR: "42" },
  });
});

after(async () => {
  listener.close();
  await rm(runFolder, { recursive: true, force: true });
  await rm(gradebookDir, { recursive: true, force: true });
  await rm(path.dirname(otherSubmission), { recursive: true, force: true });
});

test("o bubblewrap funciona nesta máquina", () => {
  assert.equal(sandboxProblem(), null);
});

test("a entrega não lê a fonte nem outras entregas, não escreve o boletim e não vê o ambiente do corretor", () => {
  const status = report.cells.map((cell) => `${cell.index}:${cell.status}${cell.status === "error" ? ` ${cell.errorText.split("\n").find((line) => line.includes("Error")) ?? ""}` : ""}`);
  assert.equal(report.status, "ok", report.reason);
  assert.deepEqual(status.slice(0, 8), ["0:ok", "1:ok", "2:ok", "3:ok", "4:ok", "5:ok", "6:ok", "7:ok"]);
});

test("um aviso no stderr não é falha; um erro é, e as células seguintes ainda rodam", () => {
  assert.equal(report.cells[7]?.status, "ok");
  assert.equal(report.cells[8]?.status, "error");
  assert.match(report.cells[8]?.errorText ?? "", /Error: falha de propósito/);
  assert.equal(report.cells[9]?.status, "ok", "a pasta de trabalho é gravável e a execução continua depois do erro");
});

test("o kernel corrigido não tem rede: conectar a uma porta aberta em 127.0.0.1 falha", () => {
  const cell = report.cells[10];
  assert.equal(cell?.status, "ok", cell?.errorText);
  assert.equal(connectionsReceived, 0, "o servidor do teste recebeu uma conexão do kernel");
});

test("a sandbox exposes every module the kernel launcher requires (a missing one fails the kernel's start)", async () => {
  const { readFile } = await import("node:fs/promises");
  const { paths } = await import("../project.mjs");
  const launcherFolder = path.dirname(paths.kernelLauncher);
  const required = new Set<string>();
  for (const file of [paths.kernelLauncher, ...paths.kernelLauncherModules]) {
    const text = await readFile(file, "utf8");
    for (const match of text.matchAll(/require\("(\.\/[^"]+)"\)/g)) required.add(path.join(launcherFolder, match[1] as string));
  }
  assert.ok(required.size > 0);
  assert.deepEqual([...required].sort(), [...paths.kernelLauncherModules].sort());
});
