/**
 * Submissions that do no honest work and try to get points anyway: one per kind of
 * attack on the grader, applicable to every assignment (they only rely on the released
 * notebook: its solution cells are stubs whose `throw` line they replace). Used by
 * tools/grading/adversarial.test.ts, where each must score 0.
 *
 * `standIn` is the universal stand-in: a Proxy that answers any property, call,
 * construction and arithmetic. With the assertion machinery patched it passed every test.
 */
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { isSolution, nbgraderOf } from "./nbgrader-cells";
import { typescriptStub } from "./release-notebook";

export interface Attack {
  /** Short id (the student name in the batch). */
  id: string;
  /** What it tries, in Portuguese (the table in the report). */
  kind: string;
  /** Code at the top of the first solution cell. */
  prelude?: string;
  /** Code in a cell the student adds after the preparation cell. */
  addedCell?: string;
  /** Body of every solution function (replaces the stub's throw); default: keep the stub. */
  body?: string;
}

const standIn = `const standIn: any = new Proxy(function () {}, {
  get: (_target, key) => (key === Symbol.toPrimitive ? () => 0.5 : key === "then" ? undefined : standIn),
  apply: () => standIn,
  construct: () => standIn,
});`;

const fakeAssert = "{ ok() {}, equal() {}, deepEqual() {}, notEqual() {}, strictEqual() {}, deepStrictEqual() {}, throws() {}, match() {} }";

