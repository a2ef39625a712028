/**
 * The course site (`npm run handouts`, tools/site/) in a real browser, opened from file://
 * with the network cut off: the sidebar and previous / next links go through every chapter
 * in course order; the search box finds a word that only one notebook has and leads to its
 * section; each chapter's downloads are the notebook as committed (no outputs) and as
 * executed (with outputs); the launch link points at the configured Binder; the whole-course
 * PDF has every chapter in its outline. Screenshots (desktop and phone) go to
 * artifacts/browser/site-*.png.
 *
 * The site is built in fast mode from the notebooks named in REDES_NEURAIS_NOTEBOOKS
 * (default: 00, 01 and 05, see DEFAULT_CHAPTERS) into a scratch folder.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { findChromium } from "./chromium";
import { chromiumSkipReason } from "./chromium-availability";
import { withHeadlessChromiumPage } from "./headless-chromium";
import { blockNetwork, collectPageErrors } from "./offline";
import { screenshotFile, Timings } from "./artifacts";
import { buildHandout } from "../handouts/build-handout";
import { isNotebookExecutionError } from "../jupyter/execute-notebook";
import { type CourseNotebook, listCourseNotebooksSync, readTitle, selectNotebooks } from "../notebooks/course-notebooks";
import { readNotebook, textOf } from "../notebooks/notebook-format";
import { temporaryFolder } from "../test-support/fixture-notebook";
import { buildCourseSite, type SiteResult } from "../site/build-site";
import { normalizeTerm } from "../site/search-index";
import { pdfOutlineTitles, pdfPageCount } from "../site/pdf-facts";

const skip = chromiumSkipReason();
const requested = (process.env.REDES_NEURAIS_NOTEBOOKS ?? "").split(/[\s,]+/).filter(Boolean);
/**
 * The chapters built here when REDES_NEURAIS_NOTEBOOKS names none: the first two and 05 (prose
 * with words no other chapter has). Every chapter's handout is already built and checked by
 * course.browser-test.ts; the site's assembly is the same code for 3 chapters as for 12, and
 * building all 12 twice would add about 25 minutes to the suite.
 */
const DEFAULT_CHAPTERS = ["00", "01", "05"];
const notebooks = selectNotebooks(listCourseNotebooksSync(), requested.length > 0 ? requested : DEFAULT_CHAPTERS);
const fastKernel = { REDES_NEURAIS_FAST: "1", REDES_NEURAIS_BACKEND: "tensorflow" };
const launch = { template: "https://mybinder.org/v2/gh/exemplo/redes-neurais/HEAD?labpath={notebook}", label: "Binder" };
const desktop = { width: 1400, height: 1000 };
const phone = { width: 390, height: 844 };
const timings = new Timings();

/** The words of a notebook's cells (all, or only its prose), normalized as the search normalizes them. */
async function wordsOf(notebook: CourseNotebook, only?: "markdown"): Promise<Set<string>> {
  const cells = (await readNotebook(notebook.file)).cells
    .filter((cell) => only === undefined || cell.cell_type === only)
    .map((cell) => textOf(cell.source))
    .join("\n");
  return new Set(normalizeTerm(cells).match(/[a-z]+/g) ?? []);
}

/**
 * A word of at least 10 letters that appears in the prose of `notebook` and in no other built chapter,
 * nor as a part of a word there (the search matches prefixes and one typo): the longest,
 * then the first alphabetically.
 */
async function wordOnlyIn(notebook: CourseNotebook, others: readonly CourseNotebook[]): Promise<string> {
  const elsewhere = [...(await Promise.all(others.map((other) => wordsOf(other)))).flatMap((words) => [...words])].join(" ");
  const candidates = [...(await wordsOf(notebook, "markdown"))].filter((word) => word.length >= 10 && !elsewhere.includes(word.slice(0, -1)));
  candidates.sort((a, b) => b.length - a.length || a.localeCompare(b));
  const word = candidates[0];
  assert.ok(word, `nenhuma palavra de 10+ letras só em ${notebook.displayPath}`);
  return word;
}

function withPage<T>(viewport: { width: number; height: number }, use: (page: Page, refused: string[], errors: string[]) => Promise<T>): Promise<T> {
  return withHeadlessChromiumPage({ chromiumPath: findChromium(), timeoutMs: 120_000 }, async (page) => {
    const refused = await blockNetwork(page.context());
    const errors = collectPageErrors(page);
    await page.setViewportSize(viewport);
    const result = await use(page, refused, errors);
    assert.deepEqual(refused, [], "pedidos que sairiam da máquina");
    assert.deepEqual(errors, [], "erros na página");
    return result;
  });
}

const fileName = (page: Page): string => path.basename(new URL(page.url()).pathname);

