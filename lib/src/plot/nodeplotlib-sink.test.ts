import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { test } from "node:test";
import { librarySourceFolder } from "../test-support/run-snippet";

test("in a plain Node script, show() really starts nodeplotlib's server with the figure", async (t) => {
  const script = `
    const { show } = require("./plot/show");
    show({ data: [{ type: "scatter", x: [1, 2, 3], y: [1, 4, 9] }], layout: { title: { text: "teste" } } });
  `;
  // BROWSER=none: nodeplotlib's `open` finds no browser to start, as on a server.
  const child = spawn(process.execPath, ["--import", "tsx", "-e", script], {
    cwd: librarySourceFolder,
    env: { ...process.env, BROWSER: "none", DISPLAY: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  t.after(() => child.kill("SIGKILL"));
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nodeplotlib não anunciou o servidor em 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`o script terminou (código ${code}) antes do servidor:\n${output}`)));
  });
  const page = await fetch(url);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<html/i);
});
