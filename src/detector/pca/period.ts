import { InputError, invalid } from '../../util/errors';

/** Options of {@link dominantPeriod}. */
export interface PeriodOptions {
  /** Shortest lag considered, in steps. Default 3 (as TSB-AD). */
  min?: number;
  /** Longest lag considered, in steps. Default 300 (as TSB-AD). */
  max?: number;
  /** Only the first this many values are used (as TSB-AD, which keeps 20,000). Default 20000. */
  maxValues?: number;
  /** A peak must have at least this autocorrelation. Default 0 (TSB-AD has no floor). */
  minAcf?: number;
}

/**
 * Sample autocorrelation at lags 0..maxLag: `sum_t (x_t - m)(x_{t+k} - m) / sum_t (x_t - m)^2`, the biased
 * estimator of statsmodels' `acf` (the denominator sums over all n values). Lags past n - 1 are left out. Null for
 * a constant or empty series, which has no autocorrelation.
 *
 * @throws InputError for a non-finite value or a negative lag.
 * @example
 * autocorrelation([1, 2, 1, 2], 1); // [1, -0.75]
 */
export function autocorrelation(values: ArrayLike<number>, maxLag: number): number[] | null {
  if (!Number.isInteger(maxLag) || maxLag < 0) throw invalid('lag', maxLag, 'an integer >= 0');
  const n = values.length;
  let m = 0;
  for (let t = 0; t < n; t++) {
    if (!Number.isFinite(values[t])) throw new InputError(`autocorrelation: value ${t} is not finite (${values[t]})`);
    m += values[t];
  }
  m /= n;
  const z = Float64Array.from({ length: n }, (_, t) => values[t] - m);
  let denom = 0;
  for (let t = 0; t < n; t++) denom += z[t] * z[t];
  if (!(denom > 0)) return null;
  const out = new Array<number>(Math.min(maxLag, n - 1) + 1);
  for (let k = 0; k < out.length; k++) {
    let s = 0;
    for (let t = 0; t + k < n; t++) s += z[t] * z[t + k];
    out[k] = s / denom;
  }
  return out;
}

/**
 * The series' dominant period, as TSB-AD's `find_length_rank`: among the local maxima of the autocorrelation
 * (higher than both neighbouring lags) with a lag in [min, max], the lag of the highest. Null when there is none
 * (a constant series, one too short, or no peak in range); TSB-AD then uses 125. Used to set a window that covers
 * one cycle.
 *
 * @throws InputError `invalid min|max|maxValues|minAcf: <v>`, or for a non-finite value.
 * @example
 * const p = dominantPeriod(values, { min: 3, max: 300 }); // 24 for an hourly series with a daily cycle
 */
export function dominantPeriod(values: ArrayLike<number>, opts: PeriodOptions = {}): number | null {
  const { min = 3, max = 300, maxValues = 20000, minAcf = 0 } = opts;
  if (!Number.isInteger(min) || min < 1) throw invalid('min', min, 'an integer >= 1');
  if (!Number.isInteger(max) || max < min) throw invalid('max', max, `an integer >= min (${min})`);
  if (!Number.isInteger(maxValues) || maxValues < 1) throw invalid('maxValues', maxValues, 'an integer >= 1');
  if (!(minAcf >= -1 && minAcf <= 1)) throw invalid('minAcf', minAcf, 'in [-1, 1]');
  const head = Array.prototype.slice.call(values, 0, maxValues) as number[];
  const acf = autocorrelation(head, max + 1);
  if (!acf) return null;
  let best: number | null = null;
  for (let k = min; k + 1 < acf.length && k <= max; k++) {
    const peak = acf[k] > acf[k - 1] && acf[k] > acf[k + 1] && acf[k] >= minAcf;
    if (peak && (best === null || acf[k] > acf[best])) best = k;
  }
  return best;
}
