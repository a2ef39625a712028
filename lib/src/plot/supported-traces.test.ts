import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SUPPORTED_TRACE_TYPES, assertDrawableFigure, traceTypeOf } from "./supported-traces";
import { InvalidFigureError, UnsupportedTraceTypeError } from "./plot-errors";
import { plotlyBundlePath } from "./plotly-bundle";
import type { Figure } from "./figure";

describe("supported trace types", () => {
  test("are exactly the trace modules registered in the course's plotly.js bundle", () => {
    const bundle = readFileSync(plotlyBundlePath(), "utf8");
    const registered = new Set([...bundle.matchAll(/moduleType:"trace",name:"(\w+)"/g)].map((match) => match[1]));
    assert.ok(registered.size > 0, "the bundle's trace registrations were found");
    assert.deepEqual([...registered].sort(), [...SUPPORTED_TRACE_TYPES].sort());
  });

  test("a trace without type is a scatter, as in plotly.js", () => {
    assert.equal(traceTypeOf({ x: [1] }), "scatter");
    assert.equal(traceTypeOf({ type: "bar" }), "bar");
  });

  test("figures made only of supported traces are accepted", () => {
    const figure: Figure = { data: SUPPORTED_TRACE_TYPES.map((type) => ({ type }) as Figure["data"][number]) };
    assert.doesNotThrow(() => assertDrawableFigure(figure));
  });

  test("an unsupported type is rejected with its name, position and the supported list", () => {
    const figure = { data: [{ type: "scatter" }, { type: "scatter3d" }] } as Figure;
    assert.throws(
      () => assertDrawableFigure(figure),
      (error: unknown) => {
        assert.ok(error instanceof UnsupportedTraceTypeError);
        assert.equal(error.traceType, "scatter3d");
        assert.equal(error.traceIndex, 1);
        assert.match(error.message, /"scatter3d"/);
        for (const type of SUPPORTED_TRACE_TYPES) assert.ok(error.message.includes(type));
        return true;
      },
    );
  });

  test("something that is not a figure is rejected with an example of one", () => {
    assert.throws(() => assertDrawableFigure({ x: [1] } as unknown as Figure), (error: unknown) => {
      assert.ok(error instanceof InvalidFigureError);
      assert.match(error.message, /\{ data: \[/);
      assert.match(error.message, /chaves: x/);
      return true;
    });
    assert.throws(() => assertDrawableFigure({ data: [3] } as unknown as Figure), InvalidFigureError);
  });
});
