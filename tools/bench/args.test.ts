import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseBenchArgs } from "./args";
import { BenchArgumentError } from "./bench-errors";

describe("npm run bench arguments", () => {
  test("default to 5 repetitions, every peer, notebooks and handouts", () => {
    const options = parseBenchArgs([]);
    assert.equal(options.repetitions, 5);
    assert.deepEqual(options.peers, ["tfjs-node", "tfjs-node-publicado", "tfjs-cpu", "keras", "pytorch"]);
    assert.equal(options.handouts, true);
    assert.equal(options.notebooks, true);
    assert.equal(options.quick, false);
  });

  test("--rapido leaves the handouts out; --sem-apostilas and --sem-notebooks too", () => {
    assert.equal(parseBenchArgs(["--rapido"]).handouts, false);
    assert.equal(parseBenchArgs(["--sem-apostilas"]).handouts, false);
    assert.equal(parseBenchArgs(["--sem-notebooks"]).notebooks, false);
  });

  test("--repeticoes, --pares (in the suite's order), --saida and --comparar", () => {
    const options = parseBenchArgs(["--repeticoes", "3", "--pares", "pytorch,tfjs-node", "--saida", "x", "--comparar=antes.json"]);
    assert.equal(options.repetitions, 3);
    assert.deepEqual(options.peers, ["tfjs-node", "pytorch"]);
    assert.equal(options.outputDir, "x");
    assert.equal(options.compareWith, "antes.json");
  });

  test("bad values say what was expected, what arrived and show the usage", () => {
    assert.throws(() => parseBenchArgs(["--repeticoes", "0"]), /--repeticoes espera um inteiro ≥ 1 .*veio "0"[\s\S]*Uso: npm run bench/);
    assert.throws(() => parseBenchArgs(["--repeticoes", "2.5"]), /veio "2.5"/);
    assert.throws(() => parseBenchArgs(["--pares", "jax"]), /--pares espera nomes entre tfjs-node, tfjs-node-publicado, tfjs-cpu, keras, pytorch.*veio "jax"/);
    assert.throws(() => parseBenchArgs(["--comparar", "antes.md"]), /--comparar espera o \.json/);
    assert.throws(() => parseBenchArgs(["--repetições", "3"]), BenchArgumentError);
    assert.throws(() => parseBenchArgs(["extra"]), /Argumento não reconhecido/);
  });
});
