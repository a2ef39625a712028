/**
 * The run-time half of the grader's defences (the static half is
 * tools/grading/student-code-rules.ts): cells the grader adds to the notebook it runs,
 * written before any student code can run, invisible to the student's code (it may not
 * name them) and never scored.
 * - First cell: the guard itself, holding its own copies of `Object.freeze`,
 *   `Reflect.apply`… taken before any student cell runs.
 * - After each locked instructor cell: its data (arrays, plain objects) frozen, deep; the
 *   assertion module frozen with its functions. Student code cannot mutate them.
 * - Before each test cell: the functions the student was asked for are wrapped, so that
 *   a test's call hands them a deep copy of its arrays and objects: whatever the
 *   student's code does to its arguments, the test's own data stay as the test made them.
 *   (Calls between the student's own functions pass through unchanged.)
 */
import * as ts from "@tslab/typescript-for-tslab";
import type { Notebook, NotebookCell } from "../notebooks/notebook-format";
import { textOf } from "../notebooks/notebook-format";
import { isAutogradedTest, isSolution, nbgraderOf } from "./nbgrader-cells";

/** The guard's only top-level name. tslab mangles names that start with "__": none here. */
const guardName = "correcaoProtecao";

/** `metadata.correcao` of the cells the grader adds. */
const internalCellMarker = "interna";

export function isInternalCell(cell: NotebookCell): boolean {
  return cell.metadata?.["correcao"] === internalCellMarker;
}

const guardSource = `const ${guardName} = (() => {
  const { freeze, getPrototypeOf, keys, isFrozen } = Object;
  const objectPrototype = Object.prototype;
  const { isArray } = Array;
  const apply = Reflect.apply;
  const functionToString = Function.prototype.toString;
  const wrapped = new WeakSet<object>();
  let depth = 0;
  const isPlain = (value: object): boolean => {
    if (isArray(value)) return true;
    const prototype = getPrototypeOf(value);
    return prototype === objectPrototype || prototype === null;
  };
  const copy = (value: unknown, seen: Map<object, unknown>): unknown => {
    if (typeof value !== "object" || value === null || !isPlain(value)) return value;
    const known = seen.get(value);
    if (known !== undefined) return known;
    if (isArray(value)) {
      const result: unknown[] = [];
      seen.set(value, result);
      for (let i = 0; i < value.length; i++) result[i] = copy(value[i], seen);
      return result;
    }
    const result: Record<string, unknown> = {};
    seen.set(value, result);
    for (const key of keys(value)) result[key] = copy((value as Record<string, unknown>)[key], seen);
    return result;
  };
  const freezeData = (value: unknown): void => {
    if (typeof value !== "object" || value === null || !isPlain(value) || isFrozen(value)) return;
    freeze(value);
    for (const key of keys(value)) freezeData((value as Record<string, unknown>)[key]);
  };
  const freezeModule = (value: unknown): void => {
    if ((typeof value !== "object" && typeof value !== "function") || value === null || isFrozen(value)) return;
    freeze(value);
    for (const key of keys(value)) freezeModule((value as Record<string, unknown>)[key]);
  };
  const protect = <F,>(fn: F): F => {
    if (typeof fn !== "function" || wrapped.has(fn)) return fn;
    if (/^class[\\s{]/.test(apply(functionToString, fn, []) as string)) return fn;
    const original = fn as unknown as (...args: unknown[]) => unknown;
    const guarded = function (this: unknown, ...args: unknown[]): unknown {
      if (depth > 0) return apply(original, this, args);
      depth++;
      try {
        const seen = new Map<object, unknown>();
        return apply(original, this, args.map((arg) => copy(arg, seen)));
      } finally {
        depth--;
      }
    };
    wrapped.add(guarded);
    return guarded as unknown as F;
  };
  return freeze({ protect, freezeData, freezeModule });
})();`;

function internalCell(source: string): NotebookCell {
  return { cell_type: "code", metadata: { correcao: internalCellMarker }, source, outputs: [], execution_count: null };
}

interface TopLevel {
  variables: string[];
  functions: string[];
  assertionImports: string[];
}

function topLevelOf(source: string): TopLevel {
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const result: TopLevel = { variables: [], functions: [], assertionImports: [] };
  const addBinding = (name: ts.BindingName, into: string[]): void => {
    if (ts.isIdentifier(name)) into.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name, into);
  };
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const initializer = declaration.initializer;
        const isFunction = initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer));
        addBinding(declaration.name, isFunction ? result.functions : result.variables);
      }
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      result.functions.push(statement.name.text);
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && /^(node:)?assert(\/strict)?$/.test(statement.moduleSpecifier.text)) {
      const clause = statement.importClause;
      if (clause?.name) result.assertionImports.push(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) result.assertionImports.push(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) result.assertionImports.push(element.name.text);
    }
  }
  return result;
}

/** One statement per name, each on its own line so that `@ts-ignore` covers it; a name absent at run time is skipped. */
function perName(names: readonly string[], call: (name: string) => string): string {
  return names.map((name) => `// @ts-ignore\ntry { ${call(name)}; } catch {}`).join("\n");
}

/**
 * The notebook to run: `graded` (assembled from the source, tools/grading/assemble-submission.ts)
 * with the guard's cells added. `source` says which functions the student must write.
 */
export function withGradingGuard(graded: Notebook, source: Notebook): Notebook {
  const studentFunctions = [...new Set(source.cells.filter(isSolution).flatMap((cell) => topLevelOf(textOf(cell.source)).functions))];
  const cells: NotebookCell[] = [internalCell(guardSource)];
  for (const cell of graded.cells) {
    const instructorCode = cell.cell_type === "code" && nbgraderOf(cell) !== undefined && !isSolution(cell) && !isInternalCell(cell);
    if (instructorCode && isAutogradedTest(cell) && studentFunctions.length > 0) {
      cells.push(internalCell(perName(studentFunctions, (name) => `${name} = ${guardName}.protect(${name})`)));
    }
    cells.push(cell);
    if (instructorCode && !isAutogradedTest(cell)) {
      const top = topLevelOf(textOf(cell.source));
      const freezing = [
        perName(top.assertionImports, (name) => `${guardName}.freezeModule(${name})`),
        perName(top.variables, (name) => `${guardName}.freezeData(${name})`),
      ].filter((part) => part !== "");
      if (freezing.length > 0) cells.push(internalCell(freezing.join("\n")));
    }
  }
  cells.forEach((cell, index) => {
    cell.id = `graded-${index}`;
  });
  return { ...graded, cells };
}
