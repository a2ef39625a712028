import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseHandoutLines } from "./notebook-figures";

describe("handout timings", () => {
  test("are read from npm run handouts' lines, pt-BR decimals included", () => {
    const stdout = [
      "Apostilas: 2 notebook(s) → x/ (backend tensorflow)",
      "✓ 01_o_que_sao_redes_neurais: 12,3 s (kernel 2,1 s, execução 9,8 s), 5,1 MB, 3 fórmula(s), 2 figura(s) → x/01.html",
      "  aviso: TeX estranho",
      "✓ 07_redes_convolucionais_pre_treinadas: 1.234,5 s (kernel 2,0 s, execução 1.230,0 s), 5,0 MB, 0 fórmula(s), 1 figura(s) → x/07.html",
      "Tempo total: 1.246,8 s",
    ].join("\n");
    assert.deepEqual(parseHandoutLines(stdout), [
      { notebook: "01_o_que_sao_redes_neurais", seconds: 12.3 },
      { notebook: "07_redes_convolucionais_pre_treinadas", seconds: 1234.5 },
    ]);
  });
});
