import { checkOutDir, uniqueDir } from '../out-dir';

/**
 * The scan's output folder, checked before any work by the rules every command shares ({@link checkOutDir}): new
 * or empty; an earlier output of lstm-anomaly (a scan's included) only with `--force`, and only when it holds
 * nothing the tool did not write; never another folder, the current directory or a folder holding an input.
 * Without `--out`: `base`, or `base-2`, `base-3`, ... when it exists.
 *
 * @throws InputError one line naming the folder and the reason.
 * @example
 * const out = scanOutDir(f.out, 'reports/scan-2026-12-02', ['watchlist']);
 */
export function scanOutDir(out: string | undefined, base: string, inputs: string[], force = false): string {
  const dir = out ?? uniqueDir(base);
  checkOutDir(dir, { inputs, force });
  return dir;
}
