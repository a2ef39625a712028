/**
 * A built HTML handout as a reader sees it in a browser: its figures drawn, its math drawn
 * (no TeX left as text), its code highlighted as TypeScript, its diagrams (lib/src/diagrams,
 * shown with showDiagram) drawn with their title and description; and the index of the handouts.
 */
import type { Page } from "playwright-core";
import { DIAGRAM_CLASS, FIGURE_CLASS } from "@redes-neurais/lib/ferramentas";

export interface HandoutReport {
  /** Course figures on the page, and how many have a drawn Plotly graph (an SVG with data). */
  figures: number;
  figuresDrawn: number;
  figuresNotDrawn: string[];
  /** The diagrams on the page: the `<title>` and `<desc>` of each SVG and the size it is drawn at (CSS pixels; 0 when its image did not load). */
  diagrams: HandoutDiagram[];
  /** Formulas drawn by MathJax. */
  formulas: number;
  /** Text in markdown cells that still looks like TeX: `$...$`, `$$...$$`, `\(...\)`, `\[...\]`. */
  rawMath: string[];
  codeCells: number;
  /** Code cells without highlighted tokens (no `<span class=...>` inside their `<pre>`). */
  codeCellsNotHighlighted: string[];
  /** `const`/`let` written in code and shown as declaration keywords (`.kd`) by the TypeScript lexer. */
  declarationKeywords: number;
  declarationsInCode: number;
}

/** One diagram as the browser draws it. */
interface HandoutDiagram {
  /** The SVG's own `<title>` ("" when missing). */
  title: string;
  /** The SVG's own `<desc>` ("" when missing). */
  description: string;
  width: number;
  height: number;
}

