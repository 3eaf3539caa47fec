/** AER's training speed for `npm run bench`: bench/aer.ts in its own process, read from its JSON line. */
import * as path from 'path';
import { jsonChild } from './json-child';
import type { AerSpeed } from './targets';

/**
 * Run `dist/bench/aer.js --json` (AER and the LSTM autoencoder on one thread each, its default sizes) and return
 * its figures, or undefined (with the reason printed) when it fails.
 * @example
 * aerSpeed(root)?.ratio; // e.g. 0.9
 */
export function aerSpeed(root: string): AerSpeed | undefined {
  const script = path.join(root, 'dist', 'bench', 'aer.js');
  const o = jsonChild<AerSpeed>(script, [], 'AER training speed, against the LSTM autoencoder');
  if (o)
    console.log(
      ` AER ${o.aer.windowsPerSec.toFixed(0)} windows/s x ${o.aer.parameters} parameters, LSTM ` +
        `${o.lstm.windowsPerSec.toFixed(0)} x ${o.lstm.parameters}: ${o.ratio.toFixed(2)}`,
    );
  return o;
}
