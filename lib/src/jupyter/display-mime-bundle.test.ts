import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { displayMimeBundle } from "./display-mime-bundle";
import { createUpdatableDisplay } from "./updatable-display";
import { isInsideTslabKernel } from "./tslab-display-channel";
import { InvalidDisplayRequestError, NotInsideJupyterError } from "./display-errors";
import { withFakeTslabKernel } from "../test-support/fake-tslab-kernel";

describe("displaying in a tslab kernel", () => {
  test("is refused outside a kernel with a typed error in Portuguese", () => {
    assert.equal(isInsideTslabKernel(), false);
    assert.throws(() => displayMimeBundle({ "text/plain": "oi" }), NotInsideJupyterError);
    assert.throws(() => createUpdatableDisplay(), (error: unknown) => {
      assert.ok(error instanceof NotInsideJupyterError);
      assert.match(error.message, /kernel tslab/);
      assert.match(error.message, /num script Node, use `show\(figura\)`/);
      return true;
    });
  });

  test("detects the kernel through tslab's own module", async () => {
    let inside = false;
    await withFakeTslabKernel(() => (inside = isInsideTslabKernel()));
    assert.equal(inside, true);
    assert.equal(isInsideTslabKernel(), false, "the fake kernel is gone afterwards");
  });

  test("sends one display_data message carrying every MIME type", async () => {
    const bundle = { "text/html": "<b>oi</b>", "text/plain": "oi", "application/json": { a: 1 } };
    const sent = await withFakeTslabKernel(() => displayMimeBundle(bundle));
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.update, false);
    assert.deepEqual(sent[0]?.message, { data: bundle, metadata: {}, transient: {} });
  });

  test("passes the display id and the update flag through", async () => {
    const sent = await withFakeTslabKernel(() => {
      displayMimeBundle({ "text/plain": "a" }, { displayId: "d1" });
      displayMimeBundle({ "text/plain": "b" }, { displayId: "d1", update: true });
    });
    assert.deepEqual(
      sent.map((s) => [s.message.transient.display_id, s.update, s.message.data["text/plain"]]),
      [
        ["d1", false, "a"],
        ["d1", true, "b"],
      ],
    );
  });

  test("rejects an empty bundle, bytes instead of text, and an update without display id", async () => {
    await withFakeTslabKernel(() => {
      assert.throws(() => displayMimeBundle({}), InvalidDisplayRequestError);
      assert.throws(
        () => displayMimeBundle({ "image/png": Buffer.from([1, 2]) as unknown as string }),
        /base64/,
      );
      assert.throws(() => displayMimeBundle({ "text/plain": "x" }, { update: true }), /displayId/);
    });
  });

  test("an updatable display creates its output once and then replaces it", async () => {
    const sent = await withFakeTslabKernel(() => {
      const display = createUpdatableDisplay();
      display.show({ "text/plain": "época 1" });
      display.show({ "text/plain": "época 2" });
      display.show({ "text/plain": "época 3" });
    });
    assert.deepEqual(
      sent.map((s) => s.update),
      [false, true, true],
    );
    const ids = new Set(sent.map((s) => s.message.transient.display_id));
    assert.equal(ids.size, 1);
    assert.match([...ids][0] ?? "", /^[0-9a-f-]{36}$/);
  });

  test("two updatable displays get different ids", async () => {
    let ids: string[] = [];
    await withFakeTslabKernel(() => (ids = [createUpdatableDisplay().displayId, createUpdatableDisplay().displayId]));
    assert.notEqual(ids[0], ids[1]);
  });
});