/** Waits (bounded, without failing) for every course figure to have its SVG and every diagram's image to load. */
export async function waitForHandoutFigures(page: Page, timeoutMs: number): Promise<void> {
  await page
    .waitForFunction(
      `[...document.querySelectorAll(".${FIGURE_CLASS}")].every((figure) => figure.querySelector(".main-svg")) && ` +
        `[...document.querySelectorAll(".${DIAGRAM_CLASS} img")].every((image) => image.complete)`,
      undefined,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
}

export async function inspectHandout(page: Page): Promise<HandoutReport> {
  return (await page.evaluate(`(() => {
    const figures = [...document.querySelectorAll(".${FIGURE_CLASS}")];
    const drawn = (figure) => {
      const graph = figure.classList.contains("js-plotly-plot") ? figure : figure.querySelector(".js-plotly-plot");
      return graph !== null && Array.isArray(graph.data) && graph.data.length > 0 && graph.querySelector(".main-svg") !== null;
    };
    const diagrams = [...document.querySelectorAll(".${DIAGRAM_CLASS}")].map((wrapper) => {
      // showDiagram (lib/src/diagrams/show-diagram.ts) writes the SVG document as an <img> with a data: URL.
      const image = wrapper.querySelector("img");
      const encoded = /^data:image\\/svg\\+xml;base64,(.*)$/.exec(image?.getAttribute("src") ?? "")?.[1];
      const svg = encoded === undefined ? null : new DOMParser().parseFromString(
        new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))), "image/svg+xml").documentElement;
      const child = (name) => svg?.querySelector(":scope > " + name)?.textContent.trim() ?? "";
      const box = image?.getBoundingClientRect();
      const decoded = image !== null && image.complete && image.naturalWidth > 0;
      return { title: child("title"), description: child("desc"), width: decoded ? box.width : 0, height: decoded ? box.height : 0 };
    });
    const rawMath = [];
    const texPattern = /\\$\\$[^$]+\\$\\$|\\$[^$\\s][^$]*\\$|\\\\\\([^]*?\\\\\\)|\\\\\\[[^]*?\\\\\\]/;
    for (const markdown of document.querySelectorAll(".jp-MarkdownCell .jp-RenderedMarkdown")) {
      const walker = document.createTreeWalker(markdown, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => node.parentElement.closest("code, pre, mjx-container") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
      });
      let text = "";
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) text += node.textContent;
      const found = texPattern.exec(text);
      if (found) rawMath.push(found[0].slice(0, 200));
    }
    const codeCells = [...document.querySelectorAll(".jp-CodeCell .jp-InputArea-editor")];
    const codeCellsNotHighlighted = codeCells
      .filter((editor) => editor.textContent.trim() !== "" && editor.querySelector("pre span[class]") === null)
      .map((editor) => editor.textContent.trim().slice(0, 80));
    const codeText = codeCells.map((editor) => editor.textContent).join("\\n");
    const declarationsInCode = (codeText.match(/(^|[^\\w.$])(const|let)\\s/g) ?? []).length;
    const declarationKeywords = [...document.querySelectorAll(".jp-CodeCell .jp-InputArea-editor pre span.kd")]
      .filter((span) => span.textContent === "const" || span.textContent === "let").length;
    return {
      figures: figures.length,
      figuresDrawn: figures.filter(drawn).length,
      figuresNotDrawn: figures.filter((figure) => !drawn(figure)).map((figure) => figure.id + ": " + figure.textContent.trim().slice(0, 200)),
      diagrams,
      formulas: document.querySelectorAll("mjx-container").length,
      rawMath,
      codeCells: codeCells.length,
      codeCellsNotHighlighted,
      declarationKeywords,
      declarationsInCode,
    };
  })()`)) as HandoutReport;
}

/**
 * What is wrong with a handout, as sentences (empty when all is well). `minimumDiagrams`:
 * how many diagrams the page must have at least (default 0).
 */
export function handoutProblems(report: HandoutReport, expect: { figures: number; formulas: number; minimumDiagrams?: number }): string[] {
  const problems: string[] = [];
  if (report.figures !== expect.figures) problems.push(`${report.figures} figura(s) na página; o construtor da apostila contou ${expect.figures}`);
  for (const figure of report.figuresNotDrawn) problems.push(`figura não desenhada: ${figure}`);
  const minimumDiagrams = expect.minimumDiagrams ?? 0;
  if (report.diagrams.length < minimumDiagrams) {
    problems.push(`${report.diagrams.length} diagrama(s) na página; esperava ao menos ${minimumDiagrams} (showDiagram de lib/src/diagrams)`);
  }
  report.diagrams.forEach((diagram, index) => {
    const name = `diagrama ${index + 1} (${JSON.stringify(diagram.title.slice(0, 80))})`;
    if (diagram.title === "") problems.push(`${name} sem <title>`);
    if (diagram.description === "") problems.push(`${name} sem <desc>`);
    if (!(diagram.width > 0 && diagram.height > 0)) problems.push(`${name} não desenhado: ${diagram.width}×${diagram.height} px`);
  });
  if (report.formulas < expect.formulas) problems.push(`${report.formulas} fórmula(s) desenhada(s) na página; o MathJax desenhou ${expect.formulas}`);
  for (const tex of report.rawMath) problems.push(`TeX não desenhado no texto: ${JSON.stringify(tex)}`);
  if (report.codeCells === 0) problems.push("nenhuma célula de código na página");
  for (const cell of report.codeCellsNotHighlighted) problems.push(`código sem realce de sintaxe: ${JSON.stringify(cell)}`);
  if (report.declarationsInCode > 0 && report.declarationKeywords === 0) {
    problems.push(
      `${report.declarationsInCode} const/let no código e nenhum realçado como palavra-chave de declaração ` +
        "(o realce não é o de TypeScript? confira metadata.language_info.name)",
    );
  }
  return problems;
}

/** The links of the handouts' index (`ol.apostilas a`), in page order. */
export async function indexLinks(page: Page): Promise<{ href: string; text: string }[]> {
  return (await page.evaluate(
    `[...document.querySelectorAll("ol.apostilas a")].map((link) => ({ href: link.getAttribute("href"), text: link.textContent.replace(/\\s+/g, " ").trim() }))`,
  )) as { href: string; text: string }[];
}
