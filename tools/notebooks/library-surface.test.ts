/**
 * The library's public entry (lib/src/index.ts) against its users: every name a notebook
 * or an assignment imports is exported by it, as a value or a type as the import needs;
 * notebooks and assignments import nothing else from the library; tools reach it only
 * through its two package entries (lib/package.json "exports"), never by a path into
 * lib/src or lib/dist.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import ts from "typescript";
import { paths, projectRoot } from "../project.mjs";
import { readNotebook, textOf } from "./notebook-format";

const libraryName = "@redes-neurais/lib";

/** Files under `folder` (recursively) whose name passes `keep`, skipping node_modules. */
function filesUnder(folder: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, keep));
    else if (keep(entry.name)) found.push(full);
  }
  return found.sort();
}

interface LibraryImport {
  where: string;
  module: string;
  name: string;
  typeOnly: boolean;
}

/** The library imports of one cell's code, read with the TypeScript parser. */
function libraryImportsOf(code: string, where: string): LibraryImport[] {
  const source = ts.createSourceFile("cell.ts", code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const found: LibraryImport[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const module = statement.moduleSpecifier.text;
    if (!module.startsWith(libraryName)) continue;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) {
      found.push({ where, module, name: "*", typeOnly: false });
      continue;
    }
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      found.push({ where, module, name, typeOnly: clause?.isTypeOnly === true || element.isTypeOnly });
    }
  }
  return found;
}

async function notebookImports(): Promise<LibraryImport[]> {
  const notebooks = [
    ...filesUnder(paths.notebooks, (name) => /^\d\d_.*\.ipynb$/.test(name)),
    ...filesUnder(path.join(projectRoot, "assignments"), (name) => name.endsWith(".ipynb")),
  ];
  assert.ok(notebooks.length >= 12, `esperava os notebooks do curso e as tarefas; achei ${notebooks.length}`);
  const found: LibraryImport[] = [];
  for (const file of notebooks) {
    const notebook = await readNotebook(file);
    notebook.cells.forEach((cell, index) => {
      if (cell.cell_type === "code") found.push(...libraryImportsOf(textOf(cell.source), `${path.relative(projectRoot, file)}, célula ${index + 1}`));
    });
  }
  return found;
}

/** The public entry's exports, as its built declarations give them (no TensorFlow.js loaded). */
function publicExports(): Map<string, { value: boolean; type: boolean }> {
  const entry = createRequire(path.join(projectRoot, "package.json")).resolve(libraryName).replace(/\.js$/, ".d.ts");
  const program = ts.createProgram([entry], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile(entry);
  assert.ok(file, `${entry} não existe: rode npm run setup`);
  const module = checker.getSymbolAtLocation(file);
  assert.ok(module, `${entry} não é um módulo`);
  const exports = new Map<string, { value: boolean; type: boolean }>();
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    exports.set(symbol.name, { value: (target.flags & ts.SymbolFlags.Value) !== 0, type: (target.flags & (ts.SymbolFlags.Type | ts.SymbolFlags.Namespace)) !== 0 });
  }
  return exports;
}

describe("the library's public entry and its users", () => {
  test("every name a notebook or an assignment imports is exported by it, as a value or a type as the import needs", async () => {
    const imports = await notebookImports();
    assert.ok(imports.length > 100, `poucos imports achados (${imports.length}): a leitura das células quebrou?`);
    const exports = publicExports();
    const problems: string[] = [];
    for (const { where, module, name, typeOnly } of imports) {
      if (module !== libraryName) problems.push(`${where}: importa de "${module}"; notebooks e tarefas importam só de "${libraryName}"`);
      else if (name === "*") problems.push(`${where}: importa o módulo inteiro; importe os nomes que usa`);
      else if (!exports.has(name)) problems.push(`${where}: "${name}" não é exportado por ${libraryName} (lib/src/index.ts)`);
      else if (!typeOnly && exports.get(name)?.value !== true) problems.push(`${where}: "${name}" é só um tipo; importe-o com import type`);
    }
    assert.deepEqual(problems, []);
  });

  test("tools reach the library only through its package entries, never by a path into lib/src or lib/dist", () => {
    const self = path.relative(projectRoot, __filename);
    const specifier = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bload\s*\(\s*)["']([^"']+)["']/g;
    const problems: string[] = [];
    for (const file of filesUnder(path.join(projectRoot, "tools"), (name) => /\.(ts|mjs)$/.test(name))) {
      const relative = path.relative(projectRoot, file);
      if (relative === self) continue;
      const text = readFileSync(file, "utf8");
      for (const [, module = ""] of text.matchAll(specifier)) {
        const deepIntoPackage = module.startsWith(`${libraryName}/`) && module !== `${libraryName}/ferramentas`;
        // The set-up runs before npm links the package and before lib/dist exists: it loads the one
        // atomic write (plain JavaScript, lib/src/files/replace-file-atomically.js) by its path.
        const setUpBeforeInstall = (relative === path.join("tools", "setup.mjs") || relative.startsWith(`tools${path.sep}setup${path.sep}`)) && /(^|\/)lib\/src\/files\/replace-file-atomically\.js$/.test(module);
        if (setUpBeforeInstall) continue;
        if (deepIntoPackage || /(^|\/)lib\/(src|dist)(\/|$)/.test(module)) problems.push(`${relative}: "${module}"`);
      }
      // Only the setup step that builds lib/dist names it (tools/setup/steps/library.mjs).
      if (!relative.startsWith(`tools${path.sep}setup${path.sep}`) && /paths\.lib,\s*["']dist["']/.test(text)) problems.push(`${relative}: path.join(paths.lib, "dist", …)`);
    }
    assert.deepEqual(problems, [], `use "${libraryName}" ou "${libraryName}/ferramentas" (lib/package.json "exports")`);
  });

  test("Node refuses paths into the package that its exports map does not list", () => {
    const load = createRequire(path.join(projectRoot, "package.json"));
    assert.match(load.resolve(libraryName), /lib[\\/]dist[\\/]index\.js$/);
    assert.match(load.resolve(`${libraryName}/ferramentas`), /lib[\\/]dist[\\/]tools-entry\.js$/);
    assert.throws(() => load.resolve(`${libraryName}/dist/plot/plotly-bundle`), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });
});
