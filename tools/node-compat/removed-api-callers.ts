/**
 * Finds, in an installed dependency tree, the files that call Node APIs which a supported
 * Node.js version has removed or deprecated at run time (the list lives with the course's
 * compatibility layer, lib/src/backend/node-compat.ts). It reads the code as text: a module
 * bound by `require("util")` / `require("node:util")` (also through TypeScript's
 * `__importStar`/`__importDefault` helpers) or `import * as x from "util"`, then looks for
 * `x.name`, `require("util").name`, destructuring and named imports of a listed name.
 * Test files and TypeScript's own library (which runs no code of ours) are skipped.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface RemovedApiCaller {
  /** The file, relative to the scanned folder. */
  file: string;
  /** The package that owns the file (scoped names kept whole), e.g. `@tensorflow/tfjs-node`. */
  packageName: string;
  /** `module.name`, e.g. `util.isNullOrUndefined`. */
  api: string;
}

const skippedFolders = new Set(["test", "tests", "__tests__", "spec", "examples", "example", "docs"]);

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The package a path inside node_modules belongs to (the innermost `node_modules/<name>`). */
export function packageOf(relativeFile: string): string {
  const parts = relativeFile.split(path.sep);
  const last = parts.lastIndexOf("node_modules");
  const start = last + 1;
  const first = parts[start] ?? "";
  return first.startsWith("@") ? `${first}/${parts[start + 1] ?? ""}` : first;
}

/** The listed APIs one JavaScript source calls, as `module.name`. */
export function removedApisInSource(source: string, apis: Readonly<Record<string, { readonly names: readonly string[] }>>): string[] {
  const found = new Set<string>();
  for (const [moduleName, { names }] of Object.entries(apis)) {
    if (!source.includes(`${moduleName}"`) && !source.includes(`${moduleName}'`)) continue;
    const specifier = `["'](?:node:)?${escapeForRegExp(moduleName)}["']`;
    if (!new RegExp(`(?:require\\(|from\\s*)${specifier}`).test(source)) continue;
    const bindings = new Set<string>();
    const requireBinding = new RegExp(
      `(?:var|let|const|,)\\s*([\\w$]+)\\s*=\\s*(?:__importStar\\(|__importDefault\\(|_interopRequireWildcard\\(|_interopRequireDefault\\()?require\\(${specifier}\\)`,
      "g",
    );
    const importBinding = new RegExp(`import\\s+(?:\\*\\s+as\\s+)?([\\w$]+)\\s+from\\s+${specifier}`, "g");
    for (const pattern of [requireBinding, importBinding]) {
      for (const match of source.matchAll(pattern)) if (match[1]) bindings.add(match[1]);
    }
    for (const name of names) {
      if (!source.includes(name)) continue;
      const member = `\\.(?:default\\.)?${escapeForRegExp(name)}\\b`;
      const viaBinding = [...bindings].some((binding) => new RegExp(`(?<![\\w$.])${escapeForRegExp(binding)}${member}`).test(source));
      const direct = new RegExp(`require\\(${specifier}\\)${member}`).test(source);
      const destructured = new RegExp(`\\{[^{}]*\\b${escapeForRegExp(name)}\\b[^{}]*\\}\\s*=\\s*require\\(${specifier}\\)`).test(source);
      const named = new RegExp(`import\\s*\\{[^{}]*\\b${escapeForRegExp(name)}\\b[^{}]*\\}\\s*from\\s*${specifier}`).test(source);
      if (viaBinding || direct || destructured || named) found.add(`${moduleName}.${name}`);
    }
  }
  return [...found].sort();
}

/** Every `.js`/`.cjs`/`.mjs` file under `folder` that calls one of `apis`. */
export function findRemovedApiCallers(
  folder: string,
  apis: Readonly<Record<string, { readonly names: readonly string[] }>>,
): RemovedApiCaller[] {
  const callers: RemovedApiCaller[] = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!skippedFolders.has(entry.name) && !(entry.name === "typescript" && path.basename(dir) === "node_modules")) visit(full);
      } else if (entry.isFile() && /\.[cm]?js$/.test(entry.name) && !/[._-](test|spec)\.[cm]?js$/.test(entry.name)) {
        const relative = path.relative(folder, full);
        for (const api of removedApisInSource(readFileSync(full, "utf8"), apis)) {
          callers.push({ file: relative, packageName: packageOf(path.join("node_modules", relative)), api });
        }
      }
    }
  };
  visit(folder);
  return callers.sort((a, b) => a.file.localeCompare(b.file) || a.api.localeCompare(b.api));
}
