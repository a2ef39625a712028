/**
 * The binding's signal guard (`SignalsDeferred` in ./course_extensions.cc) under fire: a
 * child Node process with JavaScript listeners for SIGINT (Jupyter's stop button), SIGUSR2 and
 * SIGALRM runs TensorFlow's `MatMul` on the MLP's shapes in a loop — forward product and both
 * gradient products, i.e. with transpose_a and transpose_b — and checks every result against
 * the one computed before the first signal, while this process sends it a signal about every
 * millisecond.
 *
 * With the guard, the child receives thousands of signals and every product is exact. With the
 * guard turned off (the binding's test hook REDES_NEURAIS_TESTE_SINAIS_NAO_ADIADOS=1), the same
 * loop corrupts TensorFlow 2.21's heap: glibc aborts the child ("corrupted size vs. prev_size",
 * the crash that kept 2-D products off `MatMul`: lib/src/backend/speedups/install-speedups.ts).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, test } from "node:test";

const projectRoot = path.resolve(__dirname, "..", "..", "..");
const SIGNALS = ["SIGINT", "SIGUSR2", "SIGALRM"] as const;

/** The child: `MatMul` in a loop for `seconds`, yielding to the event loop so that listeners run. */
const CHILD = `
const tf = require("@tensorflow/tfjs-node");
const received = { SIGINT: 0, SIGUSR2: 0, SIGALRM: 0 };
for (const name of Object.keys(received)) process.on(name, () => { received[name] += 1; });
const backend = tf.backend();
const { TF_ATTR_TYPE, TF_ATTR_BOOL, TF_FLOAT } = backend.binding;
const matMul = (a, b, transposeA, transposeB) => backend.executeSingleOutput("MatMul", [
  { name: "T", type: TF_ATTR_TYPE, value: TF_FLOAT },
  { name: "transpose_a", type: TF_ATTR_BOOL, value: transposeA },
  { name: "transpose_b", type: TF_ATTR_BOOL, value: transposeB },
], [a, b]);
// The first layer of the MLP 784-128-64-10 on a batch of 128: x·W, then the two gradient
// products dy·Wᵀ and xᵀ·dy.
const x = tf.randomNormal([128, 784], 0, 1, "float32", 1);
const w = tf.randomNormal([784, 128], 0, 1, "float32", 2);
const dy = tf.randomNormal([128, 128], 0, 1, "float32", 3);
const cases = [[x, w, false, false], [dy, w, false, true], [x, dy, true, false]].map((operands) => {
  const product = matMul(...operands);
  const reference = product.dataSync().slice();
  product.dispose();
  return { operands, reference };
});
let products = 0;
let wrong = 0;
const end = Date.now() + Number(process.argv[1]) * 1000;
process.stdout.write("pronto\\n");
(async () => {
  while (Date.now() < end) {
    for (let i = 0; i < 10; i++) {
      for (const { operands, reference } of cases) {
        const product = matMul(...operands);
        const values = product.dataSync();
        product.dispose();
        products += 1;
        if (values.length !== reference.length || values.some((value, k) => value !== reference[k])) wrong += 1;
      }
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  process.stdout.write(JSON.stringify({ products, wrong, received }) + "\\n");
})();
`;

interface ChildReport {
  readonly products: number;
  readonly wrong: number;
  readonly received: Record<(typeof SIGNALS)[number], number>;
}

interface ChildOutcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly sent: number;
  readonly report: ChildReport | null;
  /** Killed 15 s after it should have ended (a deadlock also counts as broken). */
  readonly hung: boolean;
}

/** Runs the child for `seconds` while sending it SIGINT, SIGUSR2 and SIGALRM in turn, one per millisecond. */
function productsUnderSignals(seconds: number, env: NodeJS.ProcessEnv = {}): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", CHILD, String(seconds)], {
      cwd: projectRoot,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: "2", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let sent = 0;
    let sender: NodeJS.Timeout | undefined;
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      child.kill("SIGKILL");
    }, (seconds + 15) * 1000);
    const stopSending = () => clearInterval(sender);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (sender === undefined && stdout.includes("pronto\n")) {
        // The listeners are installed and the references computed: signals from now on.
        sender = setInterval(() => {
          const name = SIGNALS[sent % SIGNALS.length] ?? "SIGINT";
          if (child.exitCode === null && child.signalCode === null && child.kill(name)) sent += 1;
        }, 1);
      }
      if (stdout.trimEnd().endsWith("}")) stopSending();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => {
      stopSending();
      clearTimeout(watchdog);
      reject(error);
    });
    child.on("close", (code, signal) => {
      stopSending();
      clearTimeout(watchdog);
      const last = stdout.trim().split("\n").pop() ?? "";
      const report = last.startsWith("{") ? (JSON.parse(last) as ChildReport) : null;
      resolve({ code, signal, stderr, sent, report, hung });
    });
  });
}

describe("SignalsDeferred: TensorFlow's MatMul while the process receives signals", () => {
  test("with the guard, thousands of signals reach the JavaScript listeners and every product is exact", async (t) => {
    const outcome = await productsUnderSignals(5);
    t.diagnostic(`${outcome.sent} sinais enviados; relatório do filho: ${JSON.stringify(outcome.report)}`);
    assert.equal(outcome.code, 0, `o processo filho terminou com ${outcome.code ?? outcome.signal}:\n${outcome.stderr}`);
    const report = outcome.report;
    assert.ok(report !== null, `o processo filho não mandou o relatório:\n${outcome.stderr}`);
    assert.ok(report.products >= 300, `só ${report.products} produtos em 5 s`);
    assert.equal(report.wrong, 0, `${report.wrong} de ${report.products} produtos diferentes da referência`);
    const total = SIGNALS.reduce((sum, name) => sum + report.received[name], 0);
    assert.ok(outcome.sent >= 2000, `só ${outcome.sent} sinais enviados em 5 s`);
    // Signals of one kind that arrive while the same kind is pending are merged: most, not all, arrive.
    assert.ok(total >= 0.5 * outcome.sent, `${total} sinais recebidos de ${outcome.sent} enviados`);
    for (const name of SIGNALS) assert.ok(report.received[name] >= 500, `${name}: só ${report.received[name]} recebidos`);
  });

  test("without it (the binding's test hook), the same loop crashes TensorFlow or gets products wrong", async (t) => {
    const outcome = await productsUnderSignals(8, { REDES_NEURAIS_TESTE_SINAIS_NAO_ADIADOS: "1" });
    const lastError = outcome.stderr.trim().split("\n").pop() ?? "";
    t.diagnostic(`${outcome.sent} sinais enviados; fim: ${outcome.signal ?? outcome.code}${outcome.hung ? " (travado)" : ""}; ${lastError}`);
    // An exit code (not a signal) would be an exception in the child's script, not TensorFlow.
    assert.ok(outcome.code === 0 || outcome.code === null, `o script do filho falhou:\n${outcome.stderr}`);
    const broken = outcome.signal !== null || outcome.hung || (outcome.report?.wrong ?? 0) > 0;
    assert.ok(broken, `sem a guarda o laço passou: ${JSON.stringify(outcome.report)}, ${outcome.sent} sinais enviados`);
  });
});
