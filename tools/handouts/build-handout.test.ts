/**
 * A handout from a tiny notebook, end to end (kernel, nbconvert, MathJax): readable
 * offline, math drawn as SVG, code highlighted as TypeScript, prompts numbered.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { isNotebookExecutionError } from "../jupyter/execute-notebook";
import { temporaryFolder, writeFixtureNotebook } from "../test-support/fixture-notebook";
import { readNotebook } from "../notebooks/notebook-format";
import { buildHandout } from "./build-handout";
import { indexPage } from "./index-page";

/** URLs on the network that a page would load by itself (not links a reader clicks). */
function networkLoads(html: string): string[] {
  const found: string[] = [];
  const tag = /<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi;
  for (const match of html.matchAll(tag)) {
    const attribute = /\s(?:src|href|data|srcset)\s*=\s*["']?\s*((?:https?:)?\/\/[^"'\s>]+)/i.exec(match[0]);
    if (attribute?.[1]) found.push(attribute[1]);
  }
  for (const match of html.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s]+)/gi)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

/** The page's prose: without scripts, styles, code blocks, drawn math and tags. */
function proseText(html: string): string {
  return html
    .replace(/<script\b[^]*?<\/script>/gi, "")
    .replace(/<style\b[^]*?<\/style>/gi, "")
    .replace(/<pre\b[^]*?<\/pre>/gi, "")
    .replace(/<mjx-container\b[^]*?<\/mjx-container>/gi, "")
    .replace(/<svg\b[^]*?<\/svg>/gi, "")
    .replace(/<[^>]+>/g, "");
}

/** Like assert.match, but on failure shows a short excerpt instead of a page of HTML. */
function assertHas(html: string, pattern: RegExp, what: string): void {
  if (pattern.test(html)) return;
  assert.fail(`${what}: ${pattern} não aparece no HTML (${html.length} caracteres; início: ${JSON.stringify(html.slice(0, 200))})`);
}

function assertHasNot(html: string, pattern: RegExp, what: string): void {
  const match = pattern.exec(html);
  if (!match) return;
  const around = html.slice(Math.max(0, match.index - 100), match.index + match[0].length + 100);
  assert.fail(`${what}: ${pattern} aparece no HTML, em ${JSON.stringify(around)}`);
}

