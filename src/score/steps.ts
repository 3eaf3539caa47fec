/** How the reconstructions of one step, from every window covering it, are combined. */
export type StepAggregate = 'median' | 'mean';

/** Per-step reconstruction and error of a whole series, from its overlapping windows. */
export interface StepScores {
  /** Steps in the series: n + T - 1 for n windows of T steps. */
  length: number;
  features: number;
  /** Each step's input, `x[s * features + j]`. */
  x: Float64Array;
  /** Each step's reconstruction, aggregated over the windows covering it. */
  recon: Float64Array;
  /** Absolute error per step and feature, `perFeature[s * features + j]` (for channel shares). */
  perFeature: Float64Array;
  /** Error per step before smoothing: the absolute error averaged over features. */
  raw: Float64Array;
  /** Error per step: `raw`, smoothed when asked. */
  scores: Float64Array;
  /** Centred rolling-mean width used (1 = no smoothing). */
  smoothing: number;
}

/** Options of {@link stepScores}. */
export interface StepScoreOptions {
  /** Combine a step's reconstructions by `median` (Orion's default) or `mean`. Default median. */
  aggregate?: StepAggregate;
  /** Centred rolling-mean width: a number of steps, `'auto'` (1% of the length, at most 200) or 1/false for none. */
  smooth?: number | 'auto' | false;
}

function median(v: number[]): number {
  v.sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/**
 * Default smoothing width for a series of `length` steps: 1% of it, at least 1, at most 200.
 *
 * @throws never.
 * @example
 * autoSmoothing(4032); // 40
 */
export function autoSmoothing(length: number): number {
  return Math.max(1, Math.min(200, Math.round(length * 0.01)));
}

/**
 * Centred rolling mean of width w (the window is cut at both ends, so edges average fewer values).
 * An even w takes one more value before the step than after it.
 *
 * @throws never; w <= 1 copies the values.
 * @example
 * rollingMean([0, 3, 0, 3], 3); // [1.5, 1, 2, 1.5]
 */
export function rollingMean(values: ArrayLike<number>, w: number): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  if (w <= 1) {
    for (let i = 0; i < n; i++) out[i] = values[i];
    return out;
  }
  const before = Math.floor(w / 2);
  const after = w - 1 - before;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - before);
    const hi = Math.min(n - 1, i + after);
    out[i] = (prefix[hi + 1] - prefix[lo]) / (hi - lo + 1);
  }
  return out;
}

/**
 * Per-step scores of a series from its n overlapping windows (window i starts at step i) and their
 * reconstructions, both flat `[(i * T + t) * F + j]`: each step's reconstruction is the median (or mean) of the
 * reconstructions of every window covering it, its error the absolute error averaged over features, then
 * optionally smoothed by a centred rolling mean (Orion's `reconstruction_errors` with `rec_error_type='point'`).
 *
 * @throws Error when x and recon differ in length or do not hold n windows of T x F values.
 * @example
 * // 2 windows of 2 steps over the series [0, 1, 0]
 * stepScores(new Float32Array([0, 1, 1, 0]), new Float32Array([0, 3, 1, 0]), 2, 2, 1).scores; // [0, 1, 0]
 */
export function stepScores(
  x: ArrayLike<number>,
  recon: ArrayLike<number>,
  n: number,
  T: number,
  F: number,
  opts: StepScoreOptions = {},
): StepScores {
  if (x.length !== recon.length || x.length !== n * T * F) {
    throw new Error(`invalid reconstruction: ${recon.length} values for ${x.length} inputs, ${n} windows of ${T}x${F}`);
  }
  const length = n === 0 ? 0 : n + T - 1;
  const agg = opts.aggregate ?? 'median';
  const xs = new Float64Array(length * F);
  const rs = new Float64Array(length * F);
  const per = new Float64Array(length * F);
  const raw = new Float64Array(length);
  const buf: number[] = [];
  for (let s = 0; s < length; s++) {
    const iLo = Math.max(0, s - T + 1);
    const iHi = Math.min(n - 1, s);
    for (let j = 0; j < F; j++) {
      buf.length = 0;
      for (let i = iLo; i <= iHi; i++) buf.push(recon[(i * T + (s - i)) * F + j]);
      const r = agg === 'median' ? median(buf) : buf.reduce((a, b) => a + b, 0) / buf.length;
      const v = x[(iLo * T + (s - iLo)) * F + j];
      xs[s * F + j] = v;
      rs[s * F + j] = r;
      per[s * F + j] = Math.abs(v - r);
      raw[s] += per[s * F + j] / F;
    }
  }
  const sm = opts.smooth;
  const smoothing = sm === 'auto' ? autoSmoothing(length) : typeof sm === 'number' && sm > 1 ? Math.round(sm) : 1;
  return {
    length,
    features: F,
    x: xs,
    recon: rs,
    perFeature: per,
    raw,
    scores: rollingMean(raw, smoothing),
    smoothing,
  };
}
