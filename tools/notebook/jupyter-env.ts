import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { jupyterDir, repoRoot } from './paths';

/** Python modules the headless runner needs (`npm run report`). */
export const HEADLESS_MODULES = ['nbclient', 'nbconvert', 'nbformat', 'jupyter_client'];

/** A Python interpreter and the versions of the Jupyter modules it can import (null when missing). */
export interface JupyterPython {
  python: string;
  versions: Record<string, string | null>;
}

/** One line telling the user how to get Jupyter (pip where PyPI is reachable, else Debian packages). */
export const INSTALL_HINT =
  'Jupyter not found: run `npm run setup:jupyter`, or install it into the project with ' +
  '`python3 -m venv .venv && .venv/bin/python -m pip install -r requirements-jupyter.txt` or ' +
  '`sudo apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel jupyter-notebook`';

const PROBE = [
  'import importlib, json, sys',
  'out = {}',
  'for m in sys.argv[1:]:',
  '    try:',
  '        out[m] = str(getattr(importlib.import_module(m), "__version__", "?"))',
  '    except Exception:',
  '        out[m] = None',
  'print(json.dumps(out))',
].join('\n');

/**
 * The python of the project's virtual environment (`<root>/.venv`, made by `npm run setup:jupyter`).
 *
 * @throws Nothing.
 * @example
 * venvPython('/p'); // '/p/.venv/bin/python' ('\\Scripts\\python.exe' on Windows)
 */
export function venvPython(root: string): string {
  return process.platform === 'win32'
    ? path.join(root, '.venv', 'Scripts', 'python.exe')
    : path.join(root, '.venv', 'bin', 'python');
}

/**
 * Python interpreters to try, in order: `$JUPYTER_PYTHON` if set, the project's `.venv` python when `root`
 * is given and it exists, then every `python3` on PATH (a pyenv or venv python first, the system one after),
 * each real file once.
 *
 * @throws Nothing.
 * @example
 * pythonCandidates(process.env, repoRoot()); // ['/p/.venv/bin/python', '/usr/bin/python3']
 */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env, root?: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(p);
      fs.accessSync(real, fs.constants.X_OK);
    } catch {
      return;
    }
    // pyenv shims are scripts that all resolve differently: key them by their own path, not the target.
    const key = p.includes(`${path.sep}shims${path.sep}`) ? p : real;
    if (!seen.has(key)) {
      seen.add(key);
      found.push(p);
    }
  };
  if (env.JUPYTER_PYTHON) add(env.JUPYTER_PYTHON);
  // The venv's python is a symlink to the base interpreter: key it by its own path so both stay candidates.
  if (root && fs.existsSync(venvPython(root))) {
    seen.add(venvPython(root));
    found.push(venvPython(root));
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter)) if (dir) add(path.join(dir, 'python3'));
  return found;
}

/** Ask `python` which of `modules` it can import; undefined when the interpreter does not run. */
export function probePython(python: string, modules: string[]): JupyterPython | undefined {
  const r = spawnSync(python, ['-c', PROBE, ...modules], { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0 || !r.stdout) return undefined;
  try {
    return { python, versions: JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') };
  } catch {
    return undefined;
  }
}

/**
 * The first Python (see {@link pythonCandidates}: `$JUPYTER_PYTHON`, the project's `.venv`, then PATH) that
 * imports every module in `required`, or undefined.
 *
 * @example
 * const py = findJupyterPython(HEADLESS_MODULES); // { python: '/usr/bin/python3', versions: {...} }
 */
export function findJupyterPython(
  required: string[] = HEADLESS_MODULES,
  optional: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  root: string = repoRoot(),
): JupyterPython | undefined {
  for (const python of pythonCandidates(env, root)) {
    const probe = probePython(python, [...required, ...optional]);
    if (probe && required.every((m) => probe.versions[m] != null)) return probe;
  }
  return undefined;
}

/**
 * The environment Jupyter runs with: the project's kernelspec directory first on JUPYTER_PATH, so the tslab
 * kernel registered by the setup is found without any global install.
 */
export function jupyterEnv(root: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const own = path.join(jupyterDir(root), 'share', 'jupyter');
  const rest = base.JUPYTER_PATH ? [base.JUPYTER_PATH] : [];
  return { ...base, JUPYTER_PATH: [own, ...rest].join(path.delimiter), PYTHONUNBUFFERED: '1' };
}
