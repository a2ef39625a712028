import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LAUNCH_URL_VARIABLE, launchLinkFrom, LaunchUrlError, launchUrl } from "./launch-link";

const notebook = "notebooks/01_o_que_sao_redes_neurais.ipynb";

describe("link para abrir um capítulo (Binder / JupyterHub)", () => {
  test("sem configuração nem repositório no package.json, nenhum link", () => {
    assert.equal(launchLinkFrom({}, undefined), null);
    assert.equal(launchLinkFrom({}, { type: "git", url: "https://gitlab.com/x/y.git" }), null);
  });

  test("um repositório do GitHub no package.json dá o Binder, em todas as formas que o npm aceita", () => {
    for (const repository of ["dono/redes-neurais", "github:dono/redes-neurais", { type: "git", url: "git+https://github.com/dono/redes-neurais.git" }, "https://github.com/dono/redes-neurais"]) {
      const link = launchLinkFrom({}, repository);
      assert.ok(link, JSON.stringify(repository));
      assert.equal(launchUrl(link, notebook), `https://mybinder.org/v2/gh/dono/redes-neurais/HEAD?labpath=${notebook}`, JSON.stringify(repository));
      assert.equal(link.label, "Binder");
    }
  });

  test("a variável de ambiente manda (um JupyterHub), e vazia desliga o link", () => {
    const link = launchLinkFrom({ [LAUNCH_URL_VARIABLE]: "https://hub.exemplo.edu/hub/user-redirect/lab/tree/curso/{notebook}" }, "dono/repo");
    assert.ok(link);
    assert.equal(link.label, "hub.exemplo.edu");
    assert.equal(launchUrl(link, "notebooks/10 ação.ipynb"), "https://hub.exemplo.edu/hub/user-redirect/lab/tree/curso/notebooks/10%20a%C3%A7%C3%A3o.ipynb");
    assert.equal(launchLinkFrom({ [LAUNCH_URL_VARIABLE]: "  " }, "dono/repo"), null);
  });

  test("uma URL inválida, sem {notebook} ou que não é http(s) é recusada com uma explicação", () => {
    assert.throws(() => launchLinkFrom({ [LAUNCH_URL_VARIABLE]: "hub sem esquema {notebook}" }, undefined), (error: unknown) => error instanceof LaunchUrlError && /https?:\/\//.test(error.message));
    assert.throws(() => launchLinkFrom({ [LAUNCH_URL_VARIABLE]: "https://hub.exemplo.edu/lab" }, undefined), (error: unknown) => error instanceof LaunchUrlError && /\{notebook\}/.test(error.message));
    assert.throws(() => launchLinkFrom({ [LAUNCH_URL_VARIABLE]: "javascript:alert(1)//{notebook}" }, undefined), LaunchUrlError);
  });
});
