/** `watch`'s per-row latency for `npm run bench`: bench/watch-latency.ts in its own process, read from its JSON line. */
import * as path from 'path';
import { jsonChild } from './json-child';
import { WATCH_ROWS } from './targets';

type Latency = { rows: number; p50Ms: number; p99Ms: number };

/**
 * Run `dist/bench/watch-latency.js --json` (`rows` scored rows, the default backend) and return its figures, or
 * undefined (with the reason printed) when it fails.
 * @example
 * watchLatency(root)?.p99Ms; // e.g. 0.9
 */
export function watchLatency(root: string, rows = WATCH_ROWS): Latency | undefined {
  const script = path.join(root, 'dist', 'bench', 'watch-latency.js');
  const o = jsonChild<Latency>(script, ['--rows', String(rows)], 'watch, per-row latency');
  if (!o) return undefined;
  console.log(` ${o.rows} rows: p50 ${o.p50Ms.toFixed(2)} ms, p99 ${o.p99Ms.toFixed(2)} ms`);
  return { rows: o.rows, p50Ms: o.p50Ms, p99Ms: o.p99Ms };
}
