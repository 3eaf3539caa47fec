/**
 * Runs of true values as inclusive `[first, last]` index pairs, in order.
 *
 * @throws never.
 * @example
 * runsOf([false, true, true, false, true]); // [[1, 2], [4, 4]]
 */
export function runsOf(v: ArrayLike<boolean>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < v.length; i++) {
    if (!v[i]) continue;
    let j = i;
    while (j + 1 < v.length && v[j + 1]) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * Inclusive spans sorted by start, overlapping or touching ones merged (NAB's windows must be disjoint).
 *
 * @throws never.
 * @example
 * disjointSpans([[5, 9], [0, 2], [8, 12]]); // [[0, 2], [5, 12]]
 */
export function disjointSpans(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
