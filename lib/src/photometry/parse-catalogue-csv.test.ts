import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseSdssCsv, parseStarGalaxyCsv } from "./parse-catalogue-csv";
import { CatalogueError } from "./star-galaxy-record";

const header = "objID,class,psfMag_u,psfMag_g,psfMag_r,psfMag_i,psfMag_z,modelMag_u,modelMag_g,modelMag_r,modelMag_i,modelMag_z,z";

describe("parseStarGalaxyCsv", () => {
  test("reads SkyServer's CSV: skips #Table1, keeps 64-bit objIDs as text, leaves QSOs out", () => {
    const text = [
      "#Table1",
      header,
      "1237648720693755918,GALAXY,19.1,17.5,16.7,16.3,16.0,18.6,17.0,16.1,15.7,15.4,0.0812",
      "1237648720693755919,STAR,18.0,17.0,16.6,16.5,16.4,18.01,17.02,16.61,16.49,16.41,-0.00005",
      "1237648720693755920,QSO,19.0,18.8,18.7,18.5,18.4,19.0,18.8,18.7,18.5,18.4,1.52",
      "",
    ].join("\r\n");
    const records = parseStarGalaxyCsv(text, "teste");
    assert.equal(records.length, 2);
    assert.equal(records[0]!.objID, "1237648720693755918");
    assert.equal(records[0]!.class, "GALAXY");
    assert.equal(records[0]!.modelMag_r, 16.1);
    assert.equal(records[1]!.z, -0.00005);
  });

  test("accepts columns in another order and in another case", () => {
    const columns = header.split(",").reverse();
    const values = ["0.1", "15", "15.2", "15.5", "16", "17.5", "15.5", "15.7", "16", "16.5", "18", "galaxy", "42"];
    const [record] = parseStarGalaxyCsv(`${columns.join(",").toUpperCase()}\n${values.join(",")}\n`, "teste");
    assert.equal(record!.class, "GALAXY");
    assert.equal(record!.objID, "42");
    assert.equal(record!.psfMag_u, 18);
    assert.equal(record!.z, 0.1);
  });

  test("names the missing columns, the columns found and the ones expected", () => {
    assert.throws(
      () => parseSdssCsv("objID,class,z\n1,STAR,0\n", "arquivo.csv"),
      (error: unknown) =>
        error instanceof CatalogueError &&
        /arquivo\.csv não tem as colunas modelMag_u \(ou u\), .*modelMag_r \(ou r\)/.test(error.message) &&
        /as colunas encontradas são: objID, class, z/.test(error.message) &&
        /Esperava class; o redshift/.test(error.message),
    );
    // With plain band names, `z` is a magnitude: the redshift column must be `redshift`.
    assert.throws(() => parseSdssCsv("u,g,r,i,z,class\n19,18,17,16.8,16.7,STAR\n", "casjobs.csv"), /não tem as colunas redshift\./);
    // The course's files and the SkyServer query need the PSF magnitudes too.
    assert.throws(
      () => parseStarGalaxyCsv("u,g,r,i,z,redshift,class\n19,18,17,16.8,16.7,0,STAR\n", "casjobs.csv"),
      /não tem as colunas psfMag_u\.\.psfMag_z.*readSdssCsvFile/,
    );
  });

  test("reads a CasJobs export u,g,r,i,z,redshift,class: model magnitudes, z as the z band, no PSF", () => {
    const text = "#Table1\nspecObjID,u,g,r,i,z,redshift,class\n299489677444933632,19.1,17.5,16.7,16.3,16.0,0.0812,GALAXY\n299489677444933633,18.0,17.0,16.6,16.5,16.4,0.0001,star\n";
    const [galaxy, star] = parseSdssCsv(text, "casjobs.csv");
    assert.deepEqual(galaxy, {
      objID: "299489677444933632", class: "GALAXY",
      modelMag_u: 19.1, modelMag_g: 17.5, modelMag_r: 16.7, modelMag_i: 16.3, modelMag_z: 16.0, z: 0.0812,
    });
    assert.equal(star!.class, "STAR");
    assert.equal(star!.psfMag_r, undefined);
  });

  test("reads quoted fields (with commas inside), extra columns, mixed-case headers and no id column", () => {
    const text = [
      '"Class","modelMag_U","modelmag_g","MODELMAG_R","modelMag_i","modelMag_z","psfMag_u","psfMag_g","psfMag_r","psfMag_i","psfMag_z","Z","comment"',
      '"GALAXY","19.1","17.5","16.7","16.3","16.0","19.6","18.0","17.2","16.8","16.5","0.0812","disco, com barra"',
      '"QSO","19","18.8","18.7","18.5","18.4","19","18.8","18.7","18.5","18.4","1.52","quasar ""azul"""',
    ].join("\r\n");
    const records = parseStarGalaxyCsv(text, "aspas.csv");
    assert.equal(records.length, 1);
    assert.equal(records[0]!.objID, "1");
    assert.equal(records[0]!.modelMag_u, 19.1);
    assert.equal(records[0]!.psfMag_r, 17.2);
    assert.equal(records[0]!.z, 0.0812);
  });

  test("a line with a missing field or an unclosed quote is reported as a malformed CSV", () => {
    assert.throws(() => parseSdssCsv(`${header}\n1,STAR,18,17\n`, "curto.csv"), /O CSV curto\.csv está malformado: .*mesmo número de campos/);
    assert.throws(() => parseSdssCsv(`${header}\n"1,STAR,18,17,16.6,16.5,16.4,18,17,16.6,16.5,16.4,0\n`, "aspas.csv"), /O CSV aspas\.csv está malformado/);
  });

  test("names the line and column of a value that is not a number", () => {
    const row = "1,STAR,18,17,x,16.5,16.4,18,17,16.6,16.5,16.4,0";
    assert.throws(() => parseStarGalaxyCsv(`${header}\n${row}\n`, "f.csv"), /linha de dados 2 de f\.csv, coluna psfMag_r: "x"/);
  });

  test("recognises an error page or an empty answer", () => {
    assert.throws(() => parseStarGalaxyCsv("<html><body>Error</body></html>", "url"), /não é um CSV de catálogo/);
    assert.throws(() => parseStarGalaxyCsv("#Table1\n", "url"), /está vazio/);
    assert.throws(() => parseStarGalaxyCsv(`${header}\n`, "url"), /nenhuma estrela \(STAR\) ou galáxia/);
  });
});
