/**
 * JupyterLab's stop button in a real `redes-neurais` kernel: an interrupt (SIGINT) stops a
 * `model.fit` and a hand-written loop that reports to the training monitor, prints where it
 * stopped in the stopped cell and nothing afterwards, leaves the kernel idle at once, and
 * five interrupts in a row — plus a burst of twenty while TensorFlow's native ops run —
 * leave it healthy (see lib/src/interrupt/cell-interrupts.ts).
 *
 * Each interrupt waits for a line the training prints, so it lands while the cell trains
 * (a SIGINT that arrives while tslab still compiles the cell is lost, as in tslab itself).
 * After each stopped cell the next one is sent 0.3 s later: for 200 ms after a failed cell
 * tslab answers `abort` to everything (tslab issue #19).
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { test } from "node:test";
import { cellIdle, cellReply, cellText, runKernelSession, type SessionReport, type SessionStep } from "./kernel-session";

const setup = `import { tf, trainingMonitor } from "@redes-neurais/lib";
const g = globalThis as any;
const x = tf.randomNormal([512, 64], 0, 1, "float32", 1);
const y = tf.tidy(() => tf.oneHot(tf.randomUniform([512], 0, 10, "int32", 2), 10).toFloat());
function makeModel(): tf.Sequential {
  const model = tf.sequential({ layers: [
    tf.layers.dense({ units: 128, inputShape: [64], activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }),
    tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) }),
  ] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: "categoricalCrossentropy" });
  return model;
}
function counting(marker: { epoch?: number; batch?: number; text: string }) {
  g.batches = 0; g.epochs = 0;
  return { onEpochBegin: async (e: number) => { if (e + 1 === marker.epoch) console.log(marker.text); },
           onBatchEnd: async (b: number) => { g.batches++; if (b + 1 === marker.batch && g.epochs === 0) console.log(marker.text); },
           onEpochEnd: async () => { g.epochs++; } };
}
const weightSum = (m: tf.LayersModel) => tf.tidy(() => m.getWeights().reduce((s, w) => s + w.abs().sum().dataSync()[0]!, 0));
const probe = (m?: tf.LayersModel) => console.log("@" + JSON.stringify({ batches: g.batches, epochs: g.epochs, steps: g.steps, tensors: tf.memory().numTensors, weights: m ? weightSum(m) : null, updates: m ? m.optimizer.iterations : null }));
const reference = async () => { const m = makeModel(); const h = await m.fit(x, y, { epochs: 2, batchSize: 64, shuffle: false, verbose: 0 }); const loss = h.history.loss!.map(Number); m.optimizer.dispose(); m.dispose(); return loss; };
console.log("referência " + JSON.stringify(await reference()));`;

const fitCell = (marker: string) => `const model = makeModel();
g.model = model; // a stopped cell's declarations do not reach the next cells
const monitor = trainingMonitor({ title: "fit", epochs: 5000 });
await model.fit(x, y, { epochs: 5000, batchSize: 32, verbose: 0, callbacks: [monitor, counting({ epoch: 3, text: "${marker}" })] });
console.log("fim do fit");`;

const loopCell = `g.steps = 0;
const w = tf.variable(tf.zeros([64, 10]));
const sgd = tf.train.sgd(0.1);
const monitorLoop = trainingMonitor({ title: "laço", epochs: 100000 });
for (let epoch = 1; epoch <= 100000; epoch++) {
  const cost = sgd.minimize(() => tf.losses.softmaxCrossEntropy(y, x.matMul(w)), true)!;
  const loss = cost.dataSync()[0]!;
  cost.dispose();
  g.steps = epoch;
  if (epoch === 5) console.log("quinto passo");
  await tf.nextFrame();
  monitorLoop.update(epoch, { loss });
}
console.log("fim do laço");`;

const stoppedFit = (label: string): SessionStep[] => [
  { op: "execute", label, code: `const model_${label} = makeModel(); g.last = model_${label}; await model_${label}.fit(x, y, { epochs: 5000, batchSize: 32, verbose: 0, callbacks: counting({ batch: 1, text: "lote 1" }) }); console.log("fim do fit");`, wait: false },
  { op: "wait_for_output", label, text: "lote 1", timeout: 60 },
  { op: "interrupt" },
  { op: "wait_reply", label, timeout: 20 },
  { op: "sleep", seconds: 0.3 },
  { op: "execute", label: `${label}-depois`, code: "probe(g.last)", timeout: 20 },
];

/**
 * What a probe cell printed. `updates` is the optimizer's count of applied updates: the
 * batches really trained. `batches` is what the student's callback counted, which may be
 * one less (its onBatchEnd is silenced once the interrupt lands, possibly while another
 * callback of the same batch awaits).
 */
