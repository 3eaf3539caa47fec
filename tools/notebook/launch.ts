#!/usr/bin/env node
import { spawn } from 'child_process';
import * as path from 'path';
import { findJupyterPython, jupyterEnv } from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink } from './kernelspec';
import { repoRoot } from './paths';

/**
 * `npm run jupyter [-- jupyter options]`: open JupyterLab (or the classic Notebook when Lab is not installed)
 * on notebooks/ with the project's tslab kernel; no global kernel install involved.
 */
export function main(argv = process.argv.slice(2)): void {
  const root = repoRoot();
  ensureSelfLink(root);
  ensureKernelSpec(root);
  const py = findJupyterPython(['jupyter_client'], ['jupyterlab', 'notebook']);
  const app = py && (py.versions.jupyterlab ? 'jupyterlab' : py.versions.notebook ? 'notebook' : undefined);
  if (!py || !app) {
    console.error('no Jupyter frontend found: run `npm run setup:jupyter` (or `pip install notebook`, or `apt-get install jupyter-notebook`)');
    process.exit(1);
  }
  const args = ['-m', app, `--notebook-dir=${path.join(root, 'notebooks')}`];
  if (typeof process.getuid === 'function' && process.getuid() === 0 && !argv.includes('--allow-root')) args.push('--allow-root');
  console.log(`${app} ${py.versions[app]} (${py.python}) with the tslab kernel from .jupyter/; Ctrl-C to stop`);
  const child = spawn(py.python, [...args, ...argv], { env: jupyterEnv(root), stdio: 'inherit' });
  child.on('close', (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error(`jupyter: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
