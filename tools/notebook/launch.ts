#!/usr/bin/env node
import { type ChildProcess, spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { denoBinary } from './deno';
import { findJupyterPython, jupyterEnv } from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink, KERNEL_NAME, type KernelName } from './kernelspec';
import { repoRoot } from './paths';
import { parseKernel } from './report-args';

/** Environment variable holding a JSON array that replaces the Jupyter command (tests use a stub). */
export const COMMAND_ENV = 'LSTM_ANOMALY_JUPYTER_COMMAND';

/** Seconds the server gets to stop after a forwarded signal before it is killed. */
const GRACE_SECONDS = 10;

/**
 * The command from `$LSTM_ANOMALY_JUPYTER_COMMAND` (a JSON array of strings), or undefined when unset.
 *
 * @throws Error when the variable is set but not a non-empty JSON array of strings.
 * @example
 * commandOverride({ LSTM_ANOMALY_JUPYTER_COMMAND: '["node","stub.js"]' }); // ['node', 'stub.js']
 */
export function commandOverride(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const raw = env[COMMAND_ENV];
  if (!raw) return undefined;
  let cmd: unknown;
  try {
    cmd = JSON.parse(raw);
  } catch {
    cmd = undefined;
  }
  if (!Array.isArray(cmd) || cmd.length === 0 || !cmd.every((c) => typeof c === 'string')) {
    throw new Error(`${COMMAND_ENV} must be a JSON array of strings, e.g. ["jupyter", "lab"]`);
  }
  return cmd as string[];
}

/** How often the launcher checks that its parent is still there, ms. */
const PARENT_POLL_MS = 250;

/**
 * Pass SIGINT, SIGTERM and SIGHUP on to `child`, so stopping the launcher stops the server (no orphan); a
 * server still running `GRACE_SECONDS` after the first signal, or a second signal, gets SIGKILL.
 *
 * `npm run jupyter` runs `sh -c "npm run -s build && node launch.js"`: npm passes SIGTERM to that shell, which
 * dies without passing it on. So the launcher also watches its parent: when the parent is gone (the launcher
 * was re-parented), the server is stopped as on SIGTERM.
 */
function forwardSignals(child: ChildProcess): void {
  let signalled = false;
  const stop = (sig: NodeJS.Signals) => {
    if (signalled) {
      child.kill('SIGKILL');
      return;
    }
    signalled = true;
    child.kill(sig);
    setTimeout(() => child.kill('SIGKILL'), GRACE_SECONDS * 1000).unref();
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => stop(sig));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    if (!signalled) stop('SIGTERM');
  }, PARENT_POLL_MS);
  watch.unref();
  child.once('exit', () => clearInterval(watch));
}

/**
 * `--kernel tslab|deno` taken out of the launcher's arguments (the rest go to Jupyter).
 *
 * @throws InputError on an unknown kernel or a missing value.
 * @example
 * takeKernel(['--kernel', 'deno', '--port=9000']); // { kernel: 'deno', rest: ['--port=9000'] }
 */
export function takeKernel(argv: string[]): { kernel: KernelName; rest: string[] } {
  const rest = [...argv];
  const at = rest.findIndex((a) => a === '--kernel' || a.startsWith('--kernel='));
  if (at < 0) return { kernel: KERNEL_NAME, rest };
  const [flag] = rest.splice(at, 1);
  const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : rest.splice(at, 1)[0];
  return { kernel: parseKernel(value ?? ''), rest };
}

/**
 * `npm run jupyter [-- --kernel tslab|deno] [jupyter options]`: open JupyterLab (or the classic Notebook when Lab
 * is not installed) on notebooks/ with the project's kernels (tslab, and Deno when installed; `--kernel` picks
 * the default for new notebooks); no global kernel install involved. Stopping it (Ctrl-C, SIGTERM) stops the
 * server too.
 */
export function main(args = process.argv.slice(2)): void {
  const root = repoRoot();
  const { kernel, rest: argv } = takeKernel(args);
  ensureSelfLink(root);
  ensureKernelSpec(root);
  try {
    denoBinary(root);
    ensureKernelSpec(root, 'deno');
  } catch (e) {
    if (kernel === 'deno') throw e;
  }
  if (kernel !== KERNEL_NAME) argv.unshift(`--MappingKernelManager.default_kernel_name=${kernel}`);
  let cmd = commandOverride();
  if (!cmd) {
    const py = findJupyterPython(['jupyter_client'], ['jupyterlab', 'notebook']);
    const app = py && (py.versions.jupyterlab ? 'jupyterlab' : py.versions.notebook ? 'notebook' : undefined);
    if (!py || !app) {
      console.error('no Jupyter frontend found: run `npm run setup:jupyter` (or `apt-get install jupyter-notebook`)');
      process.exit(1);
    }
    cmd = [py.python, '-m', app, `--notebook-dir=${path.join(root, 'notebooks')}`];
    if (typeof process.getuid === 'function' && process.getuid() === 0 && !argv.includes('--allow-root')) {
      cmd.push('--allow-root');
    }
    console.log(`${app} ${py.versions[app]} (${py.python}) with the ${kernel} kernel from .jupyter/; Ctrl-C to stop`);
    if (kernel !== KERNEL_NAME) console.log(`the notebooks name tslab: pick "Deno" in Kernel > Change Kernel`);
  }
  const child = spawn(cmd[0], [...cmd.slice(1), ...argv], { env: jupyterEnv(root), stdio: 'inherit' });
  forwardSignals(child);
  child.on('error', (e) => {
    console.error(`jupyter: cannot start ${cmd?.[0]}: ${e.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    const signum = signal ? os.constants.signals[signal] : undefined;
    process.exit(code ?? (signum ? 128 + signum : 1));
  });
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`jupyter: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
