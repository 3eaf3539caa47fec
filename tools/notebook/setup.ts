#!/usr/bin/env node
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { runScript } from '../script';
import { denoBinary, denoVersion } from './deno';
import {
  findJupyterPython,
  HEADLESS_MODULES,
  INSTALL_HINT,
  type JupyterPython,
  pythonCandidates,
  venvPython,
} from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink, KERNELS, kernelSpecFile } from './kernelspec';
import { repoRoot } from './paths';

/** Python modules of a Jupyter frontend; either one is enough for `npm run jupyter`. */
export const FRONTEND_MODULES = ['jupyterlab', 'notebook'];

/** Debian packages for the headless runner, and the classic Notebook frontend. */
export const APT_HEADLESS = ['jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel'];
export const APT_FRONTEND = ['jupyter-notebook'];

const REQUIRED = [...HEADLESS_MODULES, 'jinja2'];

function run(cmd: string, args: string[], quiet = false): boolean {
  console.log(`  $ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: quiet ? 'ignore' : 'inherit', timeout: 15 * 60_000 });
  return r.status === 0;
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && fs.existsSync(path.join(d, cmd)));
}

function describe(py: JupyterPython): string {
  const v = (m: string): string => `${m} ${py.versions[m]}`;
  const front = FRONTEND_MODULES.filter((m) => py.versions[m]);
  return `${py.python} (${['nbconvert', 'nbclient'].map(v).join(', ')}${front.length ? `; ${front.map(v).join(', ')}` : '; no frontend'})`;
}

const hasFrontend = (py?: JupyterPython): boolean => !!py && FRONTEND_MODULES.some((m) => py.versions[m]);

/**
 * The project's virtual environment `.venv/` (`python3 -m venv`), with requirements-jupyter.txt installed by
 * its own pip: nothing goes into the user's Python. False when venv/ensurepip is missing or PyPI is not
 * reachable (pip fails fast); a `.venv` created by this attempt is removed again so the next run starts clean.
 */
function tryVenv(root: string): boolean {
  const venv = path.join(root, '.venv');
  const created = !fs.existsSync(venvPython(root));
  if (created) {
    const probe = ['-c', 'import venv, ensurepip'];
    const base = pythonCandidates().find((p) => spawnSync(p, probe, { stdio: 'ignore' }).status === 0);
    if (!base) {
      console.log('  (no python3 with venv and ensurepip: skipping the project environment)');
      return false;
    }
    if (!run(base, ['-m', 'venv', venv])) {
      fs.rmSync(venv, { recursive: true, force: true });
      return false;
    }
  }
  const req = path.join(root, 'requirements-jupyter.txt');
  const pip = ['-m', 'pip', 'install', '--disable-pip-version-check', '--retries', '0', '--timeout', '10', '-r', req];
  if (run(venvPython(root), pip)) return true;
  if (created) fs.rmSync(venv, { recursive: true, force: true });
  return false;
}

/** Debian packages, when root and apt-get exists (apt-get update only if the first attempt fails). */
function tryApt(packages: string[]): boolean {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0 || !onPath('apt-get')) return false;
  const args = ['install', '-y', '--no-install-recommends', ...packages];
  return run('apt-get', args) || (run('apt-get', ['update']) && run('apt-get', args));
}

/**
 * The Jupyter data directory of the user, where any Jupyter (VS Code's included) finds kernels without
 * `JUPYTER_PATH`: `$JUPYTER_DATA_DIR`, else the platform's default (as `jupyter --data-dir` prints it).
 *
 * @example
 * userDataDir({ HOME: '/home/a' }, 'linux'); // '/home/a/.local/share/jupyter'
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: string = process.platform): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  const home = env.HOME ?? env.USERPROFILE ?? '';
  if (platform === 'darwin') return path.join(home, 'Library', 'Jupyter');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'jupyter');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'jupyter');
}

/**
 * The one shell line that makes any Jupyter started from that shell find the project's kernels.
 *
 * @example
 * jupyterPathLine('/p', 'linux'); // 'export JUPYTER_PATH="/p/.jupyter/share/jupyter"'
 */
export function jupyterPathLine(root: string, platform: string = process.platform): string {
  const dir = path.join(root, '.jupyter', 'share', 'jupyter');
  return platform === 'win32' ? `set JUPYTER_PATH=${dir}` : `export JUPYTER_PATH="${dir}"`;
}

/**
 * Register the kernels (tslab always; Deno when its package is installed and runs) under `.jupyter/`, and with
 * `user` also in the user's Jupyter data directory. False when neither kernel can start: tslab without its
 * zeromq addon is reported, and enough when Deno works (e.g. a machine with no zeromq build).
 */
function registerKernels(root: string, user: boolean): boolean {
  let deno = false;
  for (const kernel of KERNELS) {
    if (kernel === 'deno') {
      let bin: string;
      try {
        bin = denoBinary(root);
      } catch (e) {
        console.log(`kernel deno: skipped, ${(e as Error).message}`);
        continue;
      }
      if (!denoVersion(bin)) {
        console.log(`kernel deno: skipped, ${path.relative(root, bin)} does not run on this machine`);
        continue;
      }
      deno = true;
    }
    console.log(`kernel ${path.relative(root, kernelSpecFile(root, kernel))} (${ensureKernelSpec(root, kernel)})`);
    if (user) {
      const dir = userDataDir();
      const r = ensureKernelSpec(root, kernel, dir);
      const note = r === 'kept' ? 'kept: a kernel of that name that this project did not write is there' : r;
      console.log(`kernel ${kernelSpecFile(root, kernel, dir)} (${note})`);
    }
  }
  try {
    const tslabDir = path.dirname(require.resolve('tslab/package.json', { paths: [root] }));
    require(require.resolve('zeromq', { paths: [tslabDir] }));
  } catch (e) {
    const why = `tslab cannot load zeromq (${(e as Error).message.split('\n')[0]}): run \`npm rebuild zeromq\``;
    console.error(deno ? `${why}; the Deno kernel works without it (--kernel deno)` : why);
    return deno;
  }
  return true;
}

