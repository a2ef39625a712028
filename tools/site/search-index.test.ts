/**
 * The search index: built from chapter pages cut into sections, written as a script,
 * loaded back as the browser loads it; finds words regardless of accents and case, and
 * leads to the right page and section.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { withHeadingAnchors } from "./heading-anchors";
import { sectionsOfPage } from "./search-documents";
import { buildSearchIndex, loadSearchIndexScript, normalizeTerm, SEARCH_INDEX_GLOBAL, searchIndexScript } from "./search-index";

const perceptron = withHeadingAnchors(`<html><head><title>x</title><style>.a{color:red}</style></head><body>
<!--redes-neurais:site--><nav>Retropropagação aparece só na navegação</nav><!--/redes-neurais:site-->
<main><h1>01 · O perceptron</h1><p>Um neurônio com limiar.</p>
<h2>Regra de aprendizado</h2><p>O peso muda com a taxa &amp; o erro.</p><pre><span class="kd">const</span> taxaDeAprendizado = 0.1;</pre>
<script>var retropropagacao = 1;</script>
<h2>Função de custo</h2><p>A entropia cruzada.</p><svg><title>fórmula</title></svg></main></body></html>`);
const convnets = withHeadingAnchors(`<html><body><main><h1>06 · Redes convolucionais</h1><p>Filtros deslizam sobre a imagem.</p>
<h2>Retropropagação em convoluções</h2><p>O gradiente passa pelos filtros.</p></main></body></html>`);

const documents = [...sectionsOfPage(perceptron, "01_perceptron.html", "01 · O perceptron"), ...sectionsOfPage(convnets, "06_convnets.html", "06 · Redes convolucionais")];

describe("documentos da busca", () => {
  test("uma seção por título, com a âncora que o título ganhou e o texto sem scripts, estilos, SVG nem navegação", () => {
    const perceptronSections = documents.filter((document) => document.page === "01_perceptron.html");
    assert.deepEqual(
      perceptronSections.map((document) => [document.section, document.anchor]),
      [
        ["01 · O perceptron", "01-o-perceptron"],
        ["Regra de aprendizado", "regra-de-aprendizado"],
        ["Função de custo", "funcao-de-custo"],
      ],
    );
    const rule = perceptronSections[1]?.text ?? "";
    assert.match(rule, /O peso muda com a taxa & o erro\. const taxaDeAprendizado = 0\.1;/);
    const all = perceptronSections.map((document) => document.text).join(" ");
    assert.doesNotMatch(all, /retropropaga|Retropropaga|color:red|fórmula/);
    assert.match(perceptron, /<h2 id="regra-de-aprendizado">Regra de aprendizado<\/h2>/);
  });

  test("títulos repetidos ganham âncoras distintas, e um id que já existe é respeitado", () => {
    const html = withHeadingAnchors('<body><h2>Resumo</h2><h2>Resumo</h2><h3 id="meu">Meu</h3><div id="resumo-3"></div><h2>Resumo</h2></body>');
    assert.deepEqual([...html.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1]), ["resumo", "resumo-2", "meu", "resumo-4"]);
    assert.equal(withHeadingAnchors(html), html, "aplicar de novo não muda nada");
  });
});

describe("índice da busca (MiniSearch, como o navegador o carrega)", () => {
  const script = searchIndexScript(buildSearchIndex(documents));
  const index = loadSearchIndexScript(script);

  test("o script define a variável global e não tem </ que fecharia um <script>", () => {
    assert.match(script, new RegExp(`^window\\.${SEARCH_INDEX_GLOBAL} = \\{`, "m"));
    assert.doesNotMatch(script, /<\//);
  });

  test("acha sem acento e sem maiúscula, e leva à página e à seção certas", () => {
    const results = index.search("retropropagacao");
    assert.equal(results.length, 1, JSON.stringify(results.map((result) => result.id)));
    assert.equal(results[0]?.["page"], "06_convnets.html");
    assert.equal(results[0]?.["anchor"], "retropropagacao-em-convolucoes");
    assert.equal(results[0]?.["section"], "Retropropagação em convoluções");
  });

  test("acha identificadores do código e começos de palavra", () => {
    assert.deepEqual(index.search("taxaDeAprendizado").map((result) => result.id), ["01_perceptron#regra-de-aprendizado"]);
    assert.deepEqual(index.search("entrop").map((result) => result.id), ["01_perceptron#funcao-de-custo"]);
  });

  test("todas as palavras precisam estar na seção", () => {
    assert.deepEqual(index.search("filtros gradiente").map((result) => result.id), ["06_convnets#retropropagacao-em-convolucoes"]);
    assert.deepEqual(index.search("filtros limiar"), []);
  });

  test("normaliza como o navegador: sem acentos, minúsculas", () => {
    assert.equal(normalizeTerm("Retropropagação"), "retropropagacao");
    assert.equal(normalizeTerm("ÉPOCA"), "epoca");
  });
});
