import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { findProcesses, processGroupOf } from "./find-processes";

test("findProcesses finds a process by an exact argument, by text in its command line and (Linux) by its environment", async (t) => {
  const marker = `rn-find-${process.pid}-${Date.now()}`;
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)", "--", `--marca=${marker}`], {
    env: { ...process.env, RN_FIND_TEST: marker },
    stdio: "ignore",
    detached: true,
  });
  t.after(() => child.kill("SIGKILL"));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const byArgument = findProcesses({ argument: `--marca=${marker}` });
  assert.deepEqual(byArgument.map((found) => found.pid), [child.pid]);
  assert.equal(byArgument[0]!.pgid, child.pid, "detached: leader of its own group");
  assert.equal(processGroupOf(child.pid!), child.pid);
  assert.deepEqual(byArgument[0]!.args.slice(-1), [`--marca=${marker}`]);
  assert.deepEqual(findProcesses({ argument: `--marca=${marker.slice(0, -1)}` }), [], "an argument must match exactly");
  assert.deepEqual(findProcesses({ commandLineIncludes: marker }).map((found) => found.pid), [child.pid]);
  if (existsSync("/proc/self/environ")) {
    assert.deepEqual(findProcesses({ environment: { name: "RN_FIND_TEST", value: marker } }).map((found) => found.pid), [child.pid]);
    assert.deepEqual(findProcesses({ environment: { name: "RN_FIND_TEST", value: "outro" } }), []);
  }
  assert.deepEqual(findProcesses({ argument: `--marca=${marker}`, environment: { name: "RN_FIND_TEST", value: "outro" } }), [], "every field must match");
});

test("findProcesses never reports this process nor zombies", async (t) => {
  assert.ok(!findProcesses({}).some((found) => found.pid === process.pid));
  // A parent that never reaps its child: the child stays a zombie while the parent sleeps.
  const parent = spawn("sh", ["-c", "sh -c 'exit 0' & echo $!; exec sleep 30"], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => parent.kill("SIGKILL"));
  const zombie = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()))));
  await new Promise((resolve) => setTimeout(resolve, 300));
  if (existsSync(`/proc/${zombie}/stat`)) {
    assert.match(readFileSync(`/proc/${zombie}/stat`, "utf8"), /\) Z /, "the child is a zombie");
  }
  const pids = findProcesses({}).map((found) => found.pid);
  assert.ok(pids.includes(parent.pid!), "its living parent is found");
  assert.ok(!pids.includes(zombie), "the zombie is not");
});
