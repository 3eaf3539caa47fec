/** AER's training speed for `npm run bench`: bench/aer.ts in its own process, read from its JSON line. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { AerSpeed } from './targets';

/**
 * Run `dist/bench/aer.js --json` (AER and the LSTM autoencoder on one thread each, its default sizes) and return
 * its figures, or undefined (with the reason printed) when it fails.
 * @example
 * aerSpeed(root)?.ratio; // e.g. 0.9
 */
export function aerSpeed(root: string): AerSpeed | undefined {
  process.stdout.write('  AER training speed, against the LSTM autoencoder ...');
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'bench', 'aer.js'), '--json'], { encoding: 'utf8' });
  if (r.status !== 0) {
    console.log(` failed: ${(r.stderr || '').trim().split('\n').pop()}`);
    return undefined;
  }
  const o = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as AerSpeed;
  console.log(
    ` AER ${o.aer.windowsPerSec.toFixed(0)} windows/s x ${o.aer.parameters} parameters, LSTM ` +
      `${o.lstm.windowsPerSec.toFixed(0)} x ${o.lstm.parameters}: ${o.ratio.toFixed(2)}`,
  );
  return o;
}
