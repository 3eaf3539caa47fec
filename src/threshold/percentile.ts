/**
 * The q-th percentile (0..100) with linear interpolation between closest ranks, as numpy's default
 * (`method='linear'`): position `(n - 1) * q / 100` in the sorted values.
 *
 * @throws Error `invalid percentile: q` outside [0, 100], or for no values.
 * @example
 * percentile([1, 2, 3, 4], 95); // 3.85
 */
export function percentile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 100)) throw new Error(`invalid percentile: ${q}`);
  if (values.length === 0) throw new Error('invalid values: cannot take a percentile of no values');
  const s = Float64Array.from(values).sort();
  const pos = ((s.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

/**
 * Mean and population standard deviation (divides by n, as numpy's default ddof=0).
 *
 * @example
 * meanStd([1, 3]); // { mean: 2, std: 1 }
 */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) throw new Error('invalid values: no values');
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  return { mean, std: Math.sqrt(ss / n) };
}
