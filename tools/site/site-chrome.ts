/**
 * What turns a handout into a page of the course site: a sidebar with the chapters in
 * course order and the search box, a bar with the chapter's downloads and launch link,
 * previous / next links at the end. Inserted between `<!--redes-neurais:site-->` markers,
 * so that assembling the site again replaces it instead of adding a second copy.
 */
import { escapeHtml } from "@redes-neurais/lib/ferramentas";

export interface SiteChapter {
  number: number;
  title: string;
  /** The chapter page, relative to the site (`01_perceptron.html`). */
  href: string;
  /** The notebook as committed, relative to the site (`notebooks/01_perceptron.ipynb`). */
  notebook: string;
  /** The notebook executed for the page, with outputs; null when the build did not keep it. */
  executedNotebook: string | null;
  /** Where to run it (Binder, JupyterHub), or null for no link. */
  launchUrl: string | null;
  /** A label for the launch link ("Binder", the hub's host). */
  launchLabel: string | null;
}

export interface SiteChrome {
  head: string;
  top: string;
  bottom: string;
}

const begin = "<!--redes-neurais:site-->";
const end = "<!--/redes-neurais:site-->";

/** Files the site's pages load, beside them. */
export const siteAssets = { style: "site.css", script: "site.js", searchIndex: "busca-indice.js", miniSearch: "minisearch.js" } as const;

/** The course PDF's file name in the site. */
export const coursePdfName = "curso.pdf";

export function chapterTitle(chapter: Pick<SiteChapter, "number" | "title">): string {
  const match = /^(\d+)\s*[·.:\-–—]\s*(.+)$/.exec(chapter.title);
  const title = match?.[2] && Number(match[1]) === chapter.number ? match[2] : chapter.title;
  return `${String(chapter.number).padStart(2, "0")} · ${title}`;
}

/**
 * The site's parts for one page: `current` is the chapter's position in `chapters`, or
 * null for the home page. `hasPdf` says whether the course PDF was printed.
 */
export function siteChrome(courseName: string, chapters: readonly SiteChapter[], current: number | null, hasPdf: boolean): SiteChrome {
  const head = `<link rel="stylesheet" href="${siteAssets.style}">`;
  const items = chapters
    .map((chapter, index) => {
      const here = index === current ? ' aria-current="page"' : "";
      return `<li><a href="${escapeHtml(chapter.href)}"${here}>${escapeHtml(chapterTitle(chapter))}</a></li>`;
    })
    .join("\n");
  const pdf = hasPdf ? `<p class="rn-pdf"><a href="${coursePdfName}" download>Curso inteiro em PDF</a></p>` : "";
  const sidebar = `<nav class="rn-lateral" aria-label="Curso">
<a class="rn-inicio" href="index.html">${escapeHtml(courseName)}</a>
<div class="rn-busca" role="search">
<label for="rn-busca-campo">Buscar no curso</label>
<input id="rn-busca-campo" type="search" placeholder="Buscar no curso…" autocomplete="off">
<ol id="rn-busca-resultados" aria-live="polite"></ol>
</div>
<details class="rn-capitulos" open>
<summary>Capítulos</summary>
<ol>
${items}
</ol>
</details>
${pdf}
</nav>`;
  const chapter = current === null ? undefined : chapters[current];
  const top = chapter === undefined ? sidebar : `${sidebar}\n${chapterBar(chapter)}`;
  const scripts = [siteAssets.miniSearch, siteAssets.searchIndex, siteAssets.script].map((file) => `<script src="${file}"></script>`).join("\n");
  const bottom = current === null ? scripts : `${pager(chapters, current)}\n${scripts}`;
  return { head, top, bottom };
}

function chapterBar(chapter: SiteChapter): string {
  const links = [
    `<a href="${escapeHtml(chapter.notebook)}" download>Baixar o notebook</a>`,
    chapter.executedNotebook === null
      ? ""
      : `<a href="${escapeHtml(chapter.executedNotebook)}" download>Baixar executado (com resultados)</a>`,
    chapter.launchUrl === null
      ? ""
      : `<a class="rn-abrir" href="${escapeHtml(chapter.launchUrl)}" target="_blank" rel="noopener">Abrir no ${escapeHtml(chapter.launchLabel ?? "Jupyter")}</a>`,
  ].filter(Boolean);
  return `<div class="rn-barra" aria-label="Este capítulo">${links.join("\n")}</div>`;
}

function pager(chapters: readonly SiteChapter[], current: number): string {
  const previous = chapters[current - 1];
  const next = chapters[current + 1];
  const link = (chapter: SiteChapter | undefined, rel: "prev" | "next", label: string): string =>
    chapter === undefined
      ? `<span class="rn-${rel}"></span>`
      : `<a class="rn-${rel}" rel="${rel}" href="${escapeHtml(chapter.href)}"><small>${label}</small>${escapeHtml(chapterTitle(chapter))}</a>`;
  return `<nav class="rn-paginas" aria-label="Capítulos vizinhos">\n${link(previous, "prev", "← Anterior")}\n${link(next, "next", "Próximo →")}\n</nav>`;
}

/** A page without any site parts (a handout as nbconvert and the handout build made it). */
export function withoutSiteChrome(html: string): string {
  return html.split(begin).map((part, index) => (index === 0 ? part : part.slice(part.indexOf(end) + end.length))).join("");
}

/** The page with the site's parts (any earlier ones removed first). */
export function withSiteChrome(html: string, chrome: SiteChrome): string {
  const page = withoutSiteChrome(html);
  const wrap = (content: string): string => `${begin}\n${content}\n${end}`;
  const headEnd = page.search(/<\/head\s*>/i);
  const bodyTag = /<body\b[^>]*>/i.exec(page);
  const bodyEnd = page.search(/<\/body\s*>/i);
  if (headEnd < 0 || bodyTag === null || bodyEnd < 0) {
    throw new Error(
      "A página da apostila não tem </head>, <body> e </body>: o modelo tools/jupyter/templates/redes-neurais foi alterado? " +
        "O site precisa dos três para pôr a navegação.",
    );
  }
  const bodyStart = bodyTag.index + bodyTag[0].length;
  return (
    page.slice(0, headEnd) +
    wrap(chrome.head) +
    page.slice(headEnd, bodyStart) +
    wrap(chrome.top) +
    page.slice(bodyStart, bodyEnd) +
    wrap(chrome.bottom) +
    page.slice(bodyEnd)
  );
}
