/**
 * What a student's cell may do, checked before grading with the TypeScript compiler
 * (the same TypeScript as the tslab kernel, tslab's own package), type-aware.
 *
 * Why: the student's cells and the test cells run in the SAME kernel process. Anything a
 * student cell can reach it can change: the assertion module, the language's built-ins,
 * the bindings tslab keeps on its shared `exports` object, tslab itself (through
 * `require.cache`), the process. A verdict computed in that process is only worth
 * something if student code cannot reach any of those. So student code is confined to
 * an allowlist, the language subset the assignments need:
 * - names: its own declarations, what the instructor's cells declare (read and call,
 *   never redeclare or assign), the course library's imports, and a short list of
 *   globals (`allowedGlobals`); never `require`, `process`, `globalThis`, `exports`,
 *   `module`, `eval`, `Function`, `Proxy`, `Reflect`, `setTimeout`…;
 * - no imports, `declare`, namespaces, `this` outside a class, `arguments`, `any`, type
 *   assertions to its own types, type predicates, overloads (the ways to lie to the type
 *   checker), dynamic `import()`;
 * - property names that lead to the realm's machinery or to TensorFlow.js's global state
 *   are refused wherever they appear (`constructor`, `prototype`, `registerKernel`…), and
 *   `x[k]` only with a number or a literal key;
 * - writes only to its own variables, to `this` in its own classes, to elements of its
 *   own arrays and to properties of its own object literals.
 * tools/grading/grading-guard.ts adds the run-time half: data handed to the student's
 * functions is copied, the instructor's data and the assertion module are frozen.
 */
import path from "node:path";
import * as ts from "@tslab/typescript-for-tslab";
import { projectRoot } from "../project.mjs";

export interface CodeCell {
  /** Position of the cell in the notebook (from 0). */
  index: number;
  source: string;
  /** Written by the student (a solution cell or a cell the student added). */
  student: boolean;
  /** Added by the grader (tools/grading/grading-guard.ts): the student may not name what it declares. */
  internal?: boolean;
  /** A test cell: its own names may be reused by the student (the test declares them again). */
  test?: boolean;
}

export interface ForbiddenConstruct {
  cellIndex: number;
  /** From 1, in the cell. */
  line: number;
  /** What was found, in Portuguese, naming the construct. */
  message: string;
}

/** Globals a student's code may use (their members are checked like any property). */
const allowedGlobals = new Set([
  "Math", "Number", "String", "Boolean", "Array", "Infinity", "NaN", "undefined", "isNaN", "isFinite",
  "parseInt", "parseFloat", "console", "JSON", "Map", "Set", "WeakMap", "WeakSet", "Symbol", "Error",
  "TypeError", "RangeError", "Promise", "Date", "BigInt", "Float32Array", "Float64Array", "Int8Array",
  "Int16Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array", "Object",
]);

/** `Object` only through these (enumerating values would bypass the property rules). */
const allowedObjectMembers = new Set(["keys", "fromEntries"]);

/** The only module whose imports the student's code may use. */
const allowedModules = new Set(["@redes-neurais/lib"]);

/**
 * Property names refused on any value: they reach the realm's evaluators and prototypes,
 * the process, the module system, the stack machinery, or TensorFlow.js's global state
 * (kernels, gradients, backends, flags: changing them changes what the tests compute).
 */
const forbiddenPropertyNames = new Set([
  "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__",
  "__lookupSetter__", "caller", "callee", "arguments", "global", "globalThis", "process", "require",
  "module", "exports", "mainModule", "prepareStackTrace", "captureStackTrace", "stackTraceLimit",
  "registerKernel", "unregisterKernel", "registerGradient", "unregisterGradient", "copyRegisteredKernels",
  "getKernel", "getKernelsForBackend", "getGradient", "registerBackend", "removeBackend", "setBackend",
  "findBackend", "findBackendFactory", "backend", "engine", "env", "ENV", "setPlatform", "registerOp",
  "registerClass", "registerSaveRouter", "registerLoadRouter", "enableProdMode", "enableDebugMode",
  "disableDeprecationWarnings", "deprecationWarn", "registerCallbackConstructor", "binding",
  "withoutNativeSpeedups", "installedSpeedups", "danfo",
]);

