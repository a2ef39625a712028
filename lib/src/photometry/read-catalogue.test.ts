import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readStarGalaxyCatalogue, starGalaxyFrame } from "./read-catalogue";
import { SHIPPED_CATALOGUE } from "./simulate-catalogue";
import { STAR_GALAXY_COLUMNS } from "./star-galaxy-record";

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
