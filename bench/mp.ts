#!/usr/bin/env node
import { selfJoin } from '../src/detector/mp/profile';
import { Rng } from '../src/util/random';
import { runScript } from '../tools/script';

const USAGE = `Usage: node dist/bench/mp.js [--window 100] [--rows 22695,50000]
Seconds of the mp detector's self-join (the z-normalised matrix profile by STOMP, O(n^2)) on a seeded random walk
of each --rows length, and pair updates per second (about (n - window)^2 / 2 pairs).`;

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

runScript('bench/mp', () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const window = Number(arg(argv, '--window', '100'));
  const lengths = arg(argv, '--rows', '22695,50000').split(',').map(Number);
  for (const n of lengths) {
    const rng = new Rng(7);
    const x = new Float64Array(n);
    for (let t = 1; t < n; t++) x[t] = x[t - 1] + rng.normal();
    const t0 = performance.now();
    selfJoin(x, window);
    const s = (performance.now() - t0) / 1000;
    const pairs = (n - window + 1) ** 2 / 2;
    console.log(
      `mp self-join: ${n} rows, window ${window}: ${s.toFixed(2)} s, ${(pairs / s / 1e6).toFixed(0)} M pairs/s`,
    );
  }
});