function probeOf(report: SessionReport, label: string): { batches: number; epochs: number; steps?: number; tensors: number; weights: number | null; updates: number | null } {
  const line = cellText(report, label).split("\n").find((text) => text.startsWith("@"));
  assert.ok(line, `a célula ${label} não imprimiu a sonda:\n${cellText(report, label)}`);
  return JSON.parse(line.slice(1)) as ReturnType<typeof probeOf>;
}

function interruptTimes(report: SessionReport): number[] {
  return report.steps.filter((step) => step.op === "interrupt").map((step) => step.t);
}

test("o botão de parar do Jupyter para o treino (kernel de verdade)", { timeout: 10 * 60_000 }, async (t) => {
  const steps: SessionStep[] = [
    { op: "execute", label: "setup", code: setup, timeout: 120 },
    // fit: interrupt during epoch 3.
    { op: "execute", label: "fit", code: fitCell("época 3"), wait: false },
    { op: "wait_for_output", label: "fit", text: "época 3", timeout: 60 },
    { op: "interrupt" },
    { op: "wait_reply", label: "fit", timeout: 20 },
    { op: "sleep", seconds: 0.3 },
    { op: "execute", label: "fit-logo", code: "probe(g.model)", timeout: 20 },
    { op: "sleep", seconds: 2 },
    { op: "execute", label: "fit-2s", code: "probe(g.model)", timeout: 20 },
    // Hand-written loop with the monitor: interrupt after step 5.
    { op: "execute", label: "laço", code: loopCell, wait: false },
    { op: "wait_for_output", label: "laço", text: "quinto passo", timeout: 60 },
    { op: "interrupt" },
    { op: "wait_reply", label: "laço", timeout: 20 },
    { op: "sleep", seconds: 0.3 },
    { op: "execute", label: "laço-logo", code: "probe()", timeout: 20 },
    { op: "sleep", seconds: 1.5 },
    { op: "execute", label: "laço-1,5s", code: "probe()", timeout: 20 },
    // A synchronous loop of tf.tidy (tslab itself breaks it): the engine is left clean.
    { op: "execute", label: "síncrono", code: `console.log("começa"); const t0 = Date.now(); while (Date.now() - t0 < 60000) tf.tidy(() => { let b = x; for (let i = 0; i < 20; i++) b = b.mul(1.0001).tanh(); return b.sum(); }).dispose(); console.log("fim do laço síncrono");`, wait: false },
    { op: "wait_for_output", label: "síncrono", text: "começa", timeout: 60 },
    { op: "sleep", seconds: 0.5 },
    { op: "interrupt" },
    { op: "wait_reply", label: "síncrono", timeout: 20 },
    { op: "sleep", seconds: 0.3 },
    { op: "execute", label: "motor", code: `const engineState = (tf.engine() as any).state; console.log("@" + JSON.stringify({ scopes: engineState.scopeStack.length, kernelDepth: engineState.kernelDepth, tensors: tf.memory().numTensors, gradient: Array.from(tf.grad((v: tf.Tensor) => v.square().sum())(tf.tensor1d([1, 2])).dataSync()) }));`, timeout: 20 },
    // Five interrupts in a row.
    ...[1, 2, 3, 4, 5].flatMap((i) => stoppedFit(`seguida${i}`)),
    // A burst of twenty SIGINTs, 50 ms apart, while a fit runs native ops.
    { op: "execute", label: "rajada", code: `const modelR = makeModel(); await modelR.fit(x, y, { epochs: 5000, batchSize: 32, verbose: 0, callbacks: counting({ batch: 1, text: "lote 1" }) });`, wait: false },
    { op: "wait_for_output", label: "rajada", text: "lote 1", timeout: 60 },
    ...Array.from({ length: 20 }, (): SessionStep[] => [{ op: "interrupt" }, { op: "sleep", seconds: 0.05 }]).flat(),
    { op: "wait_reply", label: "rajada", timeout: 20 },
    { op: "sleep", seconds: 1 },
    { op: "execute", label: "saúde", code: `console.log("referência " + JSON.stringify(await reference())); probe();`, timeout: 60 },
  ];
  const report = await runKernelSession(steps, { REDES_NEURAIS_BACKEND: "tensorflow" });
  const interrupts = interruptTimes(report);
  // For a closer look at a failure: the whole session, message by message.
  const reportFile = process.env["REDES_NEURAIS_SESSION_REPORT"];
  if (reportFile !== undefined) await writeFile(reportFile, JSON.stringify(report, null, 1));

  await t.test("a sessão correu até o fim e o kernel continua vivo", () => {
    assert.equal(report.error, null);
    assert.equal(report.alive, true);
  });

  await t.test("fit: para no lote em andamento, diz onde parou na célula parada, e nada roda nem aparece depois", () => {
    const reply = cellReply(report, "fit");
    assert.equal(reply?.status, "error");
    const text = cellText(report, "fit");
    // The interrupt is sent once "época 3" is printed; a fast machine may reach epoch 4 before it lands.
    const stopped = /⏹ treino interrompido na época (\d+), lote (\d+) de 16; o modelo ficou com os pesos do último lote\./.exec(text);
    assert.ok(stopped, `linha de interrupção ausente:\n${text}`);
    assert.match(text, /Interrupted asynchronously/);
    const right = probeOf(report, "fit-logo");
    const later = probeOf(report, "fit-2s");
    const epoch = Number(stopped[1]);
    assert.ok(epoch >= 3, `interrompido na época ${epoch}, antes de a célula anunciar a época 3`);
    assert.equal(right.updates, (epoch - 1) * 16 + Number(stopped[2]), "o último lote treinado é o anunciado");
    assert.deepEqual(later, right, "nenhum lote, época ou mudança de pesos depois da interrupção");
    assert.equal(right.epochs, epoch - 1, "a época cortada não conta");
    const monitorUpdates = report.events.filter((e) => e.cell === "fit" && e.type === "update_display_data");
    assert.match(monitorUpdates[monitorUpdates.length - 1]?.text ?? "", new RegExp(`⏹ interrompido na época ${epoch}, lote \\d+$`));
    // The kernel's messages for a cell come in order on iopub, and "idle" is its last one.
    const idle = cellIdle(report, "fit");
    const iopub = report.events.filter((e) => e.cell === "fit" && e.channel === "iopub");
    assert.equal(iopub[iopub.length - 1]?.state, "idle", "nada chega à célula parada depois de o kernel ficar livre");
    assert.ok(!report.events.some((e) => (e.text ?? "").includes("fim do fit")), "o resto da célula parada não rodou");
    const toIdle = (idle ?? Infinity) - (interrupts[0] ?? 0);
    assert.ok(toIdle < 1, `kernel livre ${toIdle} s depois da interrupção`);
    t.diagnostic(`fit: kernel livre ${(toIdle * 1000).toFixed(0)} ms depois da interrupção; ${right.updates} lotes antes e 2 s depois`);
  });

  await t.test("laço escrito à mão com o monitor: para no próximo monitor.update", () => {
    assert.equal(cellReply(report, "laço")?.status, "error");
    const iopub = report.events.filter((e) => e.cell === "laço" && e.channel === "iopub");
    assert.equal(iopub[iopub.length - 1]?.state, "idle", "nada chega à célula parada depois de o kernel ficar livre");
    assert.match(cellText(report, "laço"), /⏹ treino interrompido depois da época \d+; o laço para no próximo monitor\.update/);
    const right = probeOf(report, "laço-logo");
    assert.equal(probeOf(report, "laço-1,5s").steps, right.steps, "nenhum passo depois da interrupção");
    assert.ok(!report.events.some((e) => (e.text ?? "").includes("fim do laço")));
  });

  await t.test("laço síncrono interrompido pelo tslab: o TensorFlow.js não fica dentro de um tidy pela metade", () => {
    assert.match(cellText(report, "síncrono"), /interrupted by `SIGINT`/);
    const engine = JSON.parse(cellText(report, "motor").split("\n").find((line) => line.startsWith("@"))?.slice(1) ?? "null") as { scopes: number; kernelDepth: number; tensors: number; gradient: number[] };
    assert.deepEqual({ scopes: engine.scopes, kernelDepth: engine.kernelDepth, gradient: engine.gradient }, { scopes: 0, kernelDepth: 0, gradient: [2, 4] });
    assert.equal(engine.tensors, probeOf(report, "laço-1,5s").tensors, "nada sobrou do laço interrompido");
  });

  await t.test("cinco interrupções seguidas: cada célula seguinte roda logo, sem tensores a mais", () => {
    const after = [1, 2, 3, 4, 5].map((i) => {
      assert.equal(cellReply(report, `seguida${i}`)?.status, "error");
      const stopped = /⏹ treino interrompido na época (\d+), lote (\d+) de 16/.exec(cellText(report, `seguida${i}`));
      assert.ok(stopped, cellText(report, `seguida${i}`));
      assert.equal(cellReply(report, `seguida${i}-depois`)?.status, "ok");
      const probe = probeOf(report, `seguida${i}-depois`);
      assert.equal(probe.updates, (Number(stopped[1]) - 1) * 16 + Number(stopped[2]), "o último lote treinado é o anunciado");
      return probe.tensors;
    });
    // Each stopped cell keeps its model (2 kernels, 2 biases) and Adam's state (4 + 4 + 2 scalars).
    const perModel = (after[1] ?? 0) - (after[0] ?? 0);
    assert.ok(after.every((count, i) => count === (after[0] ?? 0) + i * perModel), `tensores: ${after.join(", ")}`);
  });

  await t.test("uma rajada de 20 SIGINTs durante operações nativas não derruba o kernel nem muda as contas", () => {
    assert.equal(cellReply(report, "rajada")?.status, "error");
    assert.equal(cellReply(report, "saúde")?.status, "ok");
    const reference = (label: string) => /referência (\[.*\])/.exec(cellText(report, label))?.[1];
    assert.ok(reference("setup"));
    assert.equal(reference("saúde"), reference("setup"), "o mesmo treino semeado dá as mesmas perdas antes e depois");
  });
});

