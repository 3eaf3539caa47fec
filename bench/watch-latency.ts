// Per-row latency of `watch`: a 128-unit model (window 30, the default architecture) scores each row as it
// arrives through StreamScorer. Targets: median under 5 ms a row (issue 9), 99th percentile under 2 ms (issue 27).
// Prints median, p95, p99, max and the ratios to target; with --json also one JSON line (read by `npm run bench`).
// Usage: node dist/bench/watch-latency.js [--rows 5000] [--backend auto|wasm|cpu|tensorflow] [--json]

import type { BackendChoice } from '../src/backend/select';
import { sineSeries } from '../src/data/synthetic';
import { runPipeline } from '../src/pipeline/run';
import { StreamScorer } from '../src/scan/watch';
import { percentile } from './stats';
import { TARGETS_27, WATCH_ROWS } from './targets';

const TARGET_MS = 5;

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

async function main(): Promise<void> {
  const rows = Number(arg('--rows', String(WATCH_ROWS)));
  const backend = arg('--backend', 'auto') as BackendChoice;
  const train = sineSeries({ n: 400, period: 40, seed: 1 });
  const { detector } = await runPipeline(train, { window: 30, encoder: [128], epochs: 1, backend });
  const live = sineSeries({ n: rows + 30, period: 40, seed: 2, start: '2022-01-01' });
  const w = new StreamScorer(detector, 'Date,value');
  const ms: number[] = [];
  for (let i = 0; i < live.dates.length; i++) {
    const t0 = process.hrtime.bigint();
    const r = await w.push(`${live.dates[i]},${live.values[i][0]}`);
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r) ms.push(dt);
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => percentile(ms, p);
  console.log(
    `watch latency, 128 units, window 30, backend ${detector.backend}` +
      `${detector.engine ? ` (${detector.engine})` : ''}: ${ms.length} scored rows`,
  );
  console.log(
    `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, p99.9 ${q(0.999).toFixed(2)} ms, max ${ms[ms.length - 1].toFixed(2)} ms; ` +
      `median / target ${TARGET_MS} ms = ${(q(0.5) / TARGET_MS).toFixed(2)}; p99 ${q(0.99).toFixed(2)} ms / target ` +
      `${TARGETS_27.watchP99Ms} ms = ${(q(0.99) / TARGETS_27.watchP99Ms).toFixed(2)}`,
  );
  if (process.argv.includes('--json'))
    console.log(
      JSON.stringify({ rows: ms.length, p50Ms: q(0.5), p95Ms: q(0.95), p99Ms: q(0.99), maxMs: ms[ms.length - 1] }),
    );
  detector.dispose();
}

if (require.main === module)
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
