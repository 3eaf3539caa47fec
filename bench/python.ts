/** Which Pythons `npm run bench` runs PyTorch on, and `--setup-torch` (a venv with PyTorch 2.x under bench/.venv). */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** Debian's Python, whose `python3-torch` is PyTorch 1.13 (the second row). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** The bench's own venv (git-ignored), relative to the repository root. */
export const VENV = path.join('bench', '.venv');

/** One Python to run PyTorch on, and why it was chosen. */
export interface PythonChoice {
  path: string;
  /** `--python`, `LSTM_ANOMALY_BENCH_PYTHON`, `bench/.venv` or `system`. */
  source: string;
}

/**
 * The Pythons to try, anchor first: the chosen one (`--python` or `LSTM_ANOMALY_BENCH_PYTHON`, already in
 * `chosen` with its source), else bench/.venv's where `venvExists`; then the system Python (PyTorch 1.13 where
 * Debian's python3-torch is installed), unless it is the same path. Which of them has which torch is probed later.
 * @example
 * pythonCandidates('/r', null, 'env', true); // [{ path: '/r/bench/.venv/bin/python', ... }, { path: '/usr/bin/python3', ... }]
 */
export function pythonCandidates(
  root: string,
  chosen: string | null,
  chosenSource: string,
  venvExists: boolean,
): PythonChoice[] {
  const out: PythonChoice[] = [];
  if (chosen) out.push({ path: chosen, source: chosenSource });
  else if (venvExists) out.push({ path: path.join(root, VENV, 'bin', 'python'), source: 'bench/.venv' });
  if (!out.some((p) => p.path === SYSTEM_PYTHON)) out.push({ path: SYSTEM_PYTHON, source: 'system' });
  return out;
}

/**
 * The torch version a Python has (`2.5.1+cpu`), or null with the reason.
 * @example
 * probeTorch('/usr/bin/python3').version; // '1.13.0' or null
 */
export function probeTorch(python: string): { version: string | null; reason?: string } {
  const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (r.error) return { version: null, reason: `${python}: ${r.error.message}` };
  if (r.status !== 0) return { version: null, reason: `${python} lacks torch` };
  return { version: r.stdout.trim().split('\n').pop() ?? '' };
}

/** The major version of a torch version string (`2.5.1+cpu` -> 2), NaN when unreadable. */
export const torchMajor = (v: string): number => Number(/^(\d+)\./.exec(v)?.[1] ?? NaN);

/**
 * `--setup-torch`: create bench/.venv (`python3 -m venv`) unless it exists, and install torch and numpy into it
 * with pip (pip's configured index or local wheel folder); returns its Python.
 * @throws Error naming the step that failed.
 * @example
 * setupTorch(root); // '<root>/bench/.venv/bin/python'
 */
export function setupTorch(root: string, log: (s: string) => void = console.log): string {
  const dir = path.join(root, VENV);
  const python = path.join(dir, 'bin', 'python');
  const step = (cmd: string, args: string[]) => {
    log(`  ${[cmd, ...args].join(' ')}`);
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`--setup-torch: ${cmd} ${args.join(' ')} failed`);
  };
  if (!fs.existsSync(python)) step('python3', ['-m', 'venv', dir]);
  step(python, ['-m', 'pip', 'install', '--quiet', 'torch', 'numpy']);
  return python;
}
