import { runsOf } from './runs';

/** Range-based precision, recall and their F1. */
export interface RangeScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * One direction of Tatbul et al.'s range-based recall (NeurIPS 2018) as TSB-AD's `range_recall_new`: for each
 * real range, alpha x existence (any predicted step inside) + (1 - alpha) x overlap x cardinality, averaged over the
 * real ranges. Overlap is the share of the range's steps predicted (flat bias); cardinality is 1 / the number of
 * predicted ranges it overlaps (reciprocal). 0 when there are no real ranges.
 */
function rangeRecall(real: ArrayLike<boolean>, pred: ArrayLike<boolean>, alpha: number): number {
  const realRanges = runsOf(real);
  const predRanges = runsOf(pred);
  if (realRanges.length === 0) return 0;
  let existence = 0;
  let overlap = 0;
  let j = 0; // predicted ranges ending before the current real range are passed for good
  for (const [s, e] of realRanges) {
    let hit = 0;
    for (let i = s; i <= e; i++) if (pred[i]) hit++;
    if (hit > 0) existence++;
    while (j < predRanges.length && predRanges[j][1] < s) j++;
    let touching = 0;
    for (let k = j; k < predRanges.length && predRanges[k][0] <= e; k++) touching++;
    if (touching > 0) overlap += (hit / (e - s + 1)) * (1 / touching);
  }
  return (alpha * existence + (1 - alpha) * overlap) / realRanges.length;
}

/**
 * Range-based precision and recall (Tatbul et al., NeurIPS 2018) with TSB-AD's defaults (`metric_RF1`): recall
 * with alpha 0.2 (existence reward 0.2, overlap 0.8), precision with alpha 0 (overlap only, labels and flags
 * swapped), flat positional bias and reciprocal cardinality; F1 their harmonic mean (0 when both are 0).
 *
 * @throws Error when the arrays differ in length.
 * @example
 * rangePrecisionRecall([false, true, true, true, false], [false, false, true, false, false]).recall;
 * // 0.2 + 0.8 / 3
 */
export function rangePrecisionRecall(
  truth: ArrayLike<boolean>,
  flags: ArrayLike<boolean>,
  options: { alpha?: number } = {},
): RangeScores {
  if (truth.length !== flags.length) {
    throw new Error(`invalid flags: ${flags.length} for ${truth.length} labeled steps`);
  }
  const recall = rangeRecall(truth, flags, options.alpha ?? 0.2);
  const precision = rangeRecall(flags, truth, 0);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * recall * precision) / (precision + recall) };
}
