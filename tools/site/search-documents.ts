/**
 * What the course's search looks through: each chapter page cut into its sections (one
 * per heading with an id, as nbconvert writes them), each with its anchor and its text
 * (prose, code and outputs; no scripts, styles, drawn math or figures).
 */

export interface SearchDocument {
  /** Unique in the course: `01_perceptron#Regra-de-aprendizado`. */
  id: string;
  /** The chapter page (`01_perceptron.html`). */
  page: string;
  chapter: string;
  /** The section's heading; the chapter's title for the text before the first heading. */
  section: string;
  /** The section's anchor (`#...`), or "" for the top of the page. */
  anchor: string;
  text: string;
}

const heading = /<h([1-4])\b[^>]*\bid="([^"]+)"[^>]*>([^]*?)<\/h\1>/gi;

export function sectionsOfPage(html: string, page: string, chapter: string): SearchDocument[] {
  const body = bodyOf(html);
  const documents: SearchDocument[] = [];
  let section = chapter;
  let anchor = "";
  let from = 0;
  const push = (until: number): void => {
    const text = plainText(body.slice(from, until));
    if (text === "" && anchor === "") return;
    documents.push({ id: `${page.replace(/\.html$/, "")}#${anchor}`, page, chapter, section, anchor, text });
  };
  for (const match of body.matchAll(heading)) {
    push(match.index);
    anchor = decodeEntities(match[2] ?? "");
    section = plainText(match[3] ?? "") || chapter;
    from = match.index + match[0].length;
  }
  push(body.length);
  return documents;
}

function bodyOf(html: string): string {
  const start = /<body\b[^>]*>/i.exec(html);
  const end = html.search(/<\/body\s*>/i);
  const inner = html.slice(start ? start.index + start[0].length : 0, end < 0 ? html.length : end);
  // The site's own navigation is not the chapter's text.
  return inner.replace(/<!--redes-neurais:site-->[^]*?<!--\/redes-neurais:site-->/g, "");
}

/** Text a reader sees, on one line. */
export function plainText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|svg|mjx-container|template)\b[^]*?<\/\1\s*>/gi, " ")
      .replace(/<a\b[^>]*class="anchor-link"[^>]*>[^]*?<\/a>/gi, "")
      .replace(/<!--[^]*?-->/g, " ")
      .replace(/<[^>]+>/g, " "),
  )
    .replace(/\s+/g, " ")
    .trim();
}

const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", para: "¶" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}
