/**
 * What the course's tests and build report about a PDF that Chromium printed, read from
 * its bytes without a PDF library: the number of pages, and the titles of its outline
 * (bookmarks). Chromium writes page and outline objects uncompressed; only content
 * streams are compressed.
 */

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Every `/Title` of the PDF's outline items, in file order. */
export function pdfOutlineTitles(pdf: Buffer): string[] {
  const text = pdf.toString("latin1");
  const titles: string[] = [];
  for (const match of text.matchAll(/\/Title\s*(<[0-9A-Fa-f\s]*>|\((?:\\[^]|[^\\)])*\))/g)) {
    const value = match[1] ?? "";
    titles.push(value.startsWith("<") ? hexString(value.slice(1, -1)) : literalString(value.slice(1, -1)));
  }
  return titles;
}

function hexString(hex: string): string {
  const bytes = Buffer.from(hex.replace(/\s+/g, ""), "hex");
  return decodeTextString(bytes);
}

function literalString(literal: string): string {
  const escapes: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "(": "(", ")": ")", "\\": "\\" };
  const unescaped = literal.replace(/\\([0-7]{1,3}|[^])/g, (_, escape: string) =>
    /^[0-7]/.test(escape) ? String.fromCharCode(parseInt(escape, 8)) : (escapes[escape] ?? escape),
  );
  return decodeTextString(Buffer.from(unescaped, "latin1"));
}

/** A PDF text string: UTF-16BE with its byte order mark, else PDFDocEncoding (Latin-1 here). */
function decodeTextString(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  return bytes.toString("latin1");
}
