/**
 * The isolation of one submission's kernel. Each submission gets its own work folder and
 * a kernelspec whose kernel starts through tools/grading/sandbox-kernel.sh inside
 * bubblewrap (`bwrap`):
 * - its own mount namespace showing ONLY /usr (system libraries and node), the project's
 *   node_modules, lib/, datasets/ and Python venv (read-only: TensorFlow's C library), a
 *   private /tmp and its own work folder (the only writable place). The source
 *   assignment, the other submissions, the gradebook, the git history and the rest of
 *   the machine do not exist in there;
 * - its own pid, IPC, UTS and network namespaces (it cannot see or signal other processes,
 *   and has no network at all, not even loopback to the host's services), a new session,
 *   and it dies with the grader;
 * - a clean environment (bwrap --clearenv): nothing of the instructor's environment;
 * - a V8 heap limit (NODE_OPTIONS=--max-old-space-size) and, under root, rlimits
 *   (processes, file size, no core dumps);
 * - under root, an unprivileged uid of its own (setpriv: no groups, no capabilities,
 *   no_new_privs), so even outside its namespace it owns nothing of the grader's.
 * The kernel talks to the grader over Unix sockets in its work folder (Jupyter's `ipc`
 * transport: run-cells.ts `ipcDir`), which the sandbox also shows at the folder's host
 * path so that the connection file's socket paths mean the same on both sides.
 */
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, realpathSync } from "node:fs";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { paths, projectRoot } from "../project.mjs";

export const sandboxKernelName = "redes-neurais-correcao";
const wrapperScript = path.join(projectRoot, "tools", "grading", "sandbox-kernel.sh");
/** Where the work folder appears inside the sandbox: under the project, so that
 * "@redes-neurais/lib" resolves from node_modules as in a normal notebook. */
const sandboxViewDir = path.join(projectRoot, ".grading-sandbox");
const firstUid = 61000;

export interface SandboxOptions {
  /** A folder of the grader's (mode 0711) holding the submissions' sandboxes. */
  runFolder: string;
  /** The submission's number in this run (its uid is firstUid + slot). */
  slot: number;
  /** V8 heap limit of the kernel, MB. */
  memoryMb: number;
  /** Variables passed into the sandbox (e.g. REDES_NEURAIS_FAST). */
  passEnv: Record<string, string>;
}

export interface Sandbox {
  /** Private to the grader: kernelspec, runtime files, graded notebook, report. */
  privateDir: string;
  /** The kernel's work folder on the host. */
  workDir: string;
  /** Environment for run_cells.py so that `--kernel sandboxKernelName` is this sandbox. */
  runnerEnv: Record<string, string>;
}

export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
}

