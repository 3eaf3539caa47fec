/**
 * AER's per-step errors (Orion's `score_anomalies`, with `rec_error_type` `point` or `dtw`): windows of W steps
 * whose model output is, per window, the step before the inner part (backward regression, output step 0), the
 * inner part (reconstruction, steps 1 .. W-2) and the step after it (forward regression, step W-1). n windows
 * cover n + W - 1 steps.
 */

import { DTW_SPAN, dtwErrors } from './dtw';

/** Per-step errors of a scored span: reconstruction and regression, one value each per step. */
export interface StepErrors {
  /** Reconstruction error of the step against the median of its inner reconstructions, the mean over features. */
  rec: Float64Array;
  /** The mean of the forward and backward regression errors of the step (either alone where one is missing). */
  reg: Float64Array;
}

/**
 * How a step's reconstruction error is measured (Orion's `rec_error_type`): `point`, |value - median
 * reconstruction|; `dtw`, the dynamic-time-warping distance between the values and the median reconstructions
 * over the {@link DTW_SPAN} steps centred on the step.
 * @example
 * const type: RecErrorType = 'dtw';
 */
export type RecErrorType = 'point' | 'dtw';

/**
 * The reconstruction-error types, `point` (the default) first.
 * @example
 * keyword('rec error', 'dtw', REC_ERROR_TYPES); // 'dtw'
 */
export const REC_ERROR_TYPES: readonly RecErrorType[] = ['point', 'dtw'];

/**
 * The per-step errors of n windows `x` (window-major, W steps, F features) and their AER outputs `y` (same
 * layout). A step no window reconstructs (the first and the last) or regresses (only in series of fewer than
 * W - 1 windows) takes the nearest step's error. `recError`: see {@link RecErrorType}.
 *
 * @throws Nothing.
 * @example
 * stepErrors(x, y, n, 100, 1).rec.length; // n + 99
 * stepErrors(x, y, n, 100, 1, 'dtw').rec; // DTW distance over the 11 steps around each step
 */
export function stepErrors(
  x: Float32Array,
  y: Float32Array,
  n: number,
  W: number,
  F: number,
  recError: RecErrorType = 'point',
): StepErrors {
  const N = n + W - 1;
  const rec = new Float64Array(N);
  const reg = new Float64Array(N);
  const at = (i: number, t: number, j: number) => (i * W + t) * F + j;
  // each reconstructed step (1 .. N - 2: windows i with 1 <= s - i <= W - 2), per feature: its value and the
  // median of its reconstructions
  const inner = Math.max(0, N - 2);
  const truth = new Float64Array(inner * F);
  const recon = new Float64Array(inner * F);
  const preds: number[] = [];
  for (let s = 1; s <= inner; s++) {
    const i0 = Math.min(s, n - 1);
    const lo = Math.max(0, s - W + 2);
    const hi = Math.min(n - 1, s - 1);
    for (let j = 0; j < F; j++) {
      preds.length = 0;
      for (let i = lo; i <= hi; i++) preds.push(y[at(i, s - i, j)]);
      truth[(s - 1) * F + j] = x[at(i0, s - i0, j)];
      recon[(s - 1) * F + j] = median(preds);
    }
  }
  rec.fill(Number.NaN);
  for (let j = 0; j < F; j++) {
    const t = Float64Array.from({ length: inner }, (_, k) => truth[k * F + j]);
    const r = Float64Array.from({ length: inner }, (_, k) => recon[k * F + j]);
    const e = recError === 'dtw' ? dtwErrors(t, r, DTW_SPAN) : t.map((v, k) => Math.abs(v - r[k]));
    for (let k = 0; k < inner; k++) rec[k + 1] = (j === 0 ? 0 : rec[k + 1]) + e[k];
  }
  for (let k = 1; k <= inner; k++) rec[k] /= F;
  for (let s = 0; s < N; s++) {
    // regression: window s predicts its step 0 (backward), window s - W + 1 its step W - 1 (forward)
    let g = 0;
    let count = 0;
    if (s <= n - 1) {
      for (let j = 0; j < F; j++) g += Math.abs(x[at(s, 0, j)] - y[at(s, 0, j)]) / F;
      count++;
    }
    const f = s - W + 1;
    if (f >= 0) {
      for (let j = 0; j < F; j++) g += Math.abs(x[at(f, W - 1, j)] - y[at(f, W - 1, j)]) / F;
      count++;
    }
    reg[s] = count > 0 ? g / count : Number.NaN;
  }
  fillGaps(rec);
  fillGaps(reg);
  return { rec, reg };
}

/** The median of `v` (reordered in place). */
function median(v: number[]): number {
  v.sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Replace NaNs by the nearest earlier value, leading ones by the first value (all NaN: zeros), in place.
 * @example
 * fillGaps(Float64Array.of(NaN, 1, NaN, 3)); // [1, 1, 1, 3]
 */
export function fillGaps(v: Float64Array): Float64Array {
  const first = v.findIndex((a) => !Number.isNaN(a));
  if (first < 0) return v.fill(0);
  for (let k = 0; k < first; k++) v[k] = v[first];
  for (let k = first + 1; k < v.length; k++) if (Number.isNaN(v[k])) v[k] = v[k - 1];
  return v;
}

/**
 * pandas' `Series.ewm(span).mean()` (adjust=True): each value the mean of the values so far weighted
 * (1 - a)^age, a = 2 / (span + 1). Span 1: the values themselves.
 *
 * @throws Nothing.
 * @example
 * ewma(Float64Array.of(0, 3), 2); // [0, 2.25]
 */
export function ewma(v: ArrayLike<number>, span: number): Float64Array {
  const keep = 1 - 2 / (span + 1);
  const out = new Float64Array(v.length);
  let num = 0;
  let den = 0;
  for (let k = 0; k < v.length; k++) {
    num = v[k] + keep * num;
    den = 1 + keep * den;
    out[k] = num / den;
  }
  return out;
}

/**
 * Each window's mean of the step scores it covers (n windows of W steps over n + W - 1 steps).
 * @throws Nothing.
 * @example
 * windowMeans(Float64Array.of(1, 2, 3), 2); // [1.5, 2.5]
 */
export function windowMeans(steps: ArrayLike<number>, W: number): number[] {
  const n = steps.length - W + 1;
  const out = new Array<number>(Math.max(0, n));
  let sum = 0;
  for (let k = 0; k < W - 1 && k < steps.length; k++) sum += steps[k];
  for (let i = 0; i < n; i++) {
    sum += steps[i + W - 1];
    out[i] = sum / W;
    sum -= steps[i];
  }
  return out;
}
