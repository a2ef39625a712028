import assert from "node:assert/strict";
import { describe, test } from "node:test";
import util from "node:util";
import { installNodeCompat, REMOVED_NODE_APIS } from "./node-compat";
import { runSnippet } from "../test-support/run-snippet";

/**
 * Code run before anything else in a child process: takes the `util.is*` predicates away,
 * as Node 23 and later have them (the machine running the tests may be older).
 */
const removeUtilPredicates = `
  const util = require("node:util");
  for (const name of ${JSON.stringify(REMOVED_NODE_APIS["util"]!.covered.filter((name) => name !== "isArray"))}) delete util[name];
`;

/** A training step and a top-k: both reach tfjs-node's calls of `util.isNullOrUndefined`. */
const trainAndTopK = `
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
  model.compile({ optimizer: "sgd", loss: "meanSquaredError" });
  model.fit(tf.ones([4, 2]), tf.zeros([4, 1]), { epochs: 1, verbose: 0 })
    .then(() => { tf.topk(tf.tensor1d([3, 1, 2]), 2); process.stdout.write("treinou"); })
    .catch((error) => { process.stdout.write("erro: " + error.message); });
`;

describe("the compatibility layer with current Node.js (node-compat.ts)", () => {
  test("defines every missing util.is* predicate with Node 20's semantics and replaces the deprecated isArray", () => {
    const bare: Record<string, unknown> = {};
    const changed = installNodeCompat(bare);
    assert.deepEqual([...changed].sort(), [...REMOVED_NODE_APIS["util"]!.covered].sort());
    const call = (name: string, value: unknown) => (bare[name] as (value: unknown) => boolean)(value);
    assert.equal(call("isNullOrUndefined", null), true);
    assert.equal(call("isNullOrUndefined", undefined), true);
    assert.equal(call("isNullOrUndefined", 0), false);
    assert.equal(call("isNullOrUndefined", ""), false);
    assert.equal(call("isPrimitive", Symbol("s")), true);
    assert.equal(call("isPrimitive", () => 1), false);
    assert.equal(call("isObject", null), false);
    assert.equal(call("isError", new TypeError("x")), true);
    assert.equal(call("isRegExp", /a/), true);
    assert.equal(call("isDate", new Date(0)), true);
    assert.equal(call("isBuffer", Buffer.from("a")), true);
    assert.equal(bare["isArray"], Array.isArray);
    assert.deepEqual(installNodeCompat(bare), [], "a second call changes nothing");
  });

  test("is in force once the library has loaded: util has the predicates and isArray warns no more", () => {
    require("../tf");
    for (const name of REMOVED_NODE_APIS["util"]!.covered) {
      assert.equal(typeof (util as unknown as Record<string, unknown>)[name], "function", `util.${name}`);
    }
    assert.equal((util as unknown as Record<string, unknown>)["isArray"], Array.isArray);
  });

  test("without it, tfjs-node cannot train on a Node without util.isNullOrUndefined; with the library it can", async () => {
    const bare = await runSnippet(`${removeUtilPredicates} const tf = require("@tensorflow/tfjs-node"); ${trainAndTopK}`);
    assert.match(bare.stdout, /erro: .*isNullOrUndefined\)? is not a function/, `${bare.stdout}\n${bare.stderr}`);
    const course = await runSnippet(`${removeUtilPredicates} const tf = require("./tf"); ${trainAndTopK}`);
    assert.equal(course.code, 0, course.stderr);
    assert.match(course.stdout, /treinou$/, course.stderr);
  });

  test("Node prints no deprecation or other warning while the library loads, trains and reads data", async () => {
    const result = await runSnippet(
      `const lib = require("./index"); const tf = lib.tf; lib.readStarGalaxyCatalogue(); const dfd = lib.danfo(); new dfd.DataFrame([{ a: 1 }]).describe(); ${trainAndTopK}`,
    );
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /treinou$/);
    // Node's own warnings, e.g. "(node:123) [DEP0051] DeprecationWarning: …"; TensorFlow's C++ log lines are not Node's.
    assert.doesNotMatch(result.stderr, /\(node:\d+\) (\[\w+\] )?\w*Warning/, `Node ${process.version}:\n${result.stderr}`);
  });
});