describe("o site do curso no navegador (Chromium, file://, sem rede)", { skip }, () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  let site: SiteResult;
  const built: CourseNotebook[] = [];
  const href = (file: string) => pathToFileURL(path.join(folder, file)).href;

  before(async () => {
    ({ folder, remove } = await temporaryFolder("site"));
    const failures: string[] = [];
    for (const notebook of notebooks) {
      try {
        await timings.time(`site: apostila ${notebook.name}`, () =>
          buildHandout(notebook, { outputFolder: folder, executedNotebookFolder: path.join(folder, "executados"), env: fastKernel, cellTimeoutSeconds: 300 }),
        );
        built.push(notebook);
      } catch (error) {
        failures.push(`${notebook.name}: ${isNotebookExecutionError(error) || error instanceof Error ? error.message : String(error)}`);
      }
    }
    assert.deepEqual(failures, [], "apostilas que não foram construídas");
    site = await timings.time("site: montagem e PDF", () => buildCourseSite(notebooks, folder, { launch, pdf: true }));
  }, { timeout: notebooks.length * 15 * 60_000 + 10 * 60_000 });
  after(async () => {
    await timings.write("site-timings.json");
    await remove();
  });

  test("a barra lateral lista os capítulos na ordem do curso e cada link abre o seu", { timeout: 5 * 60_000 }, async () => {
    const expected = built.map((notebook) => `${notebook.name}.html`);
    const opened = await withPage(desktop, async (page) => {
      await page.goto(href("index.html"));
      const sidebar = await page.locator(".rn-capitulos a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
      assert.deepEqual(sidebar, expected, "capítulos da barra lateral");
      const seen: string[] = [];
      for (const target of expected) {
        await page.locator(`.rn-capitulos a[href="${target}"]`).click();
        await page.waitForLoadState("load");
        const current = await page.locator('.rn-capitulos a[aria-current="page"]').getAttribute("href");
        seen.push(`${fileName(page)} (destacado: ${current})`);
      }
      return seen;
    });
    assert.deepEqual(opened, expected.map((file) => `${file} (destacado: ${file})`));
  });

  test("anterior / próximo percorrem o curso inteiro, nos dois sentidos", { timeout: 5 * 60_000 }, async () => {
    const expected = built.map((notebook) => `${notebook.name}.html`);
    const walked = await withPage(desktop, async (page) => {
      const forward: string[] = [];
      const backward: string[] = [];
      await page.goto(href(expected[0] ?? "index.html"));
      forward.push(fileName(page));
      while ((await page.locator('a[rel="next"]').count()) > 0) {
        await page.locator('a[rel="next"]').click();
        await page.waitForLoadState("load");
        forward.push(fileName(page));
        assert.ok(forward.length <= expected.length, `"Próximo" não para: ${forward.join(" → ")}`);
      }
      backward.push(fileName(page));
      while ((await page.locator('a[rel="prev"]').count()) > 0) {
        await page.locator('a[rel="prev"]').click();
        await page.waitForLoadState("load");
        backward.push(fileName(page));
        assert.ok(backward.length <= expected.length, `"Anterior" não para: ${backward.join(" → ")}`);
      }
      return { forward, backward };
    });
    assert.deepEqual(walked.forward, expected);
    assert.deepEqual(walked.backward, [...expected].reverse());
  });

  test("a busca acha uma palavra que só um notebook tem e leva à seção dela", { timeout: 5 * 60_000 }, async (t) => {
    const target = built.at(-1);
    assert.ok(target, "nenhum capítulo construído");
    const word = await wordOnlyIn(target, built.filter((notebook) => notebook !== target));
    t.diagnostic(`palavra buscada: "${word}" (só em ${target.displayPath})`);
    const found = await withPage(desktop, async (page) => {
      await page.goto(href("index.html"));
      await page.locator("#rn-busca-campo").fill(word);
      await page.locator("#rn-busca-resultados a").first().waitFor();
      await page.screenshot({ path: screenshotFile("site-busca-desktop") });
      const results = await page.locator("#rn-busca-resultados a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
      await page.locator("#rn-busca-resultados a").first().click();
      await page.waitForLoadState("load");
      const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
      const section = anchor === "" ? "" : ((await page.evaluate(`document.getElementById(${JSON.stringify(anchor)})?.textContent ?? ""`)) as string);
      const text = normalizeTerm((await page.locator("main").first().textContent()) ?? "");
      return { results, page: fileName(page), anchor, section, hasWord: text.includes(word) };
    });
    assert.ok(found.results.length > 0, "nenhum resultado");
    assert.equal(found.results[0]?.split("#")[0], `${target.name}.html`, `primeiro resultado de "${word}": ${found.results.join(", ")}`);
    assert.equal(found.page, `${target.name}.html`);
    assert.ok(found.anchor === "" || found.section !== "", `o resultado aponta para #${found.anchor}, que não existe na página`);
    assert.ok(found.hasWord, `"${word}" não está no capítulo aberto`);
  });

  test("cada capítulo oferece o notebook limpo, o executado e o link para o Binder", { timeout: 5 * 60_000 }, async () => {
    const links = await withPage(desktop, async (page) => {
      const all: { chapter: string; downloads: string[]; launch: string | null }[] = [];
      for (const notebook of built) {
        await page.goto(href(`${notebook.name}.html`));
        all.push({
          chapter: notebook.name,
          downloads: await page.locator(".rn-barra a[download]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? "")),
          launch: await page.locator(".rn-barra a.rn-abrir").getAttribute("href"),
        });
      }
      return all;
    });
    for (const [index, notebook] of built.entries()) {
      const seen = links[index];
      assert.deepEqual(seen?.downloads, [`notebooks/${notebook.name}.ipynb`, `executados/${notebook.name}.ipynb`], notebook.name);
      assert.equal(seen?.launch, `https://mybinder.org/v2/gh/exemplo/redes-neurais/HEAD?labpath=notebooks/${notebook.name}.ipynb`);
      const clean = await readNotebook(path.join(folder, "notebooks", `${notebook.name}.ipynb`));
      const executed = await readNotebook(path.join(folder, "executados", `${notebook.name}.ipynb`));
      const codeCells = (cells: typeof clean.cells) => cells.filter((cell) => cell.cell_type === "code");
      assert.ok(codeCells(clean.cells).length > 0, `${notebook.name}: o notebook limpo não tem código`);
      assert.ok(codeCells(clean.cells).every((cell) => (cell.outputs ?? []).length === 0), `${notebook.name}: o notebook limpo tem saídas`);
      assert.deepEqual(await readFile(path.join(folder, "notebooks", `${notebook.name}.ipynb`)), await readFile(notebook.file), `${notebook.name}: o limpo é o do repositório`);
      assert.equal(codeCells(executed.cells).length, codeCells(clean.cells).length, `${notebook.name}: células do executado`);
      assert.ok(codeCells(executed.cells).some((cell) => (cell.outputs ?? []).length > 0), `${notebook.name}: o executado não tem saídas`);
    }
  });

  test("o PDF do curso tem capa, sumário e cada capítulo, com as figuras desenhadas e sem rede", { timeout: 60_000 }, async (t) => {
    assert.ok(site.pdf, `PDF não gerado: ${site.pdfMissingReason}`);
    const pdf = await readFile(site.pdf.file);
    const pages = pdfPageCount(pdf);
    t.diagnostic(`PDF: ${pages} páginas, ${(pdf.length / 1e6).toFixed(1)} MB, ${site.pdf.figuresDrawn}/${site.pdf.figures} figuras`);
    assert.equal(pages, site.pdf.pages);
    assert.ok(pages >= built.length + 1, `${pages} página(s) para ${built.length} capítulo(s) e a capa`);
    assert.deepEqual(site.pdf.refusedRequests, [], "a página de impressão pediu algo da rede");
    assert.equal(site.pdf.figuresDrawn, site.pdf.figures, "figuras não desenhadas antes de imprimir");
    const outline = pdfOutlineTitles(pdf);
    assert.ok(outline.includes("Sumário"), `sem "Sumário" no índice do PDF: ${outline.slice(0, 10).join(" | ")}`);
    for (const notebook of built) {
      const title = (await readTitle(notebook.file)) ?? notebook.name;
      assert.ok(outline.includes(title), `o capítulo "${title}" não está no índice do PDF (${outline.length} títulos)`);
    }
  });

  test("capturas de tela: um capítulo no computador e no celular", { timeout: 5 * 60_000 }, async () => {
    const chapter = built.find((notebook) => notebook.number === 5) ?? built[0];
    assert.ok(chapter);
    const widths = await withPage(desktop, async (page) => {
      await page.goto(href(`${chapter.name}.html`));
      await page.screenshot({ path: screenshotFile("site-capitulo-desktop") });
      await page.setViewportSize(phone);
      await page.goto(href(`${chapter.name}.html`));
      await page.screenshot({ path: screenshotFile("site-capitulo-celular") });
      await page.locator('a[rel="next"], a[rel="prev"]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotFile("site-capitulo-celular-fim") });
      // Readable on a phone: the page itself does not scroll sideways (wide code and figures scroll in their cell).
      const width = async () => (await page.evaluate("`${document.documentElement.scrollWidth}px numa tela de ${window.innerWidth}px`")) as string;
      const chapterWidth = await width();
      await page.goto(href("index.html"));
      await page.screenshot({ path: screenshotFile("site-inicio-celular") });
      return { chapter: chapterWidth, index: await width() };
    });
    assert.deepEqual(widths, { chapter: `${phone.width}px numa tela de ${phone.width}px`, index: `${phone.width}px numa tela de ${phone.width}px` }, "largura das páginas no celular");
  });
});
