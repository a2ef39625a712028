/**
 * The whole course as one HTML page made for printing (the source of the course PDF):
 * a cover with the table of contents, then every chapter starting on a new page, with
 * the handouts' own styles, drawn math and figures, and plotly.js once.
 */
import { countCourseFigures, escapeHtml, FIGURE_CLASS, plotlyBundleScript } from "@redes-neurais/lib/ferramentas";
import { chapterTitle, withoutSiteChrome } from "./site-chrome";

export interface PrintChapter {
  number: number;
  title: string;
  /** The chapter's handout page. */
  html: string;
}

/** The id of a chapter's section in the print page (the table of contents links to it). */
export function printChapterId(number: number): string {
  return `capitulo-${String(number).padStart(2, "0")}`;
}

const printStyle = `<style>
@page { size: A4; margin: 16mm 13mm 18mm; }
html, body { background: #fff; }
body.jp-Notebook main { max-width: none; padding: 0; margin: 0; }
.rn-capa { break-after: page; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; padding-top: 20mm; }
.rn-capa h1 { font-size: 30pt; margin: 0 0 4mm; }
.rn-capa .rn-subtitulo { color: #616e7c; margin: 0 0 14mm; }
.rn-sumario ol { list-style: none; padding: 0; font-size: 13pt; line-height: 1.9; }
.rn-sumario a { color: #1f2933; text-decoration: none; }
.rn-capitulo { break-before: page; }
h1, h2, h3, h4 { break-after: avoid; }
.jp-OutputArea-output, .jp-InputArea, .js-plotly-plot, .${FIGURE_CLASS}, figure, img, svg, table,
mjx-container[display="true"] { break-inside: avoid; }
.jp-InputPrompt, .jp-OutputPrompt { display: none; }
pre { white-space: pre-wrap; word-break: break-word; }
</style>`;

export function printPage(courseName: string, chapters: readonly PrintChapter[], builtAt: Date): string {
  const pages = chapters.map((chapter) => ({ chapter, page: withoutSiteChrome(chapter.html) }));
  const styles = new Set<string>();
  for (const { page } of pages) {
    for (const style of headOf(page).match(/<style\b[^>]*>[^]*?<\/style>/gi) ?? []) styles.add(style);
  }
  const figures = pages.some(({ page }) => countCourseFigures(page) > 0);
  const bodyAttributes = pages[0] === undefined ? ' class="jp-Notebook"' : (/<body\b([^>]*)>/i.exec(pages[0].page)?.[1] ?? "");
  const date = new Intl.DateTimeFormat("pt-BR", { dateStyle: "long" }).format(builtAt);
  const contents = chapters
    .map((chapter) => `<li><a href="#${printChapterId(chapter.number)}">${escapeHtml(chapterTitle(chapter))}</a></li>`)
    .join("\n");
  const sections = pages
    .map(({ chapter, page }) => `<section class="rn-capitulo" id="${printChapterId(chapter.number)}">\n${bodyOf(page)}\n</section>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<title>${escapeHtml(courseName)} · curso completo</title>
${[...styles].join("\n")}
${figures ? plotlyBundleScript() : ""}
${printStyle}
</head>
<body${bodyAttributes}>
<section class="rn-capa">
<h1>${escapeHtml(courseName)}</h1>
<p class="rn-subtitulo">O curso completo: cada notebook executado do início ao fim. Gerado em ${escapeHtml(date)}.</p>
<nav class="rn-sumario"><h2>Sumário</h2>
<ol>
${contents}
</ol>
</nav>
</section>
${sections}
</body>
</html>
`;
}

function headOf(html: string): string {
  const start = html.search(/<head\b[^>]*>/i);
  const end = html.search(/<\/head\s*>/i);
  return start < 0 || end < 0 ? "" : html.slice(start, end);
}

function bodyOf(html: string): string {
  const start = /<body\b[^>]*>/i.exec(html);
  const end = html.search(/<\/body\s*>/i);
  return html.slice(start ? start.index + start[0].length : 0, end < 0 ? html.length : end);
}