const collectionTypes = new Set(["Array", "ReadonlyArray", "Map", "Set", "WeakMap", "WeakSet", "Float32Array", "Float64Array", "Int8Array", "Int16Array", "Int32Array", "Uint8Array", "Uint8ClampedArray", "Uint16Array", "Uint32Array"]);

/** Array, Map and Set methods that change their receiver. */
const mutatingMethods = new Set(["push", "pop", "shift", "unshift", "splice", "sort", "reverse", "fill", "copyWithin", "set", "delete", "clear", "add"]);

const assignmentOperators = new Set([
  ts.SyntaxKind.EqualsToken, ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskAsteriskEqualsToken, ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken, ts.SyntaxKind.BarEqualsToken, ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ["lib.es2022.d.ts"],
  types: ["node"],
  strict: false,
  noEmit: true,
  skipLibCheck: true,
  esModuleInterop: true,
};

/** Library files parsed once per process (lib.d.ts, @types/node, tfjs): most of the time. */
const parsedFiles = new Map<string, ts.SourceFile>();

interface CellSpan {
  cell: CodeCell;
  start: number;
  end: number;
}

/**
 * Every construct outside the allowlist in the student's cells, in cell order. A refused
 * cell never runs, so the others are checked again without it (until nothing new is
 * found): its declarations must not make another cell look harmless (`const Math = …` in
 * one cell, `Math.abs = …` in another).
 */
export function findForbiddenConstructs(cells: readonly CodeCell[]): ForbiddenConstruct[] {
  const found: ForbiddenConstruct[] = [];
  const refused = new Set<number>();
  // The cells are checked together, joined: a cell must parse on its own, or an open
  // comment or template at its end would hide the next cells from the check (the
  // kernel compiles each cell apart, so those would still run).
  for (const cell of cells) {
    if (!cell.student) continue;
    const syntaxError = syntaxErrorOf(cell.source);
    if (syntaxError) {
      found.push({ cellIndex: cell.index, line: syntaxError.line, message: `um erro de sintaxe (${syntaxError.message}); a célula precisa compilar sozinha` });
      refused.add(cell.index);
    }
  }
  for (;;) {
    const current = cells.map((cell) => (refused.has(cell.index) ? { ...cell, source: "" } : cell));
    const fresh = reviewOnce(current).filter((item) => !refused.has(item.cellIndex));
    if (fresh.length === 0) break;
    found.push(...fresh);
    for (const item of fresh) refused.add(item.cellIndex);
  }
  return found.sort((a, b) => a.cellIndex - b.cellIndex || a.line - b.line);
}

function syntaxErrorOf(source: string): { line: number; message: string } | undefined {
  const file = ts.createSourceFile("celula.ts", source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  // parseDiagnostics: the parser's own errors (internal field of tslab's pinned TypeScript 5.0).
  const diagnostic = (file as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics?.[0];
  if (!diagnostic) return undefined;
  return {
    line: file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, " "),
  };
}

function programOf(fileName: string, text: string): ts.Program {
  const host = ts.createCompilerHost(compilerOptions, true);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError) => {
    if (path.resolve(name) === fileName) return ts.createSourceFile(name, text, languageVersion, true, ts.ScriptKind.TS);
    const cached = parsedFiles.get(name);
    if (cached) return cached;
    const parsed = readSourceFile(name, languageVersion, onError);
    if (parsed) parsedFiles.set(name, parsed);
    return parsed;
  };
  return ts.createProgram({ rootNames: [fileName], options: compilerOptions, host });
}

let globalNamesCache: Set<string> | undefined;

/** The value names the language and Node declare globally (whatever a notebook shadows). */
function globalNames(): Set<string> {
  if (!globalNamesCache) {
    const fileName = path.join(projectRoot, "correcao-globais.ts");
    const program = programOf(fileName, "export {};\n");
    const file = program.getSourceFile(fileName);
    if (!file) throw new Error("o verificador de células não conseguiu ler os nomes globais");
    globalNamesCache = new Set(program.getTypeChecker().getSymbolsInScope(file, ts.SymbolFlags.Value).map((symbol) => symbol.name));
  }
  return globalNamesCache;
}

function reviewOnce(cells: readonly CodeCell[]): ForbiddenConstruct[] {
  const virtualFile = path.join(projectRoot, "correcao-celulas.ts");
  const spans: CellSpan[] = [];
  let text = "";
  for (const cell of cells) {
    const start = text.length;
    text += cell.source + "\n;\n";
    spans.push({ cell, start, end: start + cell.source.length });
  }
  const program = programOf(virtualFile, text);
  const sourceFile = program.getSourceFile(virtualFile);
  if (!sourceFile) throw new Error("o verificador de células não conseguiu montar o programa TypeScript");
  return new Review(program.getTypeChecker(), sourceFile, spans).run();
}

class Review {
  private readonly found: ForbiddenConstruct[] = [];
  private readonly instructorTopLevel = new Set<string>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly file: ts.SourceFile,
    private readonly spans: readonly CellSpan[],
  ) {}

  run(): ForbiddenConstruct[] {
    for (const statement of this.file.statements) {
      const span = this.spanOf(statement.getStart(this.file));
      if (span && !span.cell.student && !span.cell.test) for (const name of declaredNames(statement)) this.instructorTopLevel.add(name);
    }
    for (const statement of this.file.statements) {
      const span = this.spanOf(statement.getStart(this.file));
      if (!span?.cell.student) continue;
      this.topLevel(statement);
      this.visit(statement);
    }
    for (const comment of this.file.text.matchAll(/@ts-(ignore|nocheck|expect-error)/g)) {
      const span = this.spanOf(comment.index ?? 0);
      if (span?.cell.student) this.report(comment.index ?? 0, `o comentário @ts-${comment[1]} (desliga a checagem de tipos)`);
    }
    const seen = new Set<string>();
    return this.found
      .sort((a, b) => a.cellIndex - b.cellIndex || a.line - b.line)
      .filter((item) => {
        const key = `${item.cellIndex}:${item.line}:${item.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
  }

  private spanOf(position: number): CellSpan | undefined {
    return this.spans.find((span) => position >= span.start && position <= span.end);
  }

  private isStudentPosition(node: ts.Node): boolean {
    return Boolean(this.spanOf(node.getStart(this.file))?.cell.student);
  }

  private report(position: number, message: string): void {
    const span = this.spanOf(position);
    if (!span) return;
    const line = this.file.getLineAndCharacterOfPosition(position).line - this.file.getLineAndCharacterOfPosition(span.start).line + 1;
    this.found.push({ cellIndex: span.cell.index, line, message });
  }

  private flag(node: ts.Node, message: string): void {
    this.report(node.getStart(this.file), message);
  }

  /** Top-level statements: no imports/exports/ambient code; no redeclared instructor or global names. */
  private topLevel(statement: ts.Statement): void {
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) {
      this.flag(statement, "um import (a resposta usa só o que a célula de preparação importa)");
      return;
    }
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) this.flag(statement, "um export");
    if (ts.isModuleDeclaration(statement)) this.flag(statement, "uma declaração namespace/module");
    for (const name of declaredNames(statement)) {
      if (this.instructorTopLevel.has(name)) {
        this.flag(statement, `redeclara \`${name}\`, um nome das células do professor`);
      } else if (this.isGlobalName(name)) {
        this.flag(statement, `redeclara \`${name}\`, um nome global da linguagem ou do Node`);
      }
    }
  }

  private isGlobalName(name: string): boolean {
    return globalNames().has(name);
  }

  private visit(node: ts.Node): void {
    if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) {
      if (node.kind === ts.SyntaxKind.AnyKeyword) this.flag(node, "o tipo any (desliga as checagens de tipo)");
      this.visitTypes(node);
      return;
    }
    if (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) {
      this.visitTypes(node);
      return;
    }
    this.checkNode(node);
    ts.forEachChild(node, (child) => this.visit(child));
  }

  /** Inside types only `any` and type predicates matter. */
  private visitTypes(node: ts.Node): void {
    if (node.kind === ts.SyntaxKind.AnyKeyword) this.flag(node, "o tipo any (desliga as checagens de tipo)");
    if (ts.isTypePredicateNode(node)) this.flag(node, "um predicado de tipo (`x is T`/`asserts`), que convence o verificador do que não foi checado");
    ts.forEachChild(node, (child) => this.visitTypes(child));
  }

  private checkNode(node: ts.Node): void {
    if (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Ambient) this.flag(node, "uma declaração `declare`");
    switch (node.kind) {
      case ts.SyntaxKind.ThisKeyword:
        if (!insideClass(node)) this.flag(node, "`this` fora de uma classe (fora dela pode ser o objeto global)");
        return;
      case ts.SyntaxKind.ImportKeyword:
        this.flag(node, "`import(…)`/`import.meta` (carregar módulos)");
        return;
      case ts.SyntaxKind.DebuggerStatement:
        return;
      default:
        break;
    }
    if (ts.isIdentifier(node)) this.checkIdentifier(node);
    else if (ts.isPropertyAccessExpression(node)) this.checkPropertyAccess(node);
    else if (ts.isElementAccessExpression(node)) this.checkElementAccess(node);
    else if (ts.isBindingElement(node)) this.checkBindingElement(node);
    else if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) this.checkTypeAssertion(node);
    else if (ts.isBinaryExpression(node) && assignmentOperators.has(node.operatorToken.kind)) this.checkWrite(node.left);
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) this.checkWrite(node.operand);
    else if (ts.isDeleteExpression(node)) this.checkWrite(node.expression);
    else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) this.checkWrite(node.initializer);
    else if (ts.isCallExpression(node)) this.checkCall(node);
    else if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && !node.body) this.flag(node, "uma assinatura de sobrecarga (overload), que permite mentir o tipo do resultado");
    else if (ts.isTaggedTemplateExpression(node)) this.flag(node, "um template marcado (tag`…`)");
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) this.flag(node, "`import(…)`/`import.meta` (carregar módulos)");
  }

  private checkIdentifier(node: ts.Identifier): void {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name === node) return;
    if (ts.isQualifiedName(parent)) return;
    if (ts.isBindingElement(parent) && parent.propertyName === node) return;
    if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isPropertySignature(parent)) && parent.name === node) {
      if (forbiddenPropertyNames.has(node.text)) this.flag(node, `um membro chamado \`${node.text}\``);
      return;
    }
    if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return;
    if (node.text === "arguments") {
      this.flag(node, "`arguments`");
      return;
    }
    const symbol = ts.isShorthandPropertyAssignment(parent) && parent.name === node
      ? this.checker.getShorthandAssignmentValueSymbol(parent)
      : this.checker.getSymbolAtLocation(node);
    // A name declared nowhere (an answer left as the stub, a typo) fails tslab's own type
    // check, so the cell does not run: nothing to refuse here.
    if (!symbol) return;
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0) {
      if (!allowedGlobals.has(node.text)) this.flag(node, `o nome global \`${node.text}\``);
      return;
    }
    const inNotebook = declarations.filter((declaration) => declaration.getSourceFile() === this.file);
    if (inNotebook.length === 0) {
      if (!allowedGlobals.has(node.text)) this.flag(node, `o nome global \`${node.text}\` (fora da lista do que uma resposta pode usar)`);
      else if (node.text === "Object" && !(ts.isPropertyAccessExpression(parent) && parent.expression === node && allowedObjectMembers.has(parent.name.text))) {
        this.flag(node, "`Object` (só `Object.keys` e `Object.fromEntries` são permitidos)");
      }
      return;
    }
    for (const declaration of inNotebook) {
      const span = this.spanOf(declaration.getStart(this.file));
      if (span?.cell.internal) {
        this.flag(node, `\`${node.text}\`, um nome interno do corretor`);
        return;
      }
      if (span?.cell.student) continue;
      const module = importedFrom(declaration);
      if (module !== undefined && !allowedModules.has(module)) {
        this.flag(node, `\`${node.text}\`, importado de "${module}" pela preparação (a resposta não usa o módulo de asserções nem módulos do Node)`);
        return;
      }
    }
  }

  private checkPropertyName(node: ts.Node, name: string): void {
    if (forbiddenPropertyNames.has(name) || name.startsWith("__")) this.flag(node, `o acesso à propriedade \`${name}\``);
  }

  /** A real `any`; not the type of a name that does not exist (a type error that tslab refuses). */
  private isAny(node: ts.Expression): boolean {
    const type = this.checker.getTypeAtLocation(node);
    return (type.flags & ts.TypeFlags.Any) !== 0 && (type as { intrinsicName?: string }).intrinsicName !== "error";
  }

  private checkReceiver(receiver: ts.Expression): void {
    if (this.isAny(receiver)) this.flag(receiver, "um acesso a propriedade de um valor do tipo any");
  }

  private checkPropertyAccess(node: ts.PropertyAccessExpression): void {
    this.checkPropertyName(node.name, node.name.text);
    this.checkReceiver(node.expression);
  }

  private checkElementAccess(node: ts.ElementAccessExpression): void {
    this.checkReceiver(node.expression);
    const key = node.argumentExpression;
    if (ts.isStringLiteralLike(key)) {
      this.checkPropertyName(key, key.text);
      return;
    }
    if (ts.isNumericLiteral(key)) return;
    const keyType = this.checker.getTypeAtLocation(key);
    if (!(keyType.flags & ts.TypeFlags.NumberLike)) this.flag(key, "um índice calculado que não é um número (`x[k]` com k texto ou símbolo)");
  }

  private checkBindingElement(node: ts.BindingElement): void {
    if (!ts.isObjectBindingPattern(node.parent)) return;
    const property = node.propertyName ?? node.name;
    if (ts.isIdentifier(property) || ts.isStringLiteralLike(property)) this.checkPropertyName(property, property.text);
    else if (ts.isComputedPropertyName(property)) this.flag(property, "uma desestruturação com nome calculado");
  }

  private checkTypeAssertion(node: ts.AsExpression | ts.TypeAssertion): void {
    if (ts.isConstTypeReference(node.type)) return;
    const target = this.checker.getTypeFromTypeNode(node.type);
    if (target.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
      this.flag(node, "uma conversão para any/unknown");
      return;
    }
    if (target.flags & ts.TypeFlags.TypeParameter) {
      this.flag(node, "uma conversão para um parâmetro de tipo");
      return;
    }
    const symbol = target.aliasSymbol ?? target.getSymbol();
    const declaredHere = symbol?.declarations?.some((declaration) => declaration.getSourceFile() === this.file && this.isStudentPosition(declaration));
    if (declaredHere || ts.isTypeLiteralNode(node.type)) {
      this.flag(node, "uma conversão (as) para um tipo escrito na própria resposta (só para tipos da linguagem ou da biblioteca)");
    }
  }

  /** The assignment target's root must be the student's own. */
  private checkWrite(target: ts.Expression): void {
    target = skipParentheses(target);
    if (ts.isArrayLiteralExpression(target)) {
      for (const element of target.elements) this.checkWrite(ts.isSpreadElement(element) ? element.expression : element);
      return;
    }
    if (ts.isObjectLiteralExpression(target)) {
      for (const property of target.properties) {
        if (ts.isPropertyAssignment(property)) this.checkWrite(property.initializer);
        else if (ts.isShorthandPropertyAssignment(property)) this.checkWrite(property.name);
        else if (ts.isSpreadAssignment(property)) this.checkWrite(property.expression);
      }
      return;
    }
    if (ts.isIdentifier(target)) {
      if (!this.isStudentVariable(target)) this.flag(target, `uma atribuição a \`${target.text}\`, que não foi declarado pela resposta`);
      return;
    }
    if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
      const receiver = skipParentheses(target.expression);
      const numericKey = ts.isElementAccessExpression(target) && (this.checker.getTypeAtLocation(target.argumentExpression).flags & ts.TypeFlags.NumberLike) !== 0;
      if (receiver.kind === ts.SyntaxKind.ThisKeyword && insideClass(receiver)) return;
      const root = rootIdentifier(receiver);
      if (numericKey) {
        if (!root || !this.isStudentVariable(root, { parametersAllowed: false })) this.flag(target, "uma escrita num elemento de um array que não foi criado pela resposta");
        return;
      }
      if (!ts.isIdentifier(receiver) || !this.isOwnObjectLiteral(receiver)) {
        this.flag(target, "uma escrita numa propriedade de um objeto que não é um literal da própria resposta (declarado com const)");
      }
      return;
    }
    this.flag(target, "uma atribuição a uma expressão");
  }

  private checkCall(node: ts.CallExpression): void {
    const callee = skipParentheses(node.expression);
    if (this.isAny(callee)) this.flag(callee, "uma chamada de um valor do tipo any");
    if (ts.isPropertyAccessExpression(callee) && mutatingMethods.has(callee.name.text) && this.isCollection(callee.expression)) {
      // A chain that starts with a call or a literal works on a fresh value (`new Array(n).fill(0)`).
      const root = rootIdentifier(callee.expression);
      if (root && !this.isStudentVariable(root, { parametersAllowed: false })) {
        this.flag(callee, `\`${callee.name.text}\` num dado que não foi criado pela resposta (não modifique os dados recebidos)`);
      }
    }
  }

  /** An array, typed array, Map or Set (whose mutating methods change shared data). */
  private isCollection(node: ts.Expression): boolean {
    const type = this.checker.getTypeAtLocation(node);
    const name = type.getSymbol()?.name ?? "";
    return collectionTypes.has(name) || type.getNumberIndexType() !== undefined;
  }

  /** An identifier declared by the student's cells (a variable, or a parameter when allowed). */
  private isStudentVariable(node: ts.Identifier, options: { parametersAllowed?: boolean } = {}): boolean {
    const symbol = this.checker.getSymbolAtLocation(node);
    const declarations = symbol?.declarations ?? [];
    if (declarations.length === 0) return false;
    return declarations.every((declaration) => {
      if (declaration.getSourceFile() !== this.file || !this.isStudentPosition(declaration)) return false;
      if (ts.isParameter(declaration) || (ts.isBindingElement(declaration) && isInsideParameter(declaration))) return options.parametersAllowed ?? true;
      return ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration);
    });
  }

  /** `const x = { … }` (or an array literal) in the student's own code. */
  private isOwnObjectLiteral(node: ts.Identifier): boolean {
    const declaration = this.checker.getSymbolAtLocation(node)?.declarations?.[0];
    if (!declaration || !ts.isVariableDeclaration(declaration) || !this.isStudentPosition(declaration)) return false;
    const list = declaration.parent;
    if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
    const initializer = declaration.initializer && skipParentheses(declaration.initializer);
    return Boolean(initializer && (ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer)));
  }
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isAsExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}

/** `a` in `a.b[0].c`; undefined when the chain starts with a call or anything else. */
function rootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = skipParentheses(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = skipParentheses(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

function insideClass(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return true;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return false;
  }
  return false;
}

function isInsideParameter(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isParameter(current)) return true;
    if (ts.isVariableDeclaration(current)) return false;
  }
  return false;
}

/** The module an import binding comes from, or undefined when the declaration is not an import. */
function importedFrom(declaration: ts.Declaration): string | undefined {
  for (let current: ts.Node | undefined = declaration; current; current = current.parent) {
    if (ts.isImportDeclaration(current)) return ts.isStringLiteral(current.moduleSpecifier) ? current.moduleSpecifier.text : "";
    if (ts.isImportEqualsDeclaration(current)) return "";
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** Value names a top-level statement declares. */
function declaredNames(statement: ts.Statement): string[] {
  const names: string[] = [];
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.push(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) addBinding(declaration.name);
  else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) names.push(statement.name.text);
  else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) names.push(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.push(element.name.text);
  }
  return names;
}
