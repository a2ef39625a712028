import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CHROMIUM_CANDIDATES, ChromiumNotFoundError, findChromium } from "./chromium";

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

describe("findChromium", () => {
  test("uses CHROMIUM_PATH when it names an executable", () => {
    assert.equal(findChromium({ CHROMIUM_PATH: "/opt/chrome/chrome" }, only("/opt/chrome/chrome", "/usr/bin/chromium")), "/opt/chrome/chrome");
  });

  test("refuses a CHROMIUM_PATH that names no executable instead of silently looking elsewhere", () => {
    assert.throws(
      () => findChromium({ CHROMIUM_PATH: "/nao/existe" }, only("/usr/bin/chromium")),
      (error: unknown) => error instanceof ChromiumNotFoundError && /CHROMIUM_PATH="\/nao\/existe"/.test(error.message),
    );
  });

  test("takes the first candidate that exists when CHROMIUM_PATH is unset", () => {
    assert.equal(findChromium({}, only("/usr/bin/google-chrome", "/usr/bin/chromium-browser")), "/usr/bin/chromium-browser");
  });

  test("explains how to install Chromium when none is found", () => {
    assert.throws(
      () => findChromium({}, only()),
      (error: unknown) => {
        assert.ok(error instanceof ChromiumNotFoundError);
        assert.match(error.message, /apt-get install chromium/);
        assert.match(error.message, /CHROMIUM_PATH/);
        for (const candidate of CHROMIUM_CANDIDATES) assert.ok(error.message.includes(candidate));
        return true;
      },
    );
  });

  test("checks the real file system by default", () => {
    assert.throws(() => findChromium({ CHROMIUM_PATH: __filename }), ChromiumNotFoundError, "a non-executable file");
  });
});
