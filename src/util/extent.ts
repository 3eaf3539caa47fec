/**
 * The largest finite value of an array-like, by a loop (spreading a long array into Math.max overflows the call stack
 * on a long series); `-Infinity` when there is none.
 *
 * @throws never.
 * @example
 * maxOf([3, NaN, 7, 1]); // 7
 */
export function maxOf(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}

/**
 * The smallest finite value of an array-like, by a loop (see {@link maxOf}); `Infinity` when there is none.
 *
 * @throws never.
 * @example
 * minOf([3, NaN, 7, 1]); // 1
 */
export function minOf(values: ArrayLike<number>): number {
  let m = Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] < m) m = values[i];
  return m;
}
