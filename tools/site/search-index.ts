/**
 * The course's search index, built at build time with MiniSearch and written as a script
 * (`busca-indice.js`) that the pages load with a plain `<script src>`: pages opened from
 * file:// cannot fetch() a JSON file, but they can run a script beside them.
 *
 * The browser loads it with `MiniSearch.loadJSON(indice, opcoes)` (assets/busca.js); the
 * options travel in the same script, so the page and the build never disagree.
 */
import MiniSearch, { type Options } from "minisearch";
import type { SearchDocument } from "./search-documents";

/** Name of the global that `busca-indice.js` defines. */
export const SEARCH_INDEX_GLOBAL = "RedesNeuraisBusca";

/**
 * The one term normalizer, as JavaScript source: used here at build time and, as this same
 * text, in the browser. Lower case, accents dropped ("Retropropagação" = "retropropagacao").
 */
const normalizeTermSource = String.raw`(term) => term.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()`;
export const normalizeTerm = new Function(`return ${normalizeTermSource}`)() as (term: string) => string;

/** Fields searched, and the ones stored to show a result. */
const fields = ["section", "text", "chapter"] as const;
const storeFields = ["page", "chapter", "section", "anchor", "excerpt"] as const;
const searchOptions = { prefix: true, fuzzy: 0.15, boost: { section: 3, chapter: 1.5 }, combineWith: "AND" } as const;

type IndexedDocument = SearchDocument & { excerpt: string };

function options(): Options<IndexedDocument> {
  return { fields: [...fields], storeFields: [...storeFields], processTerm: normalizeTerm, searchOptions: { ...searchOptions } };
}

const excerptLength = 180;

export function buildSearchIndex(documents: readonly SearchDocument[]): MiniSearch<IndexedDocument> {
  const index = new MiniSearch<IndexedDocument>(options());
  index.addAll(
    documents.map((document) => ({
      ...document,
      excerpt: document.text.length > excerptLength ? `${document.text.slice(0, excerptLength).replace(/\s+\S*$/, "")} …` : document.text,
    })),
  );
  return index;
}

/** The index as a script: `window.RedesNeuraisBusca = { indice: "<json>", opcoes: {...}, normalizar: (term) => ... }`. */
export function searchIndexScript(index: MiniSearch<IndexedDocument>): string {
  const json = JSON.stringify(index);
  const settings = JSON.stringify({ fields, storeFields, searchOptions });
  // "</" cannot end a script given as a file, but keep the text safe to inline anyway.
  const indexLiteral = JSON.stringify(json).replace(/<\//g, "<\\/");
  return (
    "// Índice de busca do curso, gerado por `npm run handouts` (tools/site/search-index.ts). Não edite.\n" +
    `window.${SEARCH_INDEX_GLOBAL} = {\n  opcoes: ${settings},\n  normalizar: ${normalizeTermSource},\n  indice: ${indexLiteral}\n};\n`
  );
}

/** Loads what {@link searchIndexScript} wrote, as the browser does (for tests). */
export function loadSearchIndexScript(script: string): MiniSearch<IndexedDocument> {
  const window: Record<string, { opcoes: { fields: string[]; storeFields: string[]; searchOptions: object }; normalizar: (term: string) => string; indice: string }> = {};
  new Function("window", script)(window);
  const loaded = window[SEARCH_INDEX_GLOBAL];
  if (!loaded) throw new Error(`O script do índice não definiu window.${SEARCH_INDEX_GLOBAL}.`);
  return MiniSearch.loadJSON<IndexedDocument>(loaded.indice, {
    fields: loaded.opcoes.fields,
    storeFields: loaded.opcoes.storeFields,
    searchOptions: loaded.opcoes.searchOptions,
    processTerm: loaded.normalizar,
  });
}