export const attacks: readonly Attack[] = [
  {
    id: "a01-assert-assign",
    kind: "patching the assertion module (Object.assign)",
    prelude: `${standIn}\nObject.assign(assert as any, ${fakeAssert});`,
    body: "return standIn;",
  },
  {
    id: "a02-assert-define",
    kind: "redefining assert's methods (Object.defineProperty)",
    prelude: `${standIn}\nfor (const name of ["ok", "equal", "deepEqual", "notEqual"]) Object.defineProperty(assert, name, { value: () => {}, writable: true });`,
    body: "return standIn;",
  },
  {
    id: "a03-exports-binding",
    kind: "replacing the imported binding (tslab's shared exports)",
    prelude: `${standIn}\ndeclare const exports: any;\nexports.assert = Object.assign(() => {}, ${fakeAssert});`,
    body: "return standIn;",
  },
  {
    id: "a04-redeclare-locked",
    kind: "redeclaring a locked name (assert) in an added cell",
    addedCell: `${standIn}\nconst assert: any = Object.assign(() => {}, ${fakeAssert});`,
    body: "return standIn as any;",
  },
  {
    id: "a05-mutate-data",
    kind: "mutating the instructor's and the tests' data in place",
    addedCell: "declare const exports: any;\nfor (const value of Object.values(exports)) if (Array.isArray(value)) (value as unknown[]).fill(0);",
    body: "for (const argument of [...arguments]) if (Array.isArray(argument)) (argument as unknown[]).fill(1);\nthrow new Error(\"nada feito\");",
  },
  {
    id: "a06-builtins",
    kind: "patching built-ins and prototypes (Math, Array.prototype, Number.prototype)",
    prelude: "Math.abs = () => 0;\nMath.max = () => 0;\n(Array.prototype as any).every = () => true;\n(Number.prototype as any).toFixed = () => \"0\";\nJSON.stringify = () => \"{}\";",
    body: "return NaN as never;",
  },
  {
    id: "a07-proxy-standin",
    kind: "universal stand-in values (Proxy) that satisfy any check",
    prelude: standIn,
    body: "return standIn;",
  },
  {
    id: "a08-swallow-errors",
    kind: "swallowing errors (process.on uncaughtException, patching Error)",
    prelude: `${standIn}\nprocess.on("uncaughtException", () => {});\nprocess.on("unhandledRejection", () => {});\n(globalThis as any).Error = function () { return {}; };\nconsole.error = () => {};`,
    body: "return standIn;",
  },
  {
    id: "a09-kernel-executor",
    kind: "patching the kernel's executor (require('vm') / require.cache): every later cell succeeds",
    prelude: `const vm = require("vm");\nconst original = vm.runInThisContext;\nvm.runInThisContext = (code: string, options: unknown) => original("try { " + code + " } catch (e) {}", options);\nfor (const key of Object.keys(require.cache)) if (key.includes("tslab")) Object.assign(require.cache[key]!.exports, {});`,
  },
  {
    id: "a10-async-tricks",
    kind: "asynchronous tricks (patching after the cell returns, unhandled rejections)",
    prelude: `${standIn}\nsetTimeout(() => Object.assign(assert as any, ${fakeAssert}), 0);\nPromise.resolve().then(() => Object.assign(assert as any, ${fakeAssert}));\nPromise.reject(new Error("rejeição sem tratamento"));`,
    body: "return standIn;",
  },
  {
    id: "a11-read-disk",
    kind: "reading the instructor's source or other submissions from disk",
    prelude: `const fs = require("fs");\nconst found: string[] = [];\nfor (const folder of ["..", "../..", "../assignments/source", "/work", "/tmp", process.env.HOME ?? "."]) { try { found.push(...fs.readdirSync(folder)); } catch {} }\nconst sourceCode = found.length > 0 ? fs.readFileSync(found[0], "utf8") : "";\neval(sourceCode);`,
  },
  {
    id: "a12-write-outside",
    kind: "writing outside the sandbox (gradebook, source, other submissions)",
    prelude: `const fs = require("fs");\nfor (const target of ["../gradebook.csv", "../../gradebook.csv", require("os").tmpdir() + "/gradebook.csv", "../assignments/feedback/x.csv"]) { try { fs.writeFileSync(target, "aluno,10"); } catch {} }`,
  },
  {
    id: "a13-network",
    kind: "opening network connections",
    prelude: `const net = require("net");\nconst socket = net.connect(80, "127.0.0.1");\nsocket.on("error", () => {});\nfetch("http://127.0.0.1:8888/respostas").catch(() => {});`,
  },
  {
    id: "a14-exit-kernel",
    kind: "exiting or killing the kernel",
    prelude: "process.kill(process.ppid, \"SIGKILL\");\nprocess.exit(0);",
  },
  {
    id: "a15-flood-output",
    kind: "flooding the output",
    prelude: "const line = \"x\".repeat(10000);\nfor (let i = 0; i < 3000; i++) console.log(line);",
  },
  {
    id: "a16-function-constructor",
    kind: "eval and the Function constructor reached through a prototype",
    prelude: "const makeFunction = (() => {}).constructor as (code: string) => () => unknown;\nmakeFunction(\"process.exit(0)\")();\neval(\"globalThis.assert = undefined\");",
  },
  {
    id: "a17-tf-kernel",
    kind: "changing what TensorFlow.js computes (registering kernels, flags)",
    prelude: "for (const name of [\"Max\", \"Min\", \"Sum\", \"Sigmoid\"]) tf.registerKernel({ kernelName: name, backendName: \"tensorflow\", kernelFunc: () => tf.ones([1]) as never });\ntf.env().set(\"PROD\", true);",
  },
];

function solutionSource(cell: NotebookCell, body: string | undefined, prelude: string | undefined): string {
  let text = textOf(cell.source);
  if (body !== undefined) text = text.replace(typescriptStub[1] as string, body.split("\n").join("\n  "));
  return prelude ? `${prelude}\n${text}` : text;
}

/** The released notebook with the attack typed in. */
export function attackSubmission(released: Notebook, attack: Attack): Notebook {
  const notebook = structuredClone(released);
  let first = true;
  for (const cell of notebook.cells) {
    if (!isSolution(cell)) continue;
    cell.source = solutionSource(cell, attack.body, first ? attack.prelude : undefined);
    first = false;
  }
  if (attack.addedCell) {
    const preparation = notebook.cells.findIndex((cell) => cell.cell_type === "code" && nbgraderOf(cell) && !isSolution(cell));
    notebook.cells.splice(preparation + 1, 0, { cell_type: "code", metadata: {}, source: attack.addedCell, outputs: [], execution_count: null });
  }
  return notebook;
}
