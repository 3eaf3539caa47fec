/** A gap in the dates longer than this many typical steps breaks a drawn line. */
export const GAP_STEPS = 3;

/**
 * Where a line through the points `idx` (indices into `dates`, ascending, e.g. from `decimate`) crosses a gap in
 * the data: true at `k` when some pair of consecutive dates between `idx[k]` and `idx[k + 1]` lies further apart
 * than {@link GAP_STEPS} times the median step. Dates that do not parse give no gaps.
 *
 * @throws never.
 * @example
 * gapsAfter(['2020-01-01', '2020-01-02', '2020-03-01', '2020-03-02'], [0, 1, 2, 3]); // [false, true, false]
 */
export function gapsAfter(dates: ArrayLike<string>, idx: number[]): boolean[] {
  const n = dates.length;
  const out = new Array<boolean>(Math.max(0, idx.length - 1)).fill(false);
  if (n < 3 || idx.length < 2) return out;
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Date.parse(dates[i]);
  const d = new Float64Array(n - 1);
  for (let i = 0; i + 1 < n; i++) d[i] = t[i + 1] - t[i];
  if (d.some(Number.isNaN)) return out;
  const median = Float64Array.from(d).sort()[(n - 1) >> 1];
  if (!(median > 0)) return out;
  // gapsBefore[i]: how many gaps lie between dates 0..i
  const before = new Int32Array(n);
  for (let i = 1; i < n; i++) before[i] = before[i - 1] + (d[i - 1] > GAP_STEPS * median ? 1 : 0);
  for (let k = 0; k + 1 < idx.length; k++) out[k] = before[idx[k + 1]] > before[idx[k]];
  return out;
}

/**
 * The points `idx` of a line as x and y arrays, with a `null` point inserted at each gap in the data (see
 * {@link gapsAfter}), so Plotly breaks the line there rather than drawing straight across.
 *
 * @throws never.
 * @example
 * brokenLine(dates, values, decimate(values)); // { x: [...], y: [..., null, ...] }
 */
export function brokenLine(
  dates: ArrayLike<string>,
  values: ArrayLike<number>,
  idx: number[],
): { x: Array<string | null>; y: Array<number | null> } {
  const gaps = gapsAfter(dates, idx);
  const x: Array<string | null> = [];
  const y: Array<number | null> = [];
  idx.forEach((i, k) => {
    x.push(dates[i]);
    y.push(values[i]);
    if (gaps[k]) {
      x.push(null);
      y.push(null);
    }
  });
  return { x, y };
}
