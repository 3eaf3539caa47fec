/**
 * Area under the precision-recall curve of a score against per-step labels, as average precision (scikit-learn's
 * `average_precision_score`): Σ (Rₖ - Rₖ₋₁)·Pₖ over the distinct score values taken as thresholds from the
 * highest down, a step-wise sum with no interpolation between points. Threshold-free: it ranks the steps only.
 *
 * @throws Error when the arrays differ in length. NaN when no step is labeled.
 * @example
 * averagePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]); // 0.8333333333333333
 */
export function averagePrecision(scores: ArrayLike<number>, truth: ArrayLike<boolean>): number {
  if (scores.length !== truth.length) {
    throw new Error(`invalid scores: ${scores.length} for ${truth.length} labeled steps`);
  }
  const idx = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i]) positives++;
  if (positives === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let k = 0; k < idx.length; k++) {
    seen++;
    if (truth[idx[k]]) tp++;
    if (k + 1 < idx.length && scores[idx[k + 1]] === scores[idx[k]]) continue; // ties form one threshold
    const recall = tp / positives;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}
