import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isCourseError } from "../errors";
import { TrainingHistory } from "./training-history";

describe("TrainingHistory", () => {
  test("keeps one value per epoch for every name, NaN where a name was not logged", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 0.9 });
    history.record(2, { loss: 0.7, val_loss: 0.8 });
    history.record(3, { loss: 0.5 });
    assert.deepEqual(history.toRecord(), {
      epoch: [1, 2, 3],
      logs: { loss: [0.9, 0.7, 0.5], val_loss: [Number.NaN, 0.8, Number.NaN] },
    });
    assert.equal(history.latest("loss"), 0.5);
    assert.equal(history.lastEpoch(), 3);
  });

  test("groups training and validation series into quantities, loss first", () => {
    const history = new TrainingHistory();
    history.record(1, { acc: 0.5, loss: 1, val_acc: 0.4, val_loss: 1.2, mae: 3 });
    assert.deepEqual(history.quantities(), ["loss", "acc", "mae"]);
  });

  test("the record is a copy: later epochs do not change it", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 1 });
    const before = history.toRecord();
    history.record(2, { loss: 0.5 });
    assert.deepEqual(before, { epoch: [1], logs: { loss: [1] } });
  });

  test("keeps a diverged loss (NaN, Infinity) instead of refusing it", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: Number.POSITIVE_INFINITY });
    history.record(2, { loss: Number.NaN });
    assert.deepEqual(history.values("loss"), [Number.POSITIVE_INFINITY, Number.NaN]);
  });

  test("refuses epochs out of order and values that are not numbers, in Portuguese", () => {
    const history = new TrainingHistory();
    history.record(1, { loss: 1 });
    for (const epoch of [1, 0, 1.5, Number.NaN]) {
      assert.throws(
        () => history.record(epoch, { loss: 1 }),
        (error: unknown) => isCourseError(error) && /esperava um número inteiro maior que 1/.test(error.message),
      );
    }
    assert.throws(
      () => history.record(2, { loss: "0.3" as unknown as number }),
      (error: unknown) => isCourseError(error) && /"loss" da época 2 deveria ser um número/.test(error.message),
    );
    assert.equal(history.length, 1, "a refused epoch is not half-recorded");
  });
});
