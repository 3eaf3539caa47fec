import * as fs from 'fs';
import * as path from 'path';

/**
 * The project root: the directory holding this package's package.json. Resolved from the compiled file's
 * location (dist/notebook/ -> ../..), never from the current directory, so it works from any cwd.
 *
 * @example
 * const root = repoRoot(); // '/home/me/lstm-anomaly'
 */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && readName(pkg) === 'lstm-anomaly') return fs.realpathSync(dir);
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(__dirname, '..', '..');
    dir = up;
  }
}

function readName(pkg: string): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(pkg, 'utf8')).name;
  } catch {
    return undefined;
  }
}

/**
 * Resolve a path given relative to the project root (absolute paths pass through). Notebooks use it for
 * their data parameters, so `'../shared/data/seeds/GE.csv'` means the same file from Jupyter, nbconvert or a
 * script, whatever the kernel's working directory.
 *
 * @example
 * const csv = projectPath('../shared/data/seeds/sp500_1986_2018.csv');
 */
export function projectPath(p: string): string {
  return path.resolve(repoRoot(), p);
}

/** The project's Jupyter directory (`<root>/.jupyter`, git-ignored): kernelspec prefix and nothing else. */
export function jupyterDir(root = repoRoot()): string {
  return path.join(root, '.jupyter');
}
