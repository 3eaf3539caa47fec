import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';

/** NAB's sub-folder of each development file outside realKnownCause. */
export const NAB_SUBSETS: Record<string, string> = {
  art_daily_no_noise: 'artificialNoAnomaly',
  art_daily_perfect_square_wave: 'artificialNoAnomaly',
  art_daily_small_noise: 'artificialNoAnomaly',
  art_flatline: 'artificialNoAnomaly',
  art_noisy: 'artificialNoAnomaly',
  art_daily_flatmiddle: 'artificialWithAnomaly',
  art_daily_jumpsup: 'artificialWithAnomaly',
};

/**
 * Lay the flat NAB files of `src` out as NAB does (`<subset>/<file>.csv`, symlinks) in a new temporary folder.
 *
 * @throws Error when the folder cannot be read or written.
 * @example
 * const dir = nabLayout('../shared/data/nab'); // .../nab with artificialNoAnomaly/, ...
 */
export function nabLayout(src: string): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nab-layout-')), 'nab');
  for (const f of fs.readdirSync(src).filter((x) => x.endsWith('.csv'))) {
    const sub = NAB_SUBSETS[f.replace(/\.csv$/, '')] ?? 'realKnownCause';
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.symlinkSync(path.join(src, f), path.join(dir, sub, f));
  }
  return dir;
}

/**
 * The folder of NAB's development files (`given`, else ../shared/data/nab beside the project), or null after
 * printing `skip: ... is absent` when it is not there (the benches that need it then end quietly).
 *
 * @example
 * const src = nabSource(flag('nab'));
 * if (!src) return;
 */
export function nabSource(given?: string): string | null {
  const src = path.resolve(given ?? path.join(packageRoot(), '../shared/data/nab'));
  if (fs.existsSync(src)) return src;
  console.log(`skip: ${src} is absent`);
  return null;
}
