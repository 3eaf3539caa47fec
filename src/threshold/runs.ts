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

/**
 * Join runs that lie closer than `gap` apart (fewer than `gap` unflagged indices between them). Runs of flagged
 * windows of W steps fewer than W - 1 windows apart cover overlapping steps: `mergeRuns(runs, W - 1)` makes them
 * one event, not two overlapping ones.
 *
 * @throws never.
 * @example
 * mergeRuns([[11, 11], [51, 51], [200, 201]], 59); // [[11, 51], [200, 201]]
 */
export function mergeRuns(runs: Run[], gap: number): Run[] {
  const out: Run[] = [];
  for (const [a, b] of runs) {
    const last = out[out.length - 1];
    if (last && a - last[1] - 1 < gap) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}
