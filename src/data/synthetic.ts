import { InputError, invalid } from '../util/errors';
import { Rng } from '../util/random';
import { addDays, parseDate } from './dates';
import type { Series } from './series';

/** Options of {@link sineSeries}. */
export interface SineOptions {
  /** Number of rows. Default 1000. */
  n?: number;
  /** Rows per full cycle. Default 50. */
  period?: number;
  /** Peak of the noise-free sine. Default 1. */
  amplitude?: number;
  /** Standard deviation of the Gaussian noise added to each row. Default 0.1. */
  noise?: number;
  /** Seed of the noise. Default 42. */
  seed?: number;
  /** Date of the first row (`YYYY-MM-DD`); one row per day. Default `'2020-01-01'`. */
  start?: string;
}

/**
 * A daily noisy sine wave: `amplitude * sin(2 pi i / period) + noise * N(0, 1)`, column `value`,
 * source `synthetic:sine`. Same options, same series.
 *
 * @throws InputError for n < 1, period <= 0, negative amplitude or noise, or a bad start date.
 * @example
 * const s = sineSeries({ n: 200, period: 25, seed: 7 }); // s.dates[0] = '2020-01-01'
 */
export function sineSeries(opts: SineOptions = {}): Series {
  const { n = 1000, period = 50, amplitude = 1, noise = 0.1, seed = 42, start = '2020-01-01' } = opts;
  if (!Number.isInteger(n) || n < 1) throw invalid('n', n, 'an integer >= 1');
  if (!(period > 0)) throw invalid('period', period, 'must be > 0');
  if (!(amplitude >= 0)) throw invalid('amplitude', amplitude, 'must be >= 0');
  if (!(noise >= 0)) throw invalid('noise', noise, 'must be >= 0');
  const first = parseDate(start);
  if (first === null || first.length !== 10) throw invalid('start', start, 'a date YYYY-MM-DD');
  const rng = new Rng(seed);
  const dates: string[] = [];
  const values: number[][] = [];
  for (let i = 0; i < n; i++) {
    dates.push(addDays(first, i));
    values.push([amplitude * Math.sin((2 * Math.PI * i) / period) + noise * rng.normal()]);
  }
  return { dates, values, columns: ['value'], source: 'synthetic:sine' };
}

/** Options of {@link injectAnomalies}. */
export interface InjectOptions {
  /** Number of spikes. Default 5. */
  count?: number;
  /** Spike height in units of `amplitude` (added or subtracted, sign drawn at random). Default 3. */
  magnitude?: number;
  /** The series' noise-free amplitude (pass the one given to {@link sineSeries}). Default 1. */
  amplitude?: number;
  /** Seed of the positions and signs. Default 42. */
  seed?: number;
  /** Minimum distance in rows between two spikes. Default 10. */
  minGap?: number;
  /** First row that may get a spike (e.g. the start of the test part). Default 0. */
  from?: number;
}

/** A series with injected spikes, and where they are (ascending). */
export interface InjectedAnomalies {
  series: Series;
  indices: number[];
  dates: string[];
}

/**
 * Add `count` spikes of `magnitude * amplitude` (random sign, same on every column) at seeded rows
 * at least `minGap` apart, from row `from` on. The input series is not modified.
 *
 * @throws InputError for bad options or when `count` spikes `minGap` apart do not fit after `from`.
 * @example
 * const { series, indices } = injectAnomalies(sineSeries(), { count: 3, seed: 1, from: 800 });
 */
export function injectAnomalies(s: Series, opts: InjectOptions = {}): InjectedAnomalies {
  const { count = 5, magnitude = 3, amplitude = 1, seed = 42, minGap = 10, from = 0 } = opts;
  const n = s.dates.length;
  if (!Number.isInteger(count) || count < 0) throw invalid('count', count, 'an integer >= 0');
  if (!Number.isInteger(minGap) || minGap < 1) throw invalid('minGap', minGap, 'an integer >= 1');
  if (!Number.isInteger(from) || from < 0 || from > n) throw invalid('from', from, `an integer in 0..${n}`);
  if (!Number.isFinite(magnitude) || !Number.isFinite(amplitude))
    throw invalid('magnitude', magnitude * amplitude, 'must be finite');
  const rng = new Rng(seed);
  const chosen: number[] = [];
  for (const k of rng.permutation(n - from)) {
    if (chosen.length === count) break;
    const i = from + k;
    if (chosen.every((j) => Math.abs(i - j) >= minGap)) chosen.push(i);
  }
  if (chosen.length < count) {
    throw new InputError(`cannot place ${count} anomalies at least ${minGap} rows apart in rows ${from}..${n - 1}`);
  }
  const indices = chosen.sort((a, b) => a - b);
  const values = s.values.map((row) => row.slice());
  for (const i of indices) {
    const delta = (rng.next() < 0.5 ? -1 : 1) * magnitude * amplitude;
    values[i] = values[i].map((v) => v + delta);
  }
  return { series: { ...s, values }, indices, dates: indices.map((i) => s.dates[i]) };
}
