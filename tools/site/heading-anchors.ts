/**
 * Gives every heading of a chapter page (h1–h4) an id, so that search results and links
 * can point at a section (`01_o_que_sao_redes_neurais.html#o-neuronio-artificial`).
 * The handouts' template writes headings without ids; headings that have one keep it.
 */
import { plainText } from "./search-documents";

const heading = /<h([1-4])\b([^>]*)>([^]*?)<\/h\1\s*>/gi;

export function withHeadingAnchors(html: string): string {
  const taken = new Set<string>();
  for (const match of html.matchAll(/\bid="([^"]+)"/g)) if (match[1]) taken.add(match[1]);
  return html.replace(heading, (whole, level: string, attributes: string, inner: string) => {
    if (/\bid\s*=/.test(attributes)) return whole;
    const base = slug(plainText(inner)) || "secao";
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return `<h${level} id="${id}"${attributes}>${inner}</h${level}>`;
  });
}

/** "2. O neurônio artificial" → "2-o-neuronio-artificial". */
function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}
