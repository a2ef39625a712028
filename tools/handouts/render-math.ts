/**
 * Draws the TeX of a handout's markdown cells as SVG, in Node, with MathJax
 * (mathjax-full): the handout then shows its formulas offline, with no script.
 *
 * The nbconvert template (tools/jupyter/templates/redes-neurais) wraps each markdown
 * cell in two HTML comments; only what lies between them is given to MathJax, so
 * code and outputs (figures included) stay byte for byte as nbconvert wrote them.
 * Delimiters as in Jupyter: `$...$`, `\(...\)` inline; `$$...$$`, `\[...\]` and
 * `\begin{env}...\end{env}` displayed; `\$` is a dollar sign.
 */
import { mathjax } from "mathjax-full/js/mathjax.js";
import { TeX } from "mathjax-full/js/input/tex.js";
import { SVG } from "mathjax-full/js/output/svg.js";
import { liteAdaptor, type LiteAdaptor } from "mathjax-full/js/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "mathjax-full/js/handlers/html.js";
import { AssistiveMmlHandler } from "mathjax-full/js/a11y/assistive-mml.js";
import { AllPackages } from "mathjax-full/js/input/tex/AllPackages.js";

export const markdownBegin = "<!--redes-neurais:markdown-->";
export const markdownEnd = "<!--/redes-neurais:markdown-->";

export interface RenderedMath {
  html: string;
  /** How many formulas were drawn. */
  formulaCount: number;
  /** TeX that MathJax could not read: `mensagem: \tex`. They show in red in the page. */
  texErrors: string[];
}

/** Thrown when the HTML did not come from the course's nbconvert template. */
export class MathMarkersError extends Error {
  override name = "MathMarkersError";
}

let adaptor: LiteAdaptor | undefined;

/** MathJax keeps handlers in a global list: register ours once per process. */
function mathAdaptor(): LiteAdaptor {
  if (!adaptor) {
    adaptor = liteAdaptor();
    AssistiveMmlHandler(RegisterHTMLHandler(adaptor)); // hidden MathML for screen readers
  }
  return adaptor;
}

export function renderMath(html: string): RenderedMath {
  const fragments = findMarkdownFragments(html);
  if (fragments.length === 0) return { html, formulaCount: 0, texErrors: [] };

  const lite = mathAdaptor();
  const texErrors: string[] = [];
  const tex = new TeX({
    // Without `noerrors` and `noundefined`: bad TeX is reported, not shown as plain text.
    packages: AllPackages.filter((name) => name !== "noerrors" && name !== "noundefined"),
    inlineMath: [["$", "$"], ["\\(", "\\)"]],
    displayMath: [["$$", "$$"], ["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
    formatError: (jax: { formatError(error: Error): unknown; latex?: string }, error: Error) => {
      texErrors.push(jax.latex === undefined ? error.message : `${error.message}: ${jax.latex}`);
      return jax.formatError(error);
    },
  });
  const svg = new SVG({ fontCache: "global" });
  const page =
    "<!DOCTYPE html><html><head></head><body>" +
    fragments.map((fragment, index) => `<div data-fragment="${index}">${fragment.content}</div>`).join("") +
    "</body></html>";
  const document = mathjax.document(page, { InputJax: tex, OutputJax: svg });
  document.render();

  const body = lite.body(document.document);
  const rendered = new Map<number, string>();
  let formulaCount = 0;
  for (const element of lite.tags(body, "div")) {
    const index = lite.getAttribute(element, "data-fragment");
    if (index === null || index === undefined || index === "") continue;
    const content = lite.innerHTML(element);
    rendered.set(Number(index), content);
    // Escaped dollars (`\$`) are math items too, drawn as plain text: count containers.
    formulaCount += content.split("<mjx-container").length - 1;
  }
  if (formulaCount === 0) {
    // Still take the fragments: an escaped dollar sign has lost its backslash.
    return { html: spliceFragments(html, fragments, rendered), formulaCount, texErrors };
  }
  const cache = lite.elementById(body, "MJX-SVG-global-cache");
  const styles = lite.innerHTML(lite.head(document.document));

  const result = spliceFragments(html, fragments, rendered).replace("</head>", `${styles}\n</head>`);
  return { html: insertAfterBodyTag(result, cache ? lite.outerHTML(cache) : ""), formulaCount, texErrors };
}

/** The HTML with each marker-wrapped region replaced by its rendered content. */
function spliceFragments(html: string, fragments: readonly Fragment[], rendered: ReadonlyMap<number, string>): string {
  let result = "";
  let position = 0;
  fragments.forEach((fragment, index) => {
    result += html.slice(position, fragment.start) + (rendered.get(index) ?? fragment.content);
    position = fragment.end;
  });
  return result + html.slice(position);
}

interface Fragment {
  /** Where the marker-wrapped region starts and ends in the HTML (markers included). */
  start: number;
  end: number;
  content: string;
}

function findMarkdownFragments(html: string): Fragment[] {
  const fragments: Fragment[] = [];
  let from = 0;
  for (;;) {
    const begin = html.indexOf(markdownBegin, from);
    if (begin < 0) break;
    const end = html.indexOf(markdownEnd, begin + markdownBegin.length);
    if (end < 0) {
      throw new MathMarkersError(
        `HTML da apostila com o marcador ${markdownBegin} sem o ${markdownEnd} correspondente: ` +
          "o modelo tools/jupyter/templates/redes-neurais foi alterado? Ele deve envolver cada célula de markdown nos dois.",
      );
    }
    fragments.push({
      start: begin,
      end: end + markdownEnd.length,
      content: html.slice(begin + markdownBegin.length, end),
    });
    from = end + markdownEnd.length;
  }
  return fragments;
}

function insertAfterBodyTag(html: string, content: string): string {
  if (!content) return html;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return html.replace("</html>", `${content}</html>`);
  const at = body.index + body[0].length;
  return html.slice(0, at) + content + html.slice(at);
}
