import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../src/util/atomic';
import { denoBinary } from './deno';
import { jupyterDir } from './paths';

/** What an idempotent setup step did. */
export type StepResult = 'created' | 'updated' | 'unchanged';

/** The two kernels the notebooks run on: tslab (Node) and Deno (its built-in Jupyter kernel). */
export type KernelName = 'tslab' | 'deno';

/** Every kernel the project registers, the default (`tslab`, what the notebooks' metadata names) first. */
export const KERNELS: readonly KernelName[] = ['tslab', 'deno'];

/** Kernel name the notebooks' metadata refers to (`metadata.kernelspec.name`), and the default of the tools. */
export const KERNEL_NAME: KernelName = 'tslab';

/** Key in a kernelspec's `metadata` that marks it as written by this project (with the project root). */
export const SPEC_MARK = 'lstm-anomaly';

/**
 * The kernelspec of `kernel`, started with this project's own binaries so that no global install and no PATH
 * lookup is involved: tslab as `tslab install` writes it but with this Node binary; Deno as `deno jupyter
 * --install` writes it, with the binary of the `deno` devDependency.
 *
 * @throws Error for `deno` when the `deno` package is not installed (see {@link denoBinary}).
 * @example
 * kernelSpec('/p', 'deno'); // { argv: ['/p/node_modules/@deno/linux-x64-glibc/deno', 'jupyter', '--kernel', ...] }
 */
export function kernelSpec(root: string, kernel: KernelName = 'tslab'): object {
  const metadata = { [SPEC_MARK]: root };
  if (kernel === 'deno') {
    const argv = [denoBinary(root), 'jupyter', '--kernel', '--conn', '{connection_file}'];
    return { argv, display_name: 'Deno', language: 'typescript', metadata };
  }
  const tslab = path.join(root, 'node_modules', 'tslab', 'bin', 'tslab');
  return {
    argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
    metadata,
  };
}

/**
 * Path of the kernel.json of `kernel`: the project's (`.jupyter/share/jupyter/kernels/<kernel>/kernel.json`), or
 * the one under the Jupyter data directory `dataDir`.
 *
 * @example
 * kernelSpecFile('/p', 'deno'); // '/p/.jupyter/share/jupyter/kernels/deno/kernel.json'
 */
export function kernelSpecFile(root: string, kernel: KernelName = 'tslab', dataDir?: string): string {
  return path.join(dataDir ?? path.join(jupyterDir(root), 'share', 'jupyter'), 'kernels', kernel, 'kernel.json');
}

/**
 * Write the kernelspec of `kernel` under `<root>/.jupyter` (or under the Jupyter data directory `dataDir`)
 * unless the same one is already there (fast, idempotent; rewritten when the project or Node moved). Jupyter
 * finds the project's through `JUPYTER_PATH` (see `jupyterEnv`). In a `dataDir`, a kernelspec of the same
 * name that this project did not write (no `metadata["lstm-anomaly"]`) is left alone: 'kept'.
 *
 * @throws Error for `deno` when the `deno` package is not installed.
 * @example
 * ensureKernelSpec(root, 'deno'); // 'created', then 'unchanged'
 */
export function ensureKernelSpec(root: string, kernel: KernelName = 'tslab', dataDir?: string): StepResult | 'kept' {
  const file = kernelSpecFile(root, kernel, dataDir);
  const text = `${JSON.stringify(kernelSpec(root, kernel), null, 1)}\n`;
  const existed = fs.existsSync(file);
  if (existed) {
    const old = fs.readFileSync(file, 'utf8');
    if (old === text) return 'unchanged';
    if (dataDir && !isOurs(old)) return 'kept';
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text);
  return existed ? 'updated' : 'created';
}

function isOurs(text: string): boolean {
  try {
    return SPEC_MARK in (JSON.parse(text).metadata ?? {});
  } catch {
    return false;
  }
}

/**
 * Make `node_modules/lstm-anomaly` a symlink to the project root, so notebook cells import the built library
 * by its package name (`import { ... } from 'lstm-anomaly'`), on both kernels. tslab type-checks cells with
 * Node10 module resolution, where a package cannot import itself by name and `../src` imports fail its rootDir
 * check; Deno (package.json, no deno.json: `nodeModulesDir` "manual") resolves bare specifiers through
 * node_modules the same way, and loads dist/ as CommonJS because package.json says `"type": "commonjs"`.
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