/**
 * `npm run setup:jupyter [-- --headless] [--no-install] [--user]`: link the package for notebook imports, register
 * the tslab and Deno kernels under `.jupyter/` (with `--user` also in the user's Jupyter data directory, for VS
 * Code or one's own Jupyter), and make sure a Python with Jupyter exists: a project virtual environment
 * `.venv/` with requirements-jupyter.txt (never the user's own Python), else the Debian packages via apt-get when
 * root, else a hint. `--headless` needs no frontend (what `npm run report` uses); `--no-install` only checks,
 * exit 1 when Jupyter is missing (what `npm test` uses). Idempotent; takes about a second when everything is
 * in place.
 */
export function main(argv = process.argv.slice(2)): number {
  const headless = argv.includes('--headless');
  const install = !argv.includes('--no-install');
  const root = repoRoot();
  console.log(`link   node_modules/lstm-anomaly -> .. (${ensureSelfLink(root)})`);
  const user = argv.includes('--user');
  if (!registerKernels(root, user)) return 1;
  let py = findJupyterPython(REQUIRED, FRONTEND_MODULES);
  const complete = (p?: JupyterPython): boolean => !!p && (headless || hasFrontend(p));
  if (!complete(py) && install) {
    console.log(`jupyter ${py ? `${describe(py)}: installing the frontend` : 'not found: installing'}`);
    if (tryVenv(root)) py = findJupyterPython(REQUIRED, FRONTEND_MODULES);
    if (!complete(py) && tryApt(py ? APT_FRONTEND : headless ? APT_HEADLESS : [...APT_HEADLESS, ...APT_FRONTEND])) {
      py = findJupyterPython(REQUIRED, FRONTEND_MODULES);
    }
  }
  if (!py) {
    console.error(INSTALL_HINT.replace('run `npm run setup:jupyter`, or ', ''));
    return 1;
  }
  console.log(`jupyter ${describe(py)}`);
  if (!user && install) {
    console.log(
      `note   for VS Code or your own Jupyter: \`npm run setup:jupyter -- --user\`, or ${jupyterPathLine(root)}`,
    );
  }
  if (!headless && !hasFrontend(py)) {
    console.log(
      'note   no Jupyter frontend: `npm run report` works, `npm run jupyter` needs `pip install notebook` or `apt-get install jupyter-notebook`',
    );
  }
  return 0;
}

if (require.main === module) runScript('setup', () => main());
