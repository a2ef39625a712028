/**
 * The allowlist of student code (tools/grading/student-code-rules.ts): honest idioms pass
 * untouched (false positives cost students points), and each way out of the allowlist is
 * found, in the right cell and line, with a message that names the construct. Two
 * programs in all (one per group), as the grader builds one per submission.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type CodeCell, type ForbiddenConstruct, findForbiddenConstructs } from "./student-code-rules";

const instructorCells = [
  'import { tf } from "@redes-neurais/lib";\nimport assert from "node:assert/strict";',
  "const catalogue = { X: [[1, 2], [3, 4]], t: [0, 1] };\nfunction makeData(n: number): number[] { return Array.from({ length: n }, (_, i) => i); }\nconst SIZE = 16;",
];

const honest: Record<string, string> = {
  loops: "function total(values: number[]): number {\n  let sum = 0;\n  for (let i = 0; i < values.length; i++) sum += values[i]!;\n  for (const v of values) sum -= v;\n  let k = 0;\n  while (k < 3) k++;\n  return sum + k;\n}",
  arrays: "function gradients(w: number[], X: number[][]): { dw: number[]; db: number } {\n  const dw = w.map(() => 0);\n  let db = 0;\n  X.forEach((x, i) => {\n    x.forEach((xk, k) => (dw[k] = (dw[k] as number) + xk * i));\n    db += x.reduce((s, v) => s + v, 0);\n  });\n  const zeros = new Array(4).fill(0);\n  const local: number[] = [];\n  local.push(1, 2);\n  local.sort((a, b) => a - b);\n  return { dw: [...dw, ...zeros.slice(0, 0)], db: db + local.length };\n}",
  closures: "function approximate(f: (x: number) => number, a: number, b: number, n: number): (x: number) => number {\n  const width = (b - a) / n;\n  const lefts = Array.from({ length: n }, (_, j) => a + j * width);\n  return (x) => lefts.reduce((sum, left) => sum + (x >= left && x < left + width ? f(left + width / 2) : 0), 0);\n}",
  maths: "const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));\nconst clipped = Math.min(Math.max(sigmoid(2), 1e-12), 1 - 1e-12);\nconst rounded = Number((clipped * 100).toFixed(2)) + parseFloat(\"1.5\") + (isNaN(clipped) ? 0 : 1);\nconsole.log(`valor ${rounded}`, JSON.stringify({ clipped }), Object.keys(catalogue));",
  tensors: "function toTensor(images: number[][]): tf.Tensor4D {\n  const scaled = images.map((image) => { const peak = Math.max(...image); return image.map((v) => v / peak); });\n  return tf.tidy(() => tf.tensor4d(scaled.flat(), [images.length, SIZE, SIZE, 1]).add(tf.scalar(0)) as tf.Tensor4D);\n}",
  models: "async function trainConvnet(model: tf.Sequential, x: tf.Tensor4D, labels: number[], epochs: number): Promise<number> {\n  model.add(tf.layers.dense({ units: 2, activation: \"softmax\", kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));\n  model.compile({ optimizer: tf.train.adam(0.01), loss: \"categoricalCrossentropy\", metrics: [\"accuracy\"] });\n  const y = tf.oneHot(tf.tensor1d(labels, \"int32\"), 2);\n  const history = await model.fit(x, y, { epochs, batchSize: 32, shuffle: false, verbose: 0 });\n  y.dispose();\n  const acc = history.history[\"acc\"] as number[];\n  return acc[acc.length - 1] as number;\n}",
  classes: "class Counter {\n  private count = 0;\n  constructor(private readonly step: number) {}\n  next(): number { this.count += this.step; return this.count; }\n  get value(): number { return this.count; }\n}\nconst counter = new Counter(2);\ncounter.next();",
  objects: "const state = { best: 0, history: [] as number[] };\nstate.best = 3;\nstate.history.push(state.best);\nconst { best } = state;\nconst copy = { ...state, best: best + 1 };\nconst data = makeData(3);\nconst label = catalogue.t[0]! + SIZE + copy.best;\ntry { if (label < 0) throw new Error(\"negativo\"); } catch (error) { console.log((error as Error).message); }",
  asyncCode: "async function twice(value: number): Promise<number> { return value * 2; }\nconst results = await Promise.all([twice(1), twice(2)]);\nconst lookup = new Map<string, number>([[\"a\", 1]]);\nlookup.set(\"b\", results[0]!);\nconst seen = new Set<number>(results);",
};

const forbidden: Record<string, { code: string; says: RegExp; line: number }> = {
  patchAssert: { code: "const x = 1;\nObject.assign(assert, { ok() {} });", says: /`Object`|`assert`/, line: 2 },
  assertMethod: { code: "assert.ok = () => {};", says: /`assert`, importado de "node:assert\/strict"/, line: 1 },
  exportsBinding: { code: "declare const exports: Record<string, unknown>;\nexports[\"assert\"] = 1;", says: /declare/, line: 1 },
  requireModule: { code: "const fs = require(\"fs\");", says: /o nome global `require`/, line: 1 },
  processExit: { code: "process.exit(0);", says: /o nome global `process`/, line: 1 },
  globalThisWrite: { code: "const g = globalThis;", says: /o nome global `globalThis`/, line: 1 },
  evalCall: { code: "eval(\"1\");", says: /o nome global `eval`/, line: 1 },
  functionConstructor: { code: "const f = (() => 0).constructor;", says: /propriedade `constructor`/, line: 1 },
  proxy: { code: "const p = new Proxy({}, {});", says: /o nome global `Proxy`/, line: 1 },
  reflect: { code: "Reflect.set(catalogue, \"t\", []);", says: /o nome global `Reflect`/, line: 1 },
  dynamicImport: { code: "const m = import(\"fs\");", says: /import\(…\)/, line: 1 },
  importMeta: { code: "const where = import.meta.url;", says: /import\.meta/, line: 1 },
  staticImport: { code: "import fs from \"fs\";", says: /um import/, line: 1 },
  anyType: { code: "const v: any = 1;", says: /o tipo any/, line: 1 },
  castToUnknown: { code: "const n = (catalogue as unknown) as number;", says: /conversão para any\/unknown/, line: 1 },
  castToOwnType: { code: "type Leaky = { secret: number };\nconst leaked = (SIZE as unknown as object) as Leaky;", says: /tipo escrito na própria resposta/, line: 2 },
  typePredicate: { code: "function isAny(value: unknown): value is { run(): void } { return true; }", says: /predicado de tipo/, line: 1 },
  overload: { code: "function lie(x: number): string;\nfunction lie(x: number): unknown { return x; }", says: /sobrecarga/, line: 1 },
  protoAccess: { code: "const p = catalogue[\"__proto__\"];", says: /propriedade `__proto__`/, line: 1 },
  computedKey: { code: "const key = \"t\";\nconst t = catalogue[key];", says: /índice calculado/, line: 2 },
  builtinPatch: { code: "Math.abs = (x: number) => 0 * x;", says: /escrita numa propriedade/, line: 1 },
  prototypePatch: { code: "Array.prototype.every = () => true;", says: /propriedade `prototype`/, line: 1 },
  lockedDataWrite: { code: "catalogue.t[0] = 1;", says: /elemento de um array que não foi criado/, line: 1 },
  lockedDataMutation: { code: "catalogue.t.fill(1);", says: /`fill` num dado que não foi criado/, line: 1 },
  parameterMutation: { code: "function train(X: number[][], t: number[]): number {\n  t.fill(1);\n  return X.length;\n}", says: /`fill` num dado/, line: 2 },
  aliasWrite: { code: "const log: { log(...a: unknown[]): void } = console;\nlog.log = () => {};", says: /escrita numa propriedade de um objeto que não é um literal/, line: 2 },
  redeclareLocked: { code: "function makeData(n: number): number[] { return [n]; }", says: /redeclara `makeData`/, line: 1 },
  redeclareGlobal: { code: "const Math = { abs: (x: number) => x };", says: /redeclara `Math`/, line: 1 },
  reassignLocked: { code: "// @ts-ignore\nSIZE = 4;", says: /@ts-ignore/, line: 1 },
  thisOutsideClass: { code: "function outer(this: unknown) { return this; }", says: /`this` fora de uma classe/, line: 1 },
  timers: { code: "setTimeout(() => 0, 0);", says: /o nome global `setTimeout`/, line: 1 },
  tfState: { code: "tf.setBackend(\"cpu\");", says: /propriedade `setBackend`/, line: 1 },
  tfKernelByDestructuring: { code: "const { registerKernel } = tf;", says: /propriedade `registerKernel`/, line: 1 },
  openComment: { code: "const quiet = 1;\n/* o resto do notebook some da verificação", says: /erro de sintaxe/, line: 2 },
  argumentsObject: { code: "function f(): number { return arguments.length; }", says: /`arguments`/, line: 1 },
  anyReceiver: { code: "const parsed = JSON.parse(\"{}\");\nconst deep = parsed.a;", says: /valor do tipo any/, line: 2 },
};

function cellsWith(studentSources: readonly string[]): CodeCell[] {
  return [
    ...instructorCells.map((source, index) => ({ index, source, student: false })),
    ...studentSources.map((source, index) => ({ index: instructorCells.length + index, source, student: true })),
  ];
}

describe("o que uma resposta pode fazer", () => {
  let honestFound: ForbiddenConstruct[] = [];
  let forbiddenFound: ForbiddenConstruct[] = [];
  const forbiddenNames = Object.keys(forbidden);

  before(() => {
    honestFound = findForbiddenConstructs(cellsWith(Object.values(honest)));
    forbiddenFound = findForbiddenConstructs(cellsWith(forbiddenNames.map((name) => forbidden[name]!.code)));
  });

  test("código honesto (laços, closures, arrays, Math, tf, modelos, classes, objetos, async) não é recusado", () => {
    assert.deepEqual(honestFound, []);
  });

  for (const [position, name] of forbiddenNames.entries()) {
    test(`recusa: ${name}`, () => {
      const inCell = forbiddenFound.filter((item) => item.cellIndex === instructorCells.length + position);
      const { says, line } = forbidden[name]!;
      assert.ok(inCell.some((item) => says.test(item.message) && item.line === line), `${forbidden[name]!.code}\n→ ${JSON.stringify(inCell)}`);
    });
  }

  test("uma célula que abre um comentário não esconde as seguintes", () => {
    const found = findForbiddenConstructs(cellsWith(["const a = 1;\n/* sem fim", "process.exit(0);"]));
    assert.ok(found.some((item) => item.cellIndex === instructorCells.length + 1 && /`process`/.test(item.message)), JSON.stringify(found));
  });

  test("uma resposta que usa outra ainda não escrita não é recusada (o tslab já não a roda)", () => {
    assert.deepEqual(findForbiddenConstructs(cellsWith(["// resposta apagada", "function train(): number {\n  return sigmoid(0);\n}"])), []);
  });

  test("as células do professor não são verificadas", () => {
    const found = findForbiddenConstructs([{ index: 0, source: "const fs = require(\"fs\");\nprocess.exit(0);", student: false }]);
    assert.deepEqual(found, []);
  });
});
