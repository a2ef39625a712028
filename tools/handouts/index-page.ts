/**
 * The handouts' table of contents, `index.html`: the course's notebooks in order, each
 * with its number and title, linking to its handout. Plain HTML and CSS, offline.
 */
import { escapeHtml } from "@redes-neurais/lib/ferramentas";

export interface IndexEntry {
  number: number;
  title: string;
  /** The handout's file name, relative to the index (`01_perceptron.html`). */
  href: string;
  /** The notebook it comes from (`notebooks/01_perceptron.ipynb`). */
  source: string;
}

export function indexPage(courseName: string, entries: readonly IndexEntry[], builtAt: Date): string {
  const date = new Intl.DateTimeFormat("pt-BR", { dateStyle: "long", timeStyle: "short" }).format(builtAt);
  const items = entries
    .map(
      (entry) => `    <li>
      <a href="${escapeHtml(entry.href)}">
        <span class="numero">${String(entry.number).padStart(2, "0")}</span>
        <span class="titulo">${escapeHtml(withoutNumber(entry.title, entry.number))}</span>
        <span class="fonte">${escapeHtml(entry.source)}</span>
      </a>
    </li>`,
    )
    .join("\n");
  const list = entries.length
    ? `  <ol class="apostilas">\n${items}\n  </ol>`
    : "  <p>Nenhuma apostila gerada ainda. Rode <code>npm run handouts</code>.</p>";
  return `<!DOCTYPE html>
<html lang="pt-BR">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(courseName)} · apostilas</title>
<style>
  :root { color-scheme: light; --tinta: #1f2933; --suave: #616e7c; --destaque: #1565c0; --fundo: #f5f7fa; }
  body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
         color: var(--tinta); background: var(--fundo); }
  main { max-width: 46rem; margin: 0 auto; padding: 3rem 1.25rem 4rem; }
  h1 { font-size: 2.1rem; margin: 0 0 .25rem; }
  .subtitulo { color: var(--suave); margin: 0 0 2rem; }
  ol.apostilas { list-style: none; padding: 0; margin: 0; }
  ol.apostilas li { margin: 0 0 .75rem; }
  ol.apostilas a { display: grid; grid-template-columns: 3ch 1fr; column-gap: 1rem; align-items: baseline;
                   background: #fff; border: 1px solid #e4e7eb; border-radius: 10px; padding: .85rem 1.1rem;
                   color: var(--tinta); text-decoration: none; }
  ol.apostilas a:hover, ol.apostilas a:focus { border-color: var(--destaque); }
  ol.apostilas a:hover .titulo, ol.apostilas a:focus .titulo { color: var(--destaque); text-decoration: underline; }
  .numero { font: 600 1.05rem ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--destaque); }
  .titulo { font-size: 1.12rem; font-weight: 600; }
  .fonte { grid-column: 2; margin-top: .15rem; color: var(--suave); font-size: .85rem;
           font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
  footer { margin-top: 2.5rem; color: var(--suave); font-size: .85rem; }
</style>
</head>
<body>
<main>
  <h1>${escapeHtml(courseName)}</h1>
  <p class="subtitulo">Apostilas do curso: cada notebook executado do início ao fim, com código, resultados e gráficos.</p>
${list}
  <footer>Geradas em ${escapeHtml(date)} com <code>npm run handouts</code>. Funcionam sem internet.</footer>
</main>
</body>
</html>
`;
}

/** "03 · Retropropagação" → "Retropropagação" next to the number 03, which the page shows apart. */
function withoutNumber(title: string, number: number): string {
  const match = /^(\d+)\s*[·.:\-–—]\s*(.+)$/.exec(title);
  return match?.[2] && Number(match[1]) === number ? match[2] : title;
}
