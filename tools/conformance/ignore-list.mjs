// @ts-check
/**
 * Upstream's list of specs that tfjs-node does not run (`IGNORE_LIST` in
 * `@tensorflow/tfjs-node/dist/run_tests.js`), read from the installed package so it
 * always matches the installed version. A spec is skipped when its full name contains an
 * entry (upstream's `indexOf` rule).
 */
import vm from "node:vm";

/**
 * Extracts the `IGNORE_LIST` array literal from the source of tfjs-node's run_tests.js.
 *
 * @param {string} source
 * @returns {string[]}
 * @throws {Error} When the source has no such list (a new tfjs-node version changed it).
 */
export function parseUpstreamIgnoreList(source) {
  const match = /\bIGNORE_LIST\s*=\s*(\[[\s\S]*?\n\s*\]);/.exec(source);
  if (!match || !match[1]) {
    throw new Error(
      "não achei o IGNORE_LIST em @tensorflow/tfjs-node/dist/run_tests.js: a versão instalada do tfjs-node mudou o arquivo; " +
        "atualize tools/conformance/ignore-list.mjs",
    );
  }
  const list = vm.runInNewContext(match[1], {}, { timeout: 1000 });
  if (!Array.isArray(list) || list.some((entry) => typeof entry !== "string")) {
    throw new Error("o IGNORE_LIST de run_tests.js não é uma lista de textos");
  }
  // A copy made in this realm: the array from the vm context has another Array prototype.
  return [.../** @type {string[]} */ (list)];
}

/**
 * Tells whether upstream ignores a spec: its full name contains one of the entries.
 * @param {string} fullName
 * @param {readonly string[]} ignoreList
 */
export function isIgnored(fullName, ignoreList) {
  return ignoreList.some((entry) => fullName.includes(entry));
}
