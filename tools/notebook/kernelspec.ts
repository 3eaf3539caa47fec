import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../src/util/atomic';
import { jupyterDir } from './paths';

/** What an idempotent setup step did. */
export type StepResult = 'created' | 'updated' | 'unchanged';

/** Kernel name the notebooks' metadata refers to (`metadata.kernelspec.name`). */
export const KERNEL_NAME = 'tslab';

/**
 * The tslab kernelspec, as `tslab install` writes it, but started with this Node binary and this project's
 * tslab so that no global install and no PATH lookup is involved.
 */
export function kernelSpec(root: string): object {
  const tslab = path.join(root, 'node_modules', 'tslab', 'bin', 'tslab');
  return {
    argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
  };
}

/** Path of the project's kernel.json (`.jupyter/share/jupyter/kernels/tslab/kernel.json`). */
export function kernelSpecFile(root: string): string {
  return path.join(jupyterDir(root), 'share', 'jupyter', 'kernels', KERNEL_NAME, 'kernel.json');
}

/**
 * Write the kernelspec under `<root>/.jupyter` unless the same one is already there (fast, idempotent; rewritten
 * when the project or Node moved). Jupyter finds it through `JUPYTER_PATH` (see `jupyterEnv`).
 */
export function ensureKernelSpec(root: string): StepResult {
  const file = kernelSpecFile(root);
  const text = `${JSON.stringify(kernelSpec(root), null, 1)}\n`;
  const existed = fs.existsSync(file);
  if (existed && fs.readFileSync(file, 'utf8') === text) return 'unchanged';
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text);
  return existed ? 'updated' : 'created';
}

/**
 * Make `node_modules/lstm-anomaly` a symlink to the project root, so notebook cells import the built library
 * by its package name (`import { ... } from 'lstm-anomaly'`). tslab type-checks cells with Node10 module
 * resolution, where a package cannot import itself by name and `../src` imports fail its rootDir check.
 * `npm ci` removes the link; the setup and the report runner put it back.
 *
 * @throws Error when `node_modules/lstm-anomaly` exists and is not that link (nothing is overwritten).
 */
export function ensureSelfLink(root: string): StepResult {
  const link = path.join(root, 'node_modules', 'lstm-anomaly');
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(link);
  } catch {
    stat = undefined;
  }
  if (stat) {
    if (stat.isSymbolicLink() && fs.realpathSync(link) === fs.realpathSync(root)) return 'unchanged';
    throw new Error(`${path.relative(root, link)} exists and is not a link to the project; remove it and rerun`);
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync('..', link, 'dir');
  return 'created';
}
