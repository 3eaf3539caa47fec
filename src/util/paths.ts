import * as fs from 'fs';
import * as path from 'path';

/**
 * The package root: the nearest directory above this file holding the package.json of `lstm-anomaly`. Found from
 * the compiled file's location, never from the current directory, so it works from any working directory, from
 * `src/` (ts-node), `dist/src/` or an installed copy under `node_modules/`.
 *
 * @throws Nothing: without such a directory it falls back to two levels above this file.
 * @example
 * const root = packageRoot(); // '/home/me/lstm-anomaly'
 */
export function packageRoot(): string {
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
