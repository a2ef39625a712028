import assert from "node:assert/strict";
import { test } from "node:test";
import { pdfOutlineTitles, pdfPageCount } from "./pdf-facts";

/** A minimal PDF's objects, as Chromium writes them (uncompressed page tree and outline). */
const pdf = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R >> endobj",
    "4 0 obj <</Type/Page/Parent 2 0 R>> endobj",
    "5 0 obj << /Type /Outlines /First 6 0 R >> endobj",
    // "Sumário" in UTF-16BE with its byte order mark, as Chromium writes non-ASCII titles.
    `6 0 obj << /Title <FEFF${Buffer.from("Sumário", "utf16le").swap16().toString("hex")}> /Next 7 0 R >> endobj`,
    "7 0 obj << /Title (01 \\(um\\) \\351) >> endobj",
    "%%EOF",
  ].join("\n"),
  "latin1",
);

test("conta as páginas (não a árvore de páginas) e lê os títulos do índice do PDF, em UTF-16 e em texto literal", () => {
  assert.equal(pdfPageCount(pdf), 2);
  assert.deepEqual(pdfOutlineTitles(pdf), ["Sumário", "01 (um) é"]);
});
