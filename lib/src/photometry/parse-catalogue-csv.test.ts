import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseStarGalaxyCsv } from "./parse-catalogue-csv";
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

  test("names the missing columns", () => {
    assert.throws(
      () => parseStarGalaxyCsv("objID,class,z\n1,STAR,0\n", "arquivo.csv"),
      (error: unknown) => error instanceof CatalogueError && /arquivo\.csv não tem as colunas psfMag_u/.test(error.message),
    );
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
