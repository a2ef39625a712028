import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatCell, tableToHtml, tableToText } from "./table-html";

const planets = {
  columns: ["planeta", "periodo_anos"],
  index: [0, 1, 2],
  values: [["Mercúrio", 0.2408], ["Vênus <2>", 0.6152], ["Terra", 1]],
};

describe("tables as HTML and text", () => {
  test("numbers keep at most six significant digits and integers stay integers", () => {
    assert.equal(formatCell(1 / 3), "0.333333");
    assert.equal(formatCell(42), "42");
    assert.equal(formatCell(null), "");
  });

  test("the HTML table has one header cell per column, one row per record, and escapes text", () => {
    const html = tableToHtml(planets);
    assert.equal((html.match(/<tr>/g) ?? []).length, 1 + planets.values.length);
    assert.match(html, /<th>planeta<\/th><th>periodo_anos<\/th>/);
    assert.match(html, /Vênus &lt;2&gt;/);
    assert.match(html, /<td style="text-align:right">0\.2408<\/td>/);
    assert.match(html, /3 linhas × 2 colunas/);
  });

  test("a long table shows its first and last rows and says how many it omits", () => {
    const long = { columns: ["x"], index: [...Array(50).keys()], values: [...Array(50).keys()].map((i) => [i]) };
    const html = tableToHtml(long, 10);
    assert.match(html, /40 linhas omitidas/);
    assert.match(html, /<th>0<\/th><td style="text-align:right">0<\/td>/);
    assert.match(html, /<th>49<\/th><td style="text-align:right">49<\/td>/);
    assert.doesNotMatch(html, /<th>25<\/th>/);
    const text = tableToText(long, 10).split("\n");
    assert.equal(text.length, 1 + 10 + 1);
    assert.match(text[6] ?? "", /40 linhas omitidas/);
  });

  test("the text table aligns every column to its widest cell", () => {
    const lines = tableToText(planets).split("\n");
    const widths = new Set(lines.map((line) => line.length));
    assert.equal(widths.size, 1, lines.join("\n"));
  });
});

test("a flat array of values (a danfo Series) is one column", () => {
  const html = tableToHtml({ columns: ["r"], index: ["a", "b"], values: [17.5, 18] });
  assert.match(html, /<th>a<\/th><td style="text-align:right">17\.5<\/td>/);
});