test("no backend cpu (JavaScript puro) o botão de parar também para o fit", { timeout: 5 * 60_000 }, async () => {
  const report = await runKernelSession(
    [
      { op: "execute", label: "setup", code: setup, timeout: 120 },
      { op: "execute", label: "fit", code: fitCell("época 3"), wait: false },
      { op: "wait_for_output", label: "fit", text: "época 3", timeout: 120 },
      { op: "interrupt" },
      { op: "wait_reply", label: "fit", timeout: 20 },
      { op: "sleep", seconds: 0.3 },
      { op: "execute", label: "fit-logo", code: "probe(g.model); console.log(tf.getBackend())", timeout: 20 },
      { op: "sleep", seconds: 2 },
      { op: "execute", label: "fit-2s", code: "probe(g.model)", timeout: 20 },
    ],
    { REDES_NEURAIS_BACKEND: "cpu" },
  );
  assert.equal(report.error, null);
  assert.match(cellText(report, "fit-logo"), /\ncpu\n/);
  const stopped = /⏹ treino interrompido na época (\d+), lote (\d+) de 16/.exec(cellText(report, "fit"));
  assert.ok(stopped, cellText(report, "fit"));
  assert.ok(Number(stopped[1]) >= 3, cellText(report, "fit"));
  assert.equal(probeOf(report, "fit-logo").updates, (Number(stopped[1]) - 1) * 16 + Number(stopped[2]), "o último lote treinado é o anunciado");
  assert.deepEqual(probeOf(report, "fit-2s"), probeOf(report, "fit-logo"));
  assert.ok(!report.events.some((e) => (e.text ?? "").includes("fim do fit")));
});
