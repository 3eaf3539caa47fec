import { isScanOutput } from '../scan/output';
import { checkOutDir, uniqueDir } from './out-dir';

/**
 * The scan's output folder, checked before any work. `--out` may be new, empty or an earlier scan output (replaced
 * when the scan has finished); other folders go through detect's rules ({@link checkOutDir}: another non-empty
 * folder is refused, an earlier lstm-anomaly output needs `--force`, nor may it be the current directory or hold an
 * input). Without `--out`: `base`, or `base-2`, `base-3`, ... when it exists.
 *
 * @throws InputError one line naming the folder and the reason.
 * @example
 * const out = scanOutDir(f.out, 'reports/scan-2026-12-02', ['watchlist']);
 */
export function scanOutDir(out: string | undefined, base: string, inputs: string[], force = false): string {
  const dir = out ?? uniqueDir(base);
  checkOutDir(dir, { inputs, force: force || isScanOutput(dir) });
  return dir;
}
