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