describe("apostila de um notebook pequeno", () => {
  let folder = "";
  let remove: () => Promise<void> = async () => {};
  let html = "";
  before(async () => {
    ({ folder, remove } = await temporaryFolder("handout"));
    const file = await writeFixtureNotebook(folder, "01_pequeno.ipynb", [
      { markdown: "# 01 · Um notebook pequeno\n\nA energia de repouso é $E = mc^2$, e a soma\n\n$$\\sum_i x_i$$\n\nfecha a conta." },
      { code: "const massa: number = 2;\nconsole.log(`massa = ${massa} kg, custa $5`);" },
      { code: 'console.log("segunda célula");' },
    ]);
    const result = await buildHandout(
      { file, name: "01_pequeno", number: 1, displayPath: "01_pequeno.ipynb" },
      { outputFolder: path.join(folder, "apostilas"), executedNotebookFolder: path.join(folder, "executados") },
    );
    assert.equal(result.title, "01 · Um notebook pequeno");
    assert.equal(result.formulaCount, 2);
    html = await readFile(result.file, "utf8");
  }, { timeout: 180_000 });
  after(() => remove());

  test("nenhum $...$ sobra no texto e a matemática vira SVG", () => {
    assert.ok(html.length > 0);
    assertHasNot(html, /\$E = mc\^2\$/, "TeX cru em linha");
    assertHasNot(html, /\$\$\\sum_i x_i\$\$/, "TeX cru em destaque");
    const prose = proseText(html);
    assertHasNot(prose, /\$/, "cifrão no texto corrido");
    assertHas(prose, /A energia de repouso é/, "o texto da célula de markdown");
    assert.equal((html.match(/<mjx-container class="MathJax" jax="SVG"[^>]*>\s*<svg/g) ?? []).length, 2);
    assertHas(html, /<mjx-container[^>]*display="true"/, "a fórmula em destaque");
  });

  test("nada é carregado da rede: scripts, estilos, imagens e iframes são locais ou embutidos", () => {
    assert.deepEqual(networkLoads(html), []);
    assertHasNot(html, /mathjax@|cdnjs|require\.min\.js|mermaid/i, "referência a CDN");
  });

  test("o código é destacado como TypeScript", () => {
    assertHas(html, /class="highlight hl-typescript"/, "o bloco de código marcado como TypeScript");
    assertHas(html, /<span class="kd">const<\/span>/, "const como palavra-chave de declaração");
    assertHas(html, /<span class="kt">number<\/span>/, "number como tipo: só o léxico TypeScript faz isso");
  });

  test("os prompts são numerados, sem In [ ] vazio, e as saídas ficam intactas", () => {
    assertHas(html, /In\u00a0\[1\]:/, "o prompt In [1]");
    assertHas(html, /In\u00a0\[2\]:/, "o prompt In [2]");
    assertHasNot(html, /In(\u00a0|&nbsp;)\[(\u00a0|&nbsp;| )*\]/, "prompt sem número");
    assertHas(html, /massa = 2 kg, custa \$5/, "a saída da célula, com o cifrão intacto");
    assertHas(html, /<html lang="pt">/, "o idioma da página");
    assertHas(html, /<title>01 · Um notebook pequeno · Redes neurais<\/title>/, "o título da página");
  });

  test("o notebook executado fica, com saídas e contagens, quando pedido", async () => {
    const executed = await readNotebook(path.join(folder, "executados", "01_pequeno.ipynb"));
    const code = executed.cells.filter((cell) => cell.cell_type === "code");
    assert.deepEqual(code.map((cell) => cell.execution_count), [1, 2]);
    assert.match(JSON.stringify(code[0]?.outputs), /massa = 2 kg/);
    assert.deepEqual(await readdir(path.join(folder, "executados")), ["01_pequeno.ipynb"], "nenhum arquivo temporário");
  });

  test("nenhum arquivo temporário fica na pasta das apostilas", async () => {
    assert.deepEqual(await readdir(path.join(folder, "apostilas")), ["01_pequeno.html"]);
  });

  test("um notebook que falha não deixa apostila, e o erro nomeia a célula e o texto do kernel", { timeout: 180_000 }, async () => {
    const file = await writeFixtureNotebook(folder, "02_falha.ipynb", [
      { markdown: "# 02 · Falha" },
      { code: 'throw new RangeError("número de épocas inválido");' },
    ]);
    const output = path.join(folder, "apostilas");
    const executedFolder = path.join(folder, "executados");
    const error = await buildHandout(
      { file, name: "02_falha", number: 2, displayPath: "notebooks/02_falha.ipynb" },
      { outputFolder: output, executedNotebookFolder: executedFolder },
    ).then(
      () => assert.fail("esperava que a apostila falhasse"),
      (reason: unknown) => reason,
    );
    assert.ok(isNotebookExecutionError(error), String(error));
    assert.match(error.message, /^notebooks\/02_falha\.ipynb, célula 2 \(In \[1\]\)/);
    assert.match(error.message, /RangeError: número de épocas inválido/);
    assert.equal(existsSync(path.join(output, "02_falha.html")), false);
    assert.equal(existsSync(path.join(executedFolder, "02_falha.ipynb")), false, "nem notebook executado");
  });
});

test("o índice lista as apostilas em ordem, em português, e escapa os títulos", () => {
  const page = indexPage(
    "Redes neurais",
    [
      { number: 1, title: "Perceptron <e> & cia", href: "01_perceptron.html", source: "notebooks/01_perceptron.ipynb" },
      { number: 2, title: "02 · Retropropagação", href: "02_retro.html", source: "notebooks/02_retro.ipynb" },
    ],
    new Date(2026, 0, 15, 10, 30),
  );
  assert.match(page, /<html lang="pt-BR">/);
  assert.ok(page.indexOf("01_perceptron.html") < page.indexOf("02_retro.html"));
  assert.match(page, /Perceptron &lt;e&gt; &amp; cia/);
  assert.match(page, /<span class="numero">02<\/span>\s*<span class="titulo">Retropropagação<\/span>/, "o número não se repete no título");
  assert.match(page, /15 de janeiro de 2026/);
  assert.deepEqual(networkLoads(page), []);
});

test("a busca de endereços de rede acha scripts, folhas de estilo e imagens externos", () => {
  const page =
    '<script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="//fonts.example/f.css">' +
    '<img alt="" src="http://example.org/a.png"><a href="https://example.org">link</a><img src="data:image/png;base64,AA">' +
    "<style>@import url('https://example.org/s.css');</style>";
  assert.deepEqual(networkLoads(page), [
    "https://cdn.example/x.js",
    "//fonts.example/f.css",
    "http://example.org/a.png",
    "https://example.org/s.css",
  ]);
});
