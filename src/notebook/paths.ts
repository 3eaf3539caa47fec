import * as path from 'path';
import { packageRoot } from '../util/paths';

/**
 * Resolve a path given relative to the project root (absolute paths pass through). Notebooks use it for
 * their data parameters, so `'data/GE.csv'` means the same file from Jupyter, nbconvert or a script, whatever
 * the kernel's working directory.
 *
 * @throws Nothing.
 * @example
 * const csv = projectPath('data/sp500_1986_2018.csv');
 */
export function projectPath(p: string): string {
  return path.resolve(packageRoot(), p);
}
