import assert from "node:assert/strict";
import { test } from "node:test";
import { feedbackHtml, withoutHiddenLines } from "./feedback-html";
import { hiddenTestLines } from "./release-notebook";

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
