import { type Counts, scoreCounts } from './counts';

/**
 * Warning printed whenever point-adjusted F1 is asked for: it is inflated, and rewards random scores.
 */
export const POINT_ADJUST_WARNING =
  'point-adjusted F1 counts a whole label as found when any one of its steps is flagged; it rewards random ' +
  'scores (Kim et al., AAAI 2022) and is not comparable with the other measures';

/**
 * Point-adjusted counts (Xu et al., WWW 2018), as TSB-AD's `_adjust_predicts` with given predictions: a labeled
 * run with any flagged step counts as flagged at every step, then point-wise counts. Like the reference, the
 * back-fill stops before step 0, so a run starting at step 0 flagged only later keeps step 0 unflagged.
 * Inflated: random flags score high on long labels; behind --point-adjust only.
 *
 * @throws Error when the arrays differ in length.
 * @example
 * pointAdjusted([false, true, true, true], [false, false, true, false]).f1; // 1
 */
export function pointAdjusted(truth: ArrayLike<boolean>, flags: ArrayLike<boolean>): Counts {
  const n = truth.length;
  if (flags.length !== n) throw new Error(`invalid flags: ${flags.length} for ${n} labeled steps`);
  const adj = Array.from(flags, Boolean);
  let inRun = false;
  for (let i = 0; i < n; i++) {
    if (truth[i] && adj[i] && !inRun) {
      inRun = true;
      for (let j = i; j > 0 && truth[j]; j--) adj[j] = true;
    } else if (!truth[i]) inRun = false;
    if (inRun) adj[i] = true;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < n; i++) {
    if (adj[i] && truth[i]) tp++;
    else if (adj[i]) fp++;
    else if (truth[i]) fn++;
  }
  return scoreCounts(tp, fp, fn);
}
