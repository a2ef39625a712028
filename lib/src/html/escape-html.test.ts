import assert from "node:assert/strict";
import { test } from "node:test";
import { escapeHtml } from "./escape-html";

test("escapeHtml turns the five characters that matter in HTML into entities, and nothing else", () => {
  assert.equal(escapeHtml(`<b class="x" title='y'>Vênus & Marte</b>`), "&lt;b class=&quot;x&quot; title=&#39;y&#39;&gt;Vênus &amp; Marte&lt;/b&gt;");
  assert.equal(escapeHtml("&amp;"), "&amp;amp;", "an entity already there is text, escaped again");
  assert.equal(escapeHtml("σ = 0,5 · λ\n"), "σ = 0,5 · λ\n");
});
