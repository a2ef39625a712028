import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { showDiagram } from "./show-diagram";
import { denseNetworkDiagram } from "./dense-network-diagram";
import { InvalidDiagramInputError } from "./diagram-errors";
import type { Diagram } from "./diagram";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";
import { parseDiagramSvg } from "../test-support/parse-svg";

describe("showDiagram", () => {
  const diagram = denseNetworkDiagram([2, 3, 1]);

  test("sends one output: the SVG as an <img> in HTML (its data: URL decodes to the diagram), the SVG image and the title as text", async () => {
    const sent = await withFakeTslabKernel(() => showDiagram(diagram));
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.update, false);
    const data = sent[0]!.message.data as Record<string, string>;
    assert.equal(data["image/svg+xml"], diagram.svg);
    const html = data["text/html"] ?? "";
    assert.match(html, /^<div class="redes-neurais-diagrama" title="Rede neural densa"><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Rede neural densa: [^"<>]+"/);
    assert.ok(!html.includes("<svg"), "no inline <svg>: JupyterLab's sanitizer drops it in untrusted notebooks");
    const encoded = /base64,([A-Za-z0-9+/=]+)"/.exec(html)?.[1] ?? "";
    assert.equal(Buffer.from(encoded, "base64").toString("utf8"), diagram.svg);
    parseDiagramSvg(data["image/svg+xml"] ?? "");
    assert.equal(data["text/plain"], `${diagram.title}: ${diagram.description}`);
  });

  test("outside a notebook it says to save the diagram instead", () => {
    assert.throws(() => showDiagram(diagram), (error: unknown) => {
      assert.ok(error instanceof InvalidDiagramInputError);
      assert.match(error.message, /kernel tslab/);
      assert.match(error.message, /saveDiagram\(diagrama, "diagrama\.svg"\)/);
      return true;
    });
  });

  test("something that is not a diagram is refused", async () => {
    await withFakeTslabKernel(() => {
      assert.throws(() => showDiagram("<svg/>" as unknown as Diagram), /esperava um diagrama/);
      assert.throws(() => showDiagram({ svg: "<b>oi</b>" } as Diagram), /objeto sem SVG/);
    });
  });
});
