// @ts-check
/**
 * TensorFlow.js ships its core op suite (`@tensorflow/tfjs-core/dist/tests.js` and the
 * `*_test.js` files it imports) as ES modules with extensionless imports (`import
 * './ops/abs_test'`), which plain `node` cannot load. Upstream runs them through ts-node;
 * here a `require` hook transpiles each such file to CommonJS with esbuild when it is
 * loaded, so `require` resolves the extensionless paths as usual.
 *
 * Both copies of tfjs-core then live in one process: the CommonJS bundle
 * `dist/tf-core.node.js` (what tfjs-node and `@tensorflow/tfjs` import) and the
 * transpiled `dist/index.js` (what the test files import). tfjs-core keeps its engine in a
 * process-wide global, so both share one engine; `engine-spec.mjs` checks that.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";
import { transformSync, version as esbuildVersion } from "esbuild";
import { writeFileAtomicallySync } from "@redes-neurais/lib/ferramentas";

/** A top-level `import …`/`export …` statement: the file is an ES module. */
const moduleSyntax = /^\s*(?:import\s*[\w{*'"]|export\s+(?:[\w{*]|default\b))/m;

/**
 * Tells whether a JavaScript source is an ES module (has a top-level import or export).
 * @param {string} source
 */
export function isEsModuleSource(source) {
  return moduleSyntax.test(source);
}

/**
 * The CommonJS version of an ES module source.
 * @param {string} source
 * @param {string} filename For error messages and source maps.
 */
function toCommonJs(source, filename) {
  return transformSync(source, { format: "cjs", loader: "js", target: "node20", sourcefile: filename }).code;
}

/**
 * The CommonJS version of an ES module source, from `cacheDir` when an earlier run made
 * it (keyed by the source's content and esbuild's version), else transpiled and stored
 * there. esbuild answers each call through its service process: ~900 calls cost seconds,
 * reading the cache costs milliseconds.
 *
 * @param {string} source
 * @param {string} filename
 * @param {string | undefined} cacheDir
 */
export function toCommonJsCached(source, filename, cacheDir) {
  if (!cacheDir) return toCommonJs(source, filename);
  const key = createHash("sha256").update(esbuildVersion).update("\0").update(filename).update("\0").update(source).digest("hex");
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, "utf8");
  } catch {
    const code = toCommonJs(source, filename);
    writeFileAtomicallySync(cached, code);
    return code;
  }
}

/**
 * Makes `require` load the ES-module `.js` files found under `roots` (absolute folder
 * paths ending in a path separator) as CommonJS. Other files load unchanged.
 *
 * @param {string[]} roots
 * @param {{ cacheDir?: string }} [options] where to keep transpiled files between runs.
 * @returns {{ transpiled: () => number, uninstall: () => void }} how many files were
 *   transpiled so far, and a way to restore the previous loader.
 */
export function installEsmToCjsHook(roots, options = {}) {
  /** @type {Record<string, (module: any, filename: string) => void>} */
  const extensions = /** @type {any} */ (Module)._extensions;
  const previous = extensions[".js"];
  if (!previous) throw new Error("Node's CommonJS loader has no .js handler");
  let count = 0;
  extensions[".js"] = function (module, filename) {
    if (roots.some((root) => filename.startsWith(root))) {
      const source = fs.readFileSync(filename, "utf8");
      if (isEsModuleSource(source)) {
        count += 1;
        module._compile(toCommonJsCached(source, filename, options.cacheDir), filename);
        return;
      }
    }
    previous(module, filename);
  };
  return {
    transpiled: () => count,
    uninstall: () => {
      extensions[".js"] = previous;
    },
  };
}
