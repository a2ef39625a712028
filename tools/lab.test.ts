import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { after, describe, test } from "node:test";
import { freePort, waitForServer } from "./jupyter/lab-server";
import { kernelName, projectRoot } from "./project.mjs";

describe("npm start (JupyterLab)", () => {
  let lab: ChildProcess | undefined;
  after(() => {
    lab?.kill("SIGTERM");
  });

  test("serves notebooks/ on 127.0.0.1 behind a token, with the course kernel as the default", async () => {
    const port = await freePort();
    const token = "teste-" + Math.random().toString(36).slice(2);
    lab = spawn(process.execPath, ["--import", "tsx", "tools/lab.ts", "--no-browser", `--ServerApp.port=${port}`], {
      cwd: projectRoot,
      env: { ...process.env, JUPYTER_TOKEN: token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    lab.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    lab.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    await waitForServer(`${base}/api/status?token=${token}`, lab, () => output);

    assert.equal((await fetch(`${base}/api/kernelspecs`)).status, 403, "without the token the API is closed");
    const specs = (await (await fetch(`${base}/api/kernelspecs?token=${token}`)).json()) as {
      default: string;
      kernelspecs: Record<string, { spec: { language: string } }>;
    };
    assert.equal(specs.default, kernelName);
    assert.equal(specs.kernelspecs[kernelName]?.spec.language, "typescript");
    const contents = (await (await fetch(`${base}/api/contents?token=${token}`)).json()) as { content: { name: string }[] };
    assert.ok(contents.content.some((entry) => entry.name === "00_o_ambiente.ipynb"), "the root is notebooks/");
  });
});
