/** `watch`'s per-row latency for `npm run bench`: bench/watch-latency.ts in its own process, read from its JSON line. */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { WATCH_ROWS } from './targets';

/**
 * Run `dist/bench/watch-latency.js --json` (`rows` scored rows, the default backend) and return its figures, or
 * undefined (with the reason printed) when it fails.
 * @example
 * watchLatency(root)?.p99Ms; // e.g. 0.9
 */
export function watchLatency(
  root: string,
  rows = WATCH_ROWS,
): { rows: number; p50Ms: number; p99Ms: number } | undefined {
  process.stdout.write('  watch, per-row latency ...');
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'dist', 'bench', 'watch-latency.js'), '--json', '--rows', String(rows)],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) {
    console.log(` failed: ${(r.stderr || '').trim().split('\n').pop()}`);
    return undefined;
  }
  const o = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
  console.log(` ${o.rows} rows: p50 ${o.p50Ms.toFixed(2)} ms, p99 ${o.p99Ms.toFixed(2)} ms`);
  return { rows: o.rows, p50Ms: o.p50Ms, p99Ms: o.p99Ms };
}
