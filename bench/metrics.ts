// Time of the evaluation measures on one long series: 22,695 steps (NAB's longest file), 12 labels of 300 steps
// (about 16% labeled, more than NAB's 10%) and the worst case, every step but one labeled; VUS at
// TSB-AD's defaults (window 100, 250 thresholds). Target: VUS under 1 s. Prints the median of 5 runs per measure
// and its ratio to the target.
// Usage: node dist/bench/metrics.js [--n 22695]

import * as os from 'node:os';
import { affiliation } from '../src/evaluate/affiliation';
import { nabScore } from '../src/evaluate/nab-score';
import { rangePrecisionRecall } from '../src/evaluate/range';
import { runsOf } from '../src/evaluate/runs';
import { vus } from '../src/evaluate/vus';
import { Rng } from '../src/util/random';

const TARGET_MS = 1000;

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

function median(f: () => void): number {
  const ms: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    f();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms.sort((a, b) => a - b)[2];
}

function main(): void {
  const n = Number(arg('--n', '22695'));
  const rng = new Rng(28);
  const scores = Float64Array.from({ length: n }, () => rng.next());
  const truth = Array.from({ length: n }, (_, i) => i % Math.floor(n / 12) < 300);
  const all = Array.from({ length: n }, (_, i) => i !== n >> 1);
  const flags = Array.from(scores, (s) => s > 0.95);
  console.log(`${os.cpus()[0].model}, ${n} steps`);
  const row = (name: string, ms: number): void =>
    console.log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / TARGET_MS).toFixed(3)} of 1 s`);
  row(
    'VUS-PR/ROC, 12 labels',
    median(() => vus(scores, truth)),
  );
  row(
    'VUS-PR/ROC, all steps but one',
    median(() => vus(scores, all)),
  );
  row(
    'range-based P/R',
    median(() => rangePrecisionRecall(truth, flags)),
  );
  row(
    'affiliation',
    median(() => affiliation(truth, flags)),
  );
  row(
    'NAB score',
    median(() => nabScore(flags, runsOf(truth))),
  );
}

main();
