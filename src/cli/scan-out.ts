import * as fs from 'fs';
import * as path from 'path';
import { isScanOutput, SCAN_MARKER } from '../scan/output';
import { InputError } from '../util/errors';

/** True when `inner` is `outer` or lies inside it (both resolved). */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** An earlier output of any lstm-anomaly command (its marker file is there). */
function hasMarker(dir: string): boolean {
  try {
    return fs.statSync(path.join(dir, SCAN_MARKER)).isFile();
  } catch {
    return false;
  }
}

/**
 * The scan's output folder, checked before any work. `--out` may be a new folder, an empty one or an earlier
 * scan output (replaced when the scan has finished; with `force`, any earlier lstm-anomaly output); anything
 * else is refused: a file, another non-empty folder, the current directory or a parent of it, a folder holding
 * an input. Without `--out`: `base`, or `base-2`, `base-3`, ... when it exists.
 *
 * @throws InputError one line naming the folder and the reason.
 * @example
 * const out = scanOutDir(f.out, 'reports/scan-2026-12-02', ['watchlist']);
 */
export function scanOutDir(out: string | undefined, base: string, inputs: string[], force = false): string {
  if (out === undefined) {
    let dir = base;
    for (let i = 2; fs.existsSync(dir); i++) dir = `${base}-${i}`;
    return dir;
  }
  if (out.trim() === '') throw new InputError('--out: empty path (name an output folder)');
  if (within(process.cwd(), out)) throw new InputError(`--out ${out}: is the current directory or holds it`);
  for (const input of inputs) {
    if (within(input, out)) throw new InputError(`--out ${out}: holds the input ${input}; choose a new folder`);
  }
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(out);
  } catch {
    return out;
  }
  if (!st.isDirectory()) throw new InputError(`--out ${out}: is a file, not a folder`);
  if (fs.readdirSync(out).length === 0 || isScanOutput(out) || (force && hasMarker(out))) return out;
  throw new InputError(`--out ${out}: is not empty and not an earlier scan output; choose a new folder`);
}
