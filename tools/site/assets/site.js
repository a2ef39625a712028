// The course site's search box (tools/site/site-chrome.ts): the index is a script beside
// the page (busca-indice.js, written by tools/site/search-index.ts), so it works from file://.
(function () {
  "use strict";
  var campo = document.getElementById("rn-busca-campo");
  var lista = document.getElementById("rn-busca-resultados");
  var capitulos = document.querySelector(".rn-capitulos");
  // On a phone the chapter list starts closed, under the search box.
  if (capitulos && window.matchMedia("(max-width: 899px)").matches) capitulos.open = false;
  var dados = window.RedesNeuraisBusca;
  if (!campo || !lista) return;
  if (!dados || typeof MiniSearch === "undefined") {
    campo.disabled = true;
    campo.placeholder = "Busca indisponível (faltam busca-indice.js ou minisearch.js)";
    return;
  }
  var indice = MiniSearch.loadJSON(dados.indice, {
    fields: dados.opcoes.fields,
    storeFields: dados.opcoes.storeFields,
    searchOptions: dados.opcoes.searchOptions,
    processTerm: dados.normalizar
  });
  function item(resultado) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = resultado.page + (resultado.anchor ? "#" + encodeURIComponent(resultado.anchor).replace(/%2F/g, "/") : "");
    a.textContent = resultado.section;
    var onde = document.createElement("small");
    onde.textContent = resultado.chapter + (resultado.excerpt ? " — " + resultado.excerpt : "");
    a.appendChild(onde);
    li.appendChild(a);
    return li;
  }
  function buscar() {
    var consulta = campo.value.trim();
    lista.textContent = "";
    if (consulta.length < 2) return;
    var resultados = indice.search(consulta).slice(0, 12);
    if (resultados.length === 0) {
      var nada = document.createElement("li");
      nada.className = "rn-nada";
      nada.textContent = "Nada encontrado para “" + consulta + "”.";
      lista.appendChild(nada);
      return;
    }
    resultados.forEach(function (resultado) { lista.appendChild(item(resultado)); });
  }
  campo.addEventListener("input", buscar);
})();
