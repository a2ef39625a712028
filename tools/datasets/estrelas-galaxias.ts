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
    "Estrelas ao longo do locus estelar, galáxias com cores que variam suavemente com z e perfis extensos (psfMag − modelMag > 0), " +
    "ruído crescente com a magnitude. Usado nos notebooks 05 (classificação estrela/galáxia) e de redshift fotométrico. " +
    "Regerar: npm run datasets:estrelas-galaxias.",
  source: "gerado pelo curso: lib/src/photometry/simulate-catalogue.ts (modelo simples inspirado no SDSS; não são observações)",
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
