/** A run of consecutive steps, `[start, end]` inclusive. */
export type Run = [number, number];

/**
 * The runs of consecutive true flags, as inclusive `[start, end]` step indices.
 *
 * @throws never.
 * @example
 * flagRuns([false, true, true, false, true]); // [[1, 2], [4, 4]]
 */
export function flagRuns(flags: ArrayLike<boolean>): Run[] {
  const out: Run[] = [];
  let start = -1;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] && start < 0) start = i;
    if (!flags[i] && start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  if (start >= 0) out.push([start, flags.length - 1]);
  return out;
}