/** bwrap is installed and can make its namespaces here; otherwise why not. */
export function sandboxProblem(): string | null {
  const probe = spawnSync("bwrap", ["--unshare-user", "--ro-bind", "/", "/", "true"], { encoding: "utf8" });
  if (probe.error) {
    return "o bubblewrap (bwrap) não está instalado: `sudo apt-get install bubblewrap` (Debian/Ubuntu) ou `dnf install bubblewrap`.";
  }
  if (probe.status !== 0) {
    return `o bubblewrap não conseguiu criar namespaces nesta máquina (${probe.stderr.trim()}). ` +
      "Habilite namespaces de usuário (sysctl kernel.unprivileged_userns_clone=1) ou rode como root.";
  }
  return null;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** ro-bind a path at its real location (and a symlink where it was reached through one). */
class MountPlan {
  readonly args: string[] = [];
  private readonly exposed: string[] = [];

  private covered(real: string): boolean {
    return this.exposed.some((folder) => real === folder || real.startsWith(folder + path.sep));
  }

  expose(target: string): void {
    if (!existsSync(target)) return;
    const real = realpathSync(target);
    if (!this.covered(real)) {
      this.args.push("--ro-bind", real, real);
      this.exposed.push(real);
    }
    const absolute = path.resolve(target);
    if (real !== absolute && lstatSync(absolute).isSymbolicLink() && !this.covered(absolute)) {
      this.args.push("--symlink", real, absolute);
    }
  }

  /** Also the targets of the symbolic links directly inside a folder (tfjs-node's deps/lib). */
  exposeLinkTargets(folder: string): void {
    if (!existsSync(folder)) return;
    for (const entry of readdirSync(folder)) this.expose(path.dirname(realpathSync(path.join(folder, entry))));
  }
}

function bwrapArguments(workDir: string, memoryMb: number, passEnv: Record<string, string>): string[] {
  const plan = new MountPlan();
  const args = [
    "bwrap",
    "--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--unshare-cgroup-try",
    "--die-with-parent", "--new-session", "--clearenv",
    "--setenv", "HOME", sandboxViewDir,
    "--setenv", "PATH", "/usr/local/bin:/usr/bin:/bin",
    "--setenv", "LANG", "C.UTF-8",
    "--setenv", "TF_CPP_MIN_LOG_LEVEL", "2",
    "--setenv", "NODE_OPTIONS", `--max-old-space-size=${memoryMb}`,
  ];
  for (const [name, value] of Object.entries(passEnv)) args.push("--setenv", name, value);
  args.push("--ro-bind", "/usr", "/usr");
  for (const top of ["/bin", "/sbin", "/lib", "/lib64", "/lib32"]) {
    if (!existsSync(top)) continue;
    if (lstatSync(top).isSymbolicLink()) args.push("--symlink", realpathSync(top).replace(/^\//, ""), top);
    else args.push("--ro-bind", top, top);
  }
  args.push(
    "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache",
    "--ro-bind-try", "/etc/localtime", "/etc/localtime",
    "--ro-bind-try", "/sys/devices/system/cpu", "/sys/devices/system/cpu",
    "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
  );
  plan.expose(path.dirname(path.dirname(process.execPath))); // node's own prefix (nvm, conda…)
  plan.expose(paths.nodeModules);
  plan.expose(path.join(paths.nodeModules, "@redes-neurais", "lib"));
  plan.expose(paths.lib);
  plan.expose(paths.datasets);
  plan.expose(paths.venv);
  plan.expose(paths.kernelLauncher);
  for (const module of paths.kernelLauncherModules) plan.expose(module);
  plan.exposeLinkTargets(path.join(paths.tfjsNode, "deps", "lib"));
  args.push(...plan.args);
  args.push("--bind", workDir, sandboxViewDir, "--bind", workDir, workDir, "--chdir", sandboxViewDir, "--");
  args.push(process.execPath, paths.kernelLauncher, "kernel", "--config-path", path.join(sandboxViewDir, ".kernel-connection.json"));
  return args;
}

/** Makes the submission's folders, kernelspec and sandbox command. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  const privateDir = path.join(options.runFolder, `privado-${options.slot}`);
  const workDir = path.join(options.runFolder, `trabalho-${options.slot}`);
  await mkdir(privateDir, { recursive: true, mode: 0o700 });
  await chmod(privateDir, 0o700);
  await mkdir(workDir, { recursive: true, mode: 0o755 });
  const uid = isRoot ? String(firstUid + options.slot) : "";
  const command: string[] = [];
  if (uid) {
    command.push(
      "setpriv", `--reuid=${uid}`, `--regid=${uid}`, "--clear-groups", "--no-new-privs", "--inh-caps=-all", "--bounding-set=-all",
      "prlimit", "--nproc=4096", "--fsize=268435456", "--core=0", "--",
    );
  } else {
    command.push("prlimit", "--fsize=268435456", "--core=0", "--");
  }
  command.push(...bwrapArguments(workDir, options.memoryMb, options.passEnv));
  const commandFile = path.join(privateDir, "comando.bin");
  await writeFile(commandFile, command.map((part) => `${part}\0`).join(""));
  const kernelDir = path.join(privateDir, "jupyter", "kernels", sandboxKernelName);
  await mkdir(kernelDir, { recursive: true });
  await writeFile(
    path.join(kernelDir, "kernel.json"),
    JSON.stringify({
      argv: ["bash", wrapperScript, "{connection_file}"],
      display_name: "TypeScript (correção isolada)",
      language: "typescript",
      env: { GRADING_SANDBOX_DIR: workDir, GRADING_UID: uid, GRADING_COMMAND_FILE: commandFile },
      metadata: { debugger: false },
    }, null, 1),
  );
  const runtime = path.join(privateDir, "runtime");
  await mkdir(runtime, { recursive: true, mode: 0o700 });
  return {
    privateDir,
    workDir,
    runnerEnv: {
      JUPYTER_PATH: path.join(privateDir, "jupyter"),
      JUPYTER_DATA_DIR: path.join(privateDir, "jupyter"),
      JUPYTER_RUNTIME_DIR: runtime,
    },
  };
}
