#!/usr/bin/env node
/**
 * The course's kernel: tslab 1.0.22 (node_modules/tslab), started as `tslab kernel`, with one
 * correction. tslab's `ZmqServer.init` (node_modules/tslab/dist/jupyter.js) starts reading the
 * shell, control and heartbeat sockets before the five `bind` calls have finished; when the
 * first `kernel_info_request` arrives while a bind is still in progress, zeromq 6 throws
 * "Socket is blocked by a bind or unbind operation" (EBUSY) on the next receive or send, the
 * kernel never answers and Jupyter gives up after its start-up timeout (seen once in CI, on a
 * loaded machine). Here the sockets are bound first and read afterwards; the rest is tslab's.
 * docs/arquitetura.md §4 records it.
 *
 * On Node.js ≥ 22 the kernel also keeps V8's compile cache (tools/jupyter/kernel-compile-cache.cjs),
 * enabled before anything else is loaded: the next kernel reuses the compiled code of TypeScript's
 * compiler, tfjs and the library. And right after its first answer to Jupyter it reads the
 * library's types ahead of the student's first import cell (tools/jupyter/library-types-warm-up.cjs).
 */
"use strict";
const { enableKernelCompileCache } = require("./kernel-compile-cache.cjs");

const compileCache = enableKernelCompileCache();

const fs = require("node:fs");
const jupyter = require("tslab/dist/jupyter.js");
const { installLibraryTypesWarmUp } = require("./library-types-warm-up.cjs");

installLibraryTypesWarmUp(require("tslab/dist/converter.js"), jupyter);

/** The first cells load tfjs and the library: what they compile is written after each of them. */
const CELLS_FLUSHED = 3;
let cellsFinished = 0;
const handleExecute = jupyter.JupyterHandlerImpl.prototype.handleExecute;
jupyter.JupyterHandlerImpl.prototype.handleExecute = function handleExecuteThenFlushCompileCache(...args) {
  const done = handleExecute.apply(this, args);
  if (cellsFinished < CELLS_FLUSHED) {
    const flushAfterCell = () => {
      cellsFinished += 1;
      setImmediate(compileCache.flush);
    };
    done.then(flushAfterCell, flushAfterCell);
  }
  return done;
};

/** Reads a socket until it is closed, handing each message to `handle` (as tslab does). */
async function serve(socket, handle) {
  for await (const message of socket) handle(message);
}

jupyter.ZmqServer.prototype.init = async function initBindingFirst() {
  const connection = JSON.parse(fs.readFileSync(this.configPath, "utf-8"));
  this.connInfo = connection;
  // The zeromq that tslab itself would load (one copy per process).
  const zmq = require(require.resolve("zeromq", { paths: [require.resolve("tslab/dist/jupyter.js")] }));
  this.iopub = new zmq.Publisher();
  this.shell = new zmq.Router();
  this.control = new zmq.Router();
  this.stdin = new zmq.Router();
  this.hb = new zmq.Reply();
  await Promise.all([
    this.bindSocket(this.iopub, connection.iopub_port),
    this.bindSocket(this.shell, connection.shell_port),
    this.bindSocket(this.control, connection.control_port),
    this.bindSocket(this.stdin, connection.stdin_port),
    this.bindSocket(this.hb, connection.hb_port),
  ]);
  void serve(this.shell, (message) => this.handleShellMessage(this.shell, ...message));
  void serve(this.control, (message) => this.handleShellMessage(this.control, ...message));
  void serve(this.hb, (message) => this.hb.send(message));
};

require("tslab/dist/main.js").main();
// main() returns once tslab has warmed its TypeScript compiler, the bulk of a kernel's start.
compileCache.flush();
