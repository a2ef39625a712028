import assert from "node:assert/strict";
import { test } from "node:test";
import { feedbackHtml, withoutHiddenLines } from "./feedback-html";
import { hiddenTestLines } from "./release-notebook";
import { assertionWithoutMessage, sealedErrorText } from "./sealed-error-text";

const source = 'assert.equal(f(1), 2);\n// BEGIN HIDDEN TESTS\nassert.equal(f(-7), -14, "negativos");\n// END HIDDEN TESTS';
const tslabError = 'evalmachine.<anonymous>:4\nassert.equal(f(-7), -14, "negativos");\n^\n\nAssertionError [ERR_ASSERTION]: negativos';

test("as linhas dos testes ocultos são só as de dentro dos marcadores", () => {
  assert.deepEqual(hiddenTestLines(source), ['assert.equal(f(-7), -14, "negativos");']);
});

test("a devolutiva mostra o erro sem citar a linha do teste oculto, e escapa HTML", () => {
  assert.doesNotMatch(withoutHiddenLines(tslabError, hiddenTestLines(source)), /f\(-7\)/);
  const page = feedbackHtml({
    student: "ana <b>", assignment: "t", total: 1, maxTotal: 3, status: "ok", reason: "", notes: ["A célula \"x\" foi editada"],
    scores: [
      { gradeId: "teste", points: 0, maxPoints: 2, status: "error", errorText: tslabError, index: 3 },
      { gradeId: "outro", points: 1, maxPoints: 1, status: "ok", errorText: "", index: 5 },
    ],
    visibleSource: new Map([["teste", "assert.equal(f(1), 2);"]]),
    hiddenLines: hiddenTestLines(source),
  });
  assert.match(page, /<h1>t: ana &lt;b&gt;<\/h1>/);
  assert.match(page, /Nota: <strong>1 de 3<\/strong>/);
  assert.match(page, /AssertionError \[ERR_ASSERTION\]: negativos/, "a mensagem do teste oculto fica (é a dica)");
  assert.doesNotMatch(page, /f\(-7\)/);
  assert.match(page, /A célula &quot;x&quot; foi editada/);
});

const failedHiddenTest = [
  "AssertionError [ERR_ASSERTION]: com w = 0 o primeiro custo é log 2",
  "    at evalmachine.<anonymous>:9:8",
  "    at Script.runInThisContext (node:vm:137:12) {",
  "  generatedMessage: false,",
  "  code: 'ERR_ASSERTION',",
  "  actual: false,",
  "  expected: true,",
  "  operator: '=='",
  "}",
].join("\n");

test("teste oculto selado: o nome do erro e a mensagem para o aluno, sem pilha nem campos", () => {
  assert.equal(sealedErrorText(failedHiddenTest), "AssertionError [ERR_ASSERTION]: com w = 0 o primeiro custo é log 2");
  const generated = "AssertionError [ERR_ASSERTION]: The expression evaluated to a falsy value:\n\n  assert.ok(segredo(fitted) > 3)\n\n    at evalmachine.<anonymous>:2:8 {\n  generatedMessage: true,\n}";
  assert.equal(sealedErrorText(generated), `AssertionError [ERR_ASSERTION]: ${assertionWithoutMessage}`);
  const typeError = "evalmachine.<anonymous>:3\nconst mine = gradients(w0, b0, sample.X, sample.t);\n^\n\nTypeError: gradients is not a function\n    at evalmachine.<anonymous>:3:14";
  assert.equal(sealedErrorText(typeError), "TypeError: gradients is not a function");
  assert.equal(sealedErrorText("2:1 - Cannot find name 'sigmoid'."), "2:1 - Cannot find name 'sigmoid'.");
});

test("a devolutiva mostra tudo só quando o professor pede (revealHidden)", () => {
  const page = (revealHidden: boolean) => feedbackHtml({
    student: "ana", assignment: "t", total: 0, maxTotal: 1, status: "ok", reason: "", notes: [],
    scores: [{ gradeId: "teste", points: 0, maxPoints: 1, status: "error", errorText: failedHiddenTest, index: 3 }],
    visibleSource: new Map(), revealHidden,
  });
  assert.doesNotMatch(page(false), /evalmachine|generatedMessage/);
  assert.match(page(true), /evalmachine.&lt;anonymous&gt;:9:8/);
});
