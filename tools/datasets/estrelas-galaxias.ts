/**
 * Rebuilds `datasets/estrelas_galaxias_sdss_simulado.csv` from its seed and records its
 * size and SHA-256 in `datasets/manifest.json`.
 *
 *   npm run datasets:estrelas-galaxias            # rewrite the file and the manifest entry
 *   npm run datasets:estrelas-galaxias -- --check # only compare (exit 1 if they differ)
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { paths } from "../project.mjs";
import { runMain } from "../common/run-main";
import { catalogueToCsv, simulateStarGalaxyCatalogue, SHIPPED_CATALOGUE, writeFileAtomically } from "@redes-neurais/lib/ferramentas";

const datasets = paths.datasets;

const ENTRY = {
  file: SHIPPED_CATALOGUE.file,
  title: "Estrelas e galáxias, fotometria SDSS (simulado)",
  description:
    `Catálogo SIMULADO pelo curso (semente ${SHIPPED_CATALOGUE.seed}, ${SHIPPED_CATALOGUE.count} objetos) com as colunas do SDSS SkyServer: ` +
    "objID, class (STAR|GALAXY), psfMag_u..psfMag_z, modelMag_u..modelMag_z e z (redshift espectroscópico). " +
    "Calibrado em resultados publicados do SDSS: estrelas no locus estelar mediano (u−g, g−r, r−i, i−z) com a largura intrínseca dele, " +
    "na proporção de uma amostra espectroscópica (sobretudo F/G); galáxias nas sequências azul e vermelha da bimodalidade de cores, " +
    "avermelhando com z pela correção K (g−r das vermelhas de ≈ 0,8 em z ≈ 0,05 a ≈ 1,8 em z ≈ 0,4), com perfis extensos (psfMag − modelMag > 0); " +
    "extinção galáctica E(B−V) ≈ 0,01–0,1; erros fotométricos que crescem com a magnitude (σ ≈ 0,02–0,03 mag em r < 19, ≈ 0,1 em r ≈ 21,5; u o pior). " +
    "Com a mesma regressão logística, separa estrelas de galáxias como os dados espectroscópicos reais do SDSS: ≈ 81 % com u−g, g−r e ≈ 95 % com as quatro cores. " +
    "Usado nos notebooks 05 (classificação estrela/galáxia) e 08 (redshift fotométrico) e na tarefa 1. " +
    "Regerar: npm run datasets:estrelas-galaxias.",
  source:
    "gerado pelo curso: lib/src/photometry/simulate-catalogue.ts (modelo calibrado no SDSS; não são observações). Referências: " +
    "Covey et al. 2007, AJ 134, 2398 (locus estelar); Ivezić et al. 2008, ApJ 684, 287 (locus e metalicidade); " +
    "Strateva et al. 2001, AJ 122, 1861 (bimodalidade de cores das galáxias); Baldry et al. 2004, ApJ 600, 681 (sequências azul e vermelha); " +
    "Eisenstein et al. 2001, AJ 122, 2267 (cores das galáxias vermelhas com o redshift); Schlafly & Finkbeiner 2011, ApJ 737, 103 (extinção); " +
    "Abazajian et al. 2004, AJ 128, 502 (limites de magnitude do SDSS)",
  url: "https://skyserver.sdss.org/dr18/SkyServerWS/SearchTools/SqlSearch",
  licence: "MIT (como o código do curso)",
  simulated: true,
};

runMain(async (args) => {
  const csv = catalogueToCsv(simulateStarGalaxyCatalogue({ seed: SHIPPED_CATALOGUE.seed, count: SHIPPED_CATALOGUE.count }));
  const bytes = Buffer.byteLength(csv);
  const sha256 = createHash("sha256").update(csv).digest("hex");
  const target = path.join(datasets, ENTRY.file);
  const manifestFile = path.join(datasets, "manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { datasets: Array<Record<string, unknown>> };
  const entry = { ...ENTRY, bytes, sha256 };
  if (args.includes("--check")) {
    const current = fs.existsSync(target) ? createHash("sha256").update(fs.readFileSync(target)).digest("hex") : "(ausente)";
    const recorded = manifest.datasets.find((candidate) => candidate.file === ENTRY.file)?.sha256;
    const ok = current === sha256 && recorded === sha256;
    console.log(ok ? `✔ ${ENTRY.file} confere (SHA-256 ${sha256}).` : `✘ ${ENTRY.file}: regerado ${sha256}, arquivo ${current}, manifesto ${String(recorded)}.`);
    return ok ? 0 : 1;
  }
  await writeFileAtomically(target, csv);
  const index = manifest.datasets.findIndex((candidate) => candidate.file === ENTRY.file);
  if (index >= 0) manifest.datasets[index] = entry;
  else manifest.datasets.push(entry);
  await writeFileAtomically(manifestFile, JSON.stringify(manifest, null, 2) + "\n");
  console.log(`${ENTRY.file}: ${bytes} bytes, SHA-256 ${sha256}.`);
  return 0;
});
