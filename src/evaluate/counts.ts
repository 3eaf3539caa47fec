/** Detection counts and the scores made from them. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); NaN when nothing was detected. */
  precision: number;
  /** tp / (tp + fn); NaN when there is nothing to find. */
  recall: number;
  /** 2tp / (2tp + fp + fn) (the harmonic mean of the two); NaN when tp, fp and fn are all 0. */
  f1: number;
}

/**
 * Precision, recall and F1 from true positive, false positive and false negative counts.
 *
 * @throws never.
 * @example
 * scoreCounts(2, 1, 1).f1; // 0.6666666666666666
 */
export function scoreCounts(tp: number, fp: number, fn: number): Counts {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp > 0 ? tp / (tp + fp) : NaN,
    recall: tp + fn > 0 ? tp / (tp + fn) : NaN,
    f1: tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : NaN,
  };
}
