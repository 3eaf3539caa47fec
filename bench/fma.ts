#!/usr/bin/env node
// `node dist/bench/fma.js BITS SECONDS`: the addon's FMA loop at BITS (128, 256 or 512) for about SECONDS, after a
// warm-up; prints the best try's GFLOP/s (bench/limit.ts runs one alone and two at once).
import { measurePeak } from '../src/model/kernels';
import { runScript } from '../tools/script';

function main(): void {
  const bits = Number(process.argv[2]) as 128 | 256 | 512;
  const seconds = Number(process.argv[3] ?? 2);
  measurePeak(bits, 5e5, 3);
  const end = performance.now() + seconds * 1000;
  let best = 0;
  while (performance.now() < end) best = Math.max(best, measurePeak(bits, 5e5, 1));
  console.log(best.toFixed(2));
}

if (require.main === module) runScript('fma', main);
