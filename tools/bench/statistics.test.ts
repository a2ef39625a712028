import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ratio, summarize } from "./statistics";

describe("benchmark statistics", () => {
  test("the median of an odd count is the middle value, whatever the order", () => {
    assert.deepEqual(summarize([5, 1, 3]), { median: 3, min: 1, max: 5, count: 3 });
  });

  test("the median of an even count is the mean of the two middle values", () => {
    assert.deepEqual(summarize([10, 2, 4, 8]), { median: 6, min: 2, max: 10, count: 4 });
    assert.deepEqual(summarize([7]), { median: 7, min: 7, max: 7, count: 1 });
  });

  test("one slow repetition does not move the median", () => {
    assert.equal(summarize([100, 101, 99, 102, 5]).median, 100);
  });

  test("an empty list or a non-finite value is refused, in Portuguese", () => {
    assert.throws(() => summarize([]), /ao menos uma repetição/);
    assert.throws(() => summarize([1, Number.NaN]), /números finitos; recebi NaN/);
  });

  test("the ratio is numerator over denominator, null when a side is missing or zero", () => {
    assert.equal(ratio(410, 1000), 0.41);
    assert.equal(ratio(3000, 1000), 3);
    assert.equal(ratio(null, 1000), null);
    assert.equal(ratio(10, undefined), null);
    assert.equal(ratio(10, 0), null);
  });
});
