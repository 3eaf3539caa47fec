/** Dynamic time warping for AER's `dtw` reconstruction error (Orion's `_dtw_error`, pyts' classic `dtw`). */

/**
 * Steps of each DTW comparison: Orion's `score_window` 10, as `(10 // 2) * 2 + 1`.
 * @example
 * dtwErrors(values, reconstructions, DTW_SPAN); // each step against the 5 before and 5 after it
 */
export const DTW_SPAN = 11;

/**
 * Each step's DTW distance between the values `a` and the reconstructions `b` over the `span` steps centred on it
 * (fewer at the ends, where the span is cut to the series). Orion's `_dtw_error` pads both with zeros instead and
 * assigns each distance `span // 2` steps late, leaving the last steps at 0; here each distance stays on its step.
 *
 * @throws Nothing.
 * @example
 * dtwErrors(Float64Array.of(0, 1, 1), Float64Array.of(2, 0, 1), 3); // [sqrt(5), 2, 1]
 */
export function dtwErrors(a: ArrayLike<number>, b: ArrayLike<number>, span: number): Float64Array {
  const h = Math.floor(span / 2);
  const out = new Float64Array(a.length);
  for (let k = 0; k < a.length; k++) {
    const lo = Math.max(0, k - h);
    const hi = Math.min(a.length - 1, k + h);
    out[k] = dtw(a, b, lo, hi - lo + 1);
  }
  return out;
}

/**
 * The classic DTW distance (pyts' `dtw`, `dist='square'`) between `a` and `b` from index `from`, `m` values each:
 * the square root of the least sum of squared differences along a warping path.
 *
 * @throws Nothing.
 * @example
 * dtw([0, 1, 1], [2, 0, 1], 0, 3); // 2
 */
export function dtw(a: ArrayLike<number>, b: ArrayLike<number>, from: number, m: number): number {
  // one row of the accumulated cost at a time
  let prev = new Float64Array(m);
  let row = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const c = (a[from + i] - b[from + j]) ** 2;
      if (i === 0) row[j] = j === 0 ? c : c + row[j - 1];
      else row[j] = c + (j === 0 ? prev[0] : Math.min(prev[j - 1], prev[j], row[j - 1]));
    }
    [prev, row] = [row, prev];
  }
  return Math.sqrt(prev[m - 1]);
}
