/**
 * Server-side math: TeX between the markdown markers becomes SVG; everything else,
 * dollar signs in code and outputs included, stays as it was.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MathMarkersError, markdownBegin, markdownEnd, renderMath } from "./render-math";

function page(markdown: string, rest = ""): string {
  return `<!DOCTYPE html><html><head><title>t</title></head><body class="jp-Notebook"><main>${markdownBegin}<div class="md">${markdown}</div>${markdownEnd}${rest}</main></body></html>`;
}

test("TeX inline e em destaque vira SVG, com os estilos no head e o cache de glifos no body", () => {
  const result = renderMath(page("<p>Energia $E = mc^2$ e</p><p>$$\\sum_i x_i$$</p><p>\\(a\\) e \\[b\\]</p>"));
  assert.equal(result.formulaCount, 4);
  assert.deepEqual(result.texErrors, []);
  assert.equal((result.html.match(/<mjx-container/g) ?? []).length, 4);
  assert.equal((result.html.match(/<mjx-container[^>]*display="true"/g) ?? []).length, 2);
  assert.doesNotMatch(result.html, /\$E = mc\^2\$|\\sum_i/);
  assert.match(result.html, /<style[^>]*id="MJX-SVG-styles"[^]*<\/head>/);
  assert.match(result.html, /<body class="jp-Notebook"><svg[^>]*id="MJX-SVG-global-cache"/);
  assert.doesNotMatch(result.html, /redes-neurais:markdown/);
  assert.match(result.html, /<mjx-assistive-mml[^>]*><math/, "MathML oculto para leitores de tela");
});

test("fora das células de markdown nada muda, nem os cifrões do código e das saídas", () => {
  const outside = '<pre>console.log("$5 e $6")</pre><script>var s = "$x$";</script><div>$y$</div>';
  const result = renderMath(page("<p>$x$ e <code>$nao$</code></p>", outside));
  assert.ok(result.html.includes(outside), "o HTML fora dos marcadores fica idêntico");
  assert.match(result.html, /<code>\$nao\$<\/code>/, "código em linha no markdown também fica");
  assert.equal(result.formulaCount, 1);
});

test("\\$ é um cifrão, não matemática", () => {
  const result = renderMath(page("<p>Custa R\\$ 10 e US\\$ 2.</p>"));
  assert.equal(result.formulaCount, 0);
  assert.match(result.html, /Custa R(<span>)?\$(<\/span>)? 10 e US(<span>)?\$(<\/span>)? 2\./);
  assert.doesNotMatch(result.html, /\\\$/, "a barra do escape sai");
});

test("sem fórmulas, só os marcadores saem: nem estilos nem cache de glifos", () => {
  const result = renderMath(page("<p>Sem matemática.</p>"));
  assert.equal(result.formulaCount, 0);
  assert.equal(result.html, page("<p>Sem matemática.</p>").replace(markdownBegin, "").replace(markdownEnd, ""));
});

test("TeX inválido é relatado", () => {
  const result = renderMath(page("<p>$x^$ e $\\comandoinexistente$</p>"));
  assert.equal(result.texErrors.length, 2, result.texErrors.join("\n"));
  assert.match(result.texErrors[0] ?? "", /: x\^$/, "a mensagem traz o TeX que falhou");
  assert.match(result.texErrors[1] ?? "", /comandoinexistente/);
});

test("um marcador de início sem o de fim é um erro que explica o que fazer", () => {
  assert.throws(() => renderMath(`<body>${markdownBegin}<p>$x$</p></body>`), MathMarkersError);
});
