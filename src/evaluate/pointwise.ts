import { type Counts, scoreCounts } from './counts';

/**
 * Point-wise counts: each step flagged and labeled is a true positive, flagged and not labeled a false positive,
 * labeled and not flagged a false negative.
 *
 * @throws Error when the two arrays differ in length.
 * @example
 * pointwise([true, true, false, false], [true, false, true, false]).f1; // 0.5
 */
export function pointwise(truth: ArrayLike<boolean>, flags: ArrayLike<boolean>): Counts {
  if (truth.length !== flags.length) {
    throw new Error(`invalid flags: ${flags.length} for ${truth.length} labeled steps`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < truth.length; i++) {
    if (flags[i] && truth[i]) tp++;
    else if (flags[i]) fp++;
    else if (truth[i]) fn++;
  }
  return scoreCounts(tp, fp, fn);
}
