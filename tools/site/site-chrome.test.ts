/**
 * Page assembly: a handout gets the sidebar, its downloads, its launch link and
 * previous / next links; assembling again replaces them; the home page gets the sidebar
 * only; and the print page holds every chapter once, without any of the site's parts.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { printChapterId, printPage } from "./print-page";
import { chapterTitle, type SiteChapter, siteChrome, withoutSiteChrome, withSiteChrome } from "./site-chrome";

function chapter(number: number, name: string, title: string, launch = true): SiteChapter {
  return {
    number,
    title,
    href: `${name}.html`,
    notebook: `notebooks/${name}.ipynb`,
    executedNotebook: number === 2 ? null : `executados/${name}.ipynb`,
    launchUrl: launch ? `https://mybinder.org/v2/gh/d/r/HEAD?labpath=notebooks/${name}.ipynb` : null,
    launchLabel: launch ? "Binder" : null,
  };
}

const chapters = [chapter(0, "00_a", "00 · O ambiente"), chapter(1, "01_b", "01 · Redes <neurais>"), chapter(2, "02_c", "Funções", false)];
const handout = (body: string) => `<!DOCTYPE html><html><head><title>t</title><style>.x{}</style></head><body class="jp-Notebook"><main>${body}</main></body></html>`;

describe("páginas do site", () => {
  test("um capítulo do meio: barra lateral com ele destacado, downloads, Binder, anterior e próximo", () => {
    const page = withSiteChrome(handout("<h1>B</h1>"), siteChrome("Curso", chapters, 1, true));
    assert.match(page, /<link rel="stylesheet" href="site\.css">[^]*<\/head>/);
    assert.match(page, /<a href="01_b\.html" aria-current="page">01 · Redes &lt;neurais&gt;<\/a>/);
    assert.equal((page.match(/aria-current/g) ?? []).length, 1);
    assert.match(page, /<a href="notebooks\/01_b\.ipynb" download>/);
    assert.match(page, /<a href="executados\/01_b\.ipynb" download>/);
    assert.match(page, /class="rn-abrir" href="https:\/\/mybinder\.org\/v2\/gh\/d\/r\/HEAD\?labpath=notebooks\/01_b\.ipynb"[^>]*>Abrir no Binder</);
    assert.match(page, /rel="prev" href="00_a\.html"/);
    assert.match(page, /rel="next" href="02_c\.html"/);
    assert.match(page, /href="curso\.pdf"/);
    // The chapter's own content stays between the navigation and the pager.
    assert.ok(page.indexOf("rn-lateral") < page.indexOf("<h1>B</h1>") && page.indexOf("<h1>B</h1>") < page.indexOf("rn-paginas"));
    assert.ok(page.indexOf('<script src="site.js">') > page.indexOf('<script src="busca-indice.js">'));
    assert.ok(page.indexOf('<script src="busca-indice.js">') > page.indexOf('<script src="minisearch.js">'));
  });

  test("o primeiro não tem anterior; o último não tem próximo; sem executado nem link, nada de âncora quebrada", () => {
    const first = withSiteChrome(handout(""), siteChrome("Curso", chapters, 0, false));
    assert.doesNotMatch(first, /rel="prev"/);
    assert.match(first, /rel="next" href="01_b\.html"/);
    assert.doesNotMatch(first, /curso\.pdf/);
    const last = withSiteChrome(handout(""), siteChrome("Curso", chapters, 2, true));
    assert.doesNotMatch(last, /rel="next"/);
    assert.doesNotMatch(last, /executados\/02_c/);
    assert.doesNotMatch(last, /rn-abrir/);
    assert.doesNotMatch(last, /href=""/);
  });

  test("montar de novo substitui as partes do site em vez de duplicá-las, e tirá-las devolve a apostila", () => {
    const original = handout("<p>texto</p>");
    const once = withSiteChrome(original, siteChrome("Curso", chapters, 1, true));
    const twice = withSiteChrome(once, siteChrome("Curso", chapters, 1, false));
    assert.equal((twice.match(/class="rn-lateral"/g) ?? []).length, 1);
    assert.doesNotMatch(twice, /curso\.pdf/);
    assert.equal(withoutSiteChrome(twice), original);
  });

  test("a página inicial tem a barra lateral e a busca, sem capítulo destacado nem paginação", () => {
    const page = withSiteChrome(handout(""), siteChrome("Curso", chapters, null, true));
    assert.match(page, /id="rn-busca-campo"/);
    assert.doesNotMatch(page, /aria-current|rn-paginas|rn-barra/);
  });

  test("uma página sem <body> é recusada com uma explicação", () => {
    assert.throws(() => withSiteChrome("<p>solto</p>", siteChrome("Curso", chapters, 0, true)), /<\/head>, <body> e <\/body>/);
  });

  test("o título do capítulo leva o número uma vez só", () => {
    assert.equal(chapterTitle(chapters[0]!), "00 · O ambiente");
    assert.equal(chapterTitle(chapters[2]!), "02 · Funções");
  });
});

describe("página de impressão do curso", () => {
  const pages = chapters.map((entry, index) => ({
    ...entry,
    html: withSiteChrome(handout(`<h1>${entry.title}</h1><p>conteúdo ${index}</p>`), siteChrome("Curso", chapters, index, true)),
  }));
  const print = printPage("Curso", pages, new Date(2026, 11, 5));

  test("capa com sumário que liga cada capítulo, e cada capítulo uma vez, em ordem, numa seção própria", () => {
    for (const entry of chapters) {
      assert.match(print, new RegExp(`<li><a href="#${printChapterId(entry.number)}">`));
      assert.equal(print.split(`<section class="rn-capitulo" id="${printChapterId(entry.number)}">`).length, 2);
    }
    assert.ok(print.indexOf("conteúdo 0") < print.indexOf("conteúdo 1") && print.indexOf("conteúdo 1") < print.indexOf("conteúdo 2"));
    assert.match(print, /<h2>Sumário<\/h2>/);
  });

  test("sem as partes do site; os estilos das apostilas uma vez; quebras de página que não cortam figuras", () => {
    assert.doesNotMatch(print, /rn-lateral|rn-paginas|site\.js|redes-neurais:site/);
    assert.equal(print.split("<style>.x{}</style>").length, 2);
    assert.match(print, /\.rn-capitulo \{ break-before: page; \}/);
    assert.match(print, /\.js-plotly-plot[^{]*\{ break-inside: avoid; \}/);
    assert.match(print, /<body class="jp-Notebook">/);
  });
});
