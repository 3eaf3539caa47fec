import * as path from 'path';
import { packageRoot } from '../../src/util/paths';

/** The project root (the directory of this package's package.json). */
export const repoRoot = packageRoot;

/** The project's Jupyter directory (`<root>/.jupyter`, git-ignored): kernelspec prefix and nothing else. */
export function jupyterDir(root = repoRoot()): string {
  return path.join(root, '.jupyter');
}
