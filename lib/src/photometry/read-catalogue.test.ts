import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { colourFeatures } from "./colour-features";
import { readSdssCsvFile, readStarGalaxyCatalogue, starGalaxyFrame } from "./read-catalogue";
import { SHIPPED_CATALOGUE } from "./simulate-catalogue";
import { CatalogueError, STAR_GALAXY_COLUMNS } from "./star-galaxy-record";

describe("the shipped catalogue", () => {
  const records = readStarGalaxyCatalogue();

  test("has every object of the shipped file, with both classes", () => {
    assert.equal(records.length, SHIPPED_CATALOGUE.count);
    assert.ok(records.some((o) => o.class === "STAR") && records.some((o) => o.class === "GALAXY"));
  });

  test("becomes a danfo DataFrame with the same schema and values", () => {
    const frame = starGalaxyFrame(records.slice(0, 30));
    assert.deepEqual(frame.columns, [...STAR_GALAXY_COLUMNS]);
    assert.deepEqual(frame.shape, [30, STAR_GALAXY_COLUMNS.length]);
    assert.deepEqual(frame.column("modelMag_g").values, records.slice(0, 30).map((o) => o.modelMag_g));
    assert.deepEqual(frame.column("objID").values, records.slice(0, 30).map((o) => o.objID));
  });
});

describe("readSdssCsvFile", () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sdss-csv-"));

  test("reads a SkyServer export written to disk and feeds colourFeatures; psf − model needs psfMag", () => {
    const file = path.join(folder, "casjobs.csv");
    fs.writeFileSync(file, "#Table1\r\nobjid,u,g,r,i,z,redshift,class\r\n1237648720693755918,19.1,17.5,16.7,16.3,16.0,0.0812,GALAXY\r\n");
    const records = readSdssCsvFile(file);
    const table = colourFeatures(records, ["u-g", "g-r", "r-i", "i-z"]);
    assert.deepEqual(table.labels, [1]);
    table.x[0]!.forEach((value, k) => assert.ok(Math.abs(value - [1.6, 0.8, 0.4, 0.3][k]!) < 1e-9));
    assert.throws(() => colourFeatures(records, ["psf-model_r"]), /precisa da coluna psfMag_r, que este catálogo não tem/);
  });

  test("the shipped catalogue exported the way CasJobs writes it comes back as the same records, colours and table", () => {
    const shipped = readStarGalaxyCatalogue();
    const columns = ["ra", "dec", ...STAR_GALAXY_COLUMNS.filter((c) => c !== "z").reverse(), "z"];
    const quoted = (value: string | number): string => (typeof value === "string" ? `"${value}"` : String(value));
    const lines = shipped.map((o, k) => [10 + k / 1000, -1.5, ...columns.slice(2).map((c) => quoted(o[c as keyof typeof o]))].join(","));
    const file = path.join(folder, "exportacao-casjobs.csv");
    fs.writeFileSync(file, ["#Table1", columns.map((c) => c.toLowerCase()).join(","), ...lines].join("\r\n"));
    const exported = readSdssCsvFile(file);
    assert.deepEqual(exported, shipped);
    assert.deepEqual(colourFeatures(exported), colourFeatures(shipped));
    assert.deepEqual(starGalaxyFrame(exported.slice(0, 5)).values, starGalaxyFrame(shipped.slice(0, 5)).values);
  });

  test("without PSF magnitudes the table has every other column", () => {
    const file = path.join(folder, "sem-psf.csv");
    fs.writeFileSync(file, "u,g,r,i,z,redshift,class\n19.1,17.5,16.7,16.3,16.0,0.0812,GALAXY\n18.0,17.0,16.6,16.5,16.4,0.0001,STAR\n");
    const frame = starGalaxyFrame(readSdssCsvFile(file));
    assert.deepEqual(frame.columns, STAR_GALAXY_COLUMNS.filter((c) => !c.startsWith("psfMag_")));
    assert.deepEqual(frame.column("modelMag_r").values, [16.7, 16.6]);
    assert.deepEqual(frame.column("class").values, ["GALAXY", "STAR"]);
  });

  test("a missing file gives a CatalogueError that says what to check", () => {
    assert.throws(
      () => readSdssCsvFile(path.join(folder, "nao-existe.csv")),
      (error: unknown) => error instanceof CatalogueError && /Não consegui ler o catálogo .*nao-existe\.csv.*Confira o caminho/.test(error.message),
    );
  });
});
