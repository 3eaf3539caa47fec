/** Small statistics of the bench's timings. */

/**
 * The `p` quantile (0..1) of ascending `sorted` values: the value at index floor(p * n), the last for p = 1;
 * NaN for none.
 * @example
 * percentile([1, 2, 3, 4], 0.5); // 3
 */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
