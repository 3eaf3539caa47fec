import { loadDefaultSeries } from '../src/data/default';
import { DEFAULT_SPEC } from '../src/model';
import { makeWindows, type Windows } from '../src/sequence/windows';
import { Scaler } from '../src/transform/scaler';
import { applyTransform } from '../src/transform/transforms';

/**
 * The benchmark's data: the first `n` 30-step windows of the bundled S&P 500's daily log returns,
 * standardised (population std). Every contender trains on exactly these windows.
 *
 * @throws InputError when `n` exceeds the windows the series has (about 5,070).
 * @example
 * const w = benchWindows(1024); // w.n === 1024, w.window === 30, w.features === 1
 */
export function benchWindows(n: number, window = DEFAULT_SPEC.window): Windows {
  const s = applyTransform(loadDefaultSeries(), 'logret');
  const rows = s.values.slice(0, n + window - 1);
  const scaled = Scaler.fit('standard', rows, s.columns).transform(rows);
  const w = makeWindows(scaled, window, 'benchmark series');
  if (w.n !== n) throw new Error(`invalid window count: ${n} (the series gives ${w.n})`);
  return w;
}
