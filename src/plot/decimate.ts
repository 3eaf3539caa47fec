/** Default number of buckets {@link decimate} reduces a long line to (about one per pixel of a wide chart). */
export const DECIMATE_BUCKETS = 2000;

/**
 * The indices of a long line worth drawing: in each of `buckets` equal runs of points, the first, the lowest and
 * the highest, plus the last point and every index in `keep` (anomalies), in order. A line of at most
 * `2 * buckets` points is returned whole. Drawn through these points the line looks the same at chart width.
 *
 * @throws never: NaN values are kept only when `keep` names them (or one starts a bucket); they never hide the
 *   bucket's lowest and highest numbers.
 * @example
 * decimate([5, 1, 9, 2, 7, 3], 2); // [0, 1, 2, 3, 5]: bucket [5,1,9] keeps 0,1,2; [2,7,3] keeps 3,4 and the last, 5
 */
export function decimate(values: ArrayLike<number>, buckets = DECIMATE_BUCKETS, keep: Iterable<number> = []): number[] {
  const n = values.length;
  if (n <= 2 * buckets) return Array.from({ length: n }, (_, i) => i);
  const picked = new Uint8Array(n);
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = -1; // the bucket's extremes among its numbers: a NaN first point must not hide them
    let hi = -1;
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (Number.isNaN(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    picked[from] = 1;
    if (lo >= 0) picked[lo] = picked[hi] = 1;
  }
  picked[n - 1] = 1;
  for (const i of keep) if (i >= 0 && i < n) picked[i] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (picked[i]) out.push(i);
  return out;
}

/**
 * `items` at `indices` (see {@link decimate}).
 *
 * @throws never.
 * @example
 * pick(['a', 'b', 'c'], [0, 2]); // ['a', 'c']
 */
export function pick<T>(items: ArrayLike<T>, indices: number[]): T[] {
  return indices.map((i) => items[i]);
}

/**
 * The row of each wanted date in `dates` (-1 when absent): a binary search when `dates` is sorted (a series in
 * strict order), else a lookup table (a series kept in file order; the first row of a repeated date).
 *
 * @throws never.
 * @example
 * rowsOf(['2020-01-01', '2020-01-02', '2020-01-03'], ['2020-01-03', '2019-12-31']); // [2, -1]
 */
export function rowsOf(dates: string[], wanted: string[]): number[] {
  let sorted = true;
  for (let i = 1; i < dates.length && sorted; i++) sorted = dates[i - 1] < dates[i];
  if (!sorted) {
    const at = new Map<string, number>();
    dates.forEach((d, i) => {
      if (!at.has(d)) at.set(d, i);
    });
    return wanted.map((d) => at.get(d) ?? -1);
  }
  return wanted.map((d) => {
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] < d) lo = mid + 1;
      else hi = mid;
    }
    return dates[lo] === d ? lo : -1;
  });
}
