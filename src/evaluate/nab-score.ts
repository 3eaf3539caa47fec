/** NAB's cost weights (`config/profiles.json`). */
export interface NabProfile {
  tpWeight: number;
  fpWeight: number;
  fnWeight: number;
}

/** NAB's standard profile: A_tp 1, A_fp -0.11, A_fn -1. */
export const NAB_STANDARD: NabProfile = { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 };

/** A file's NAB score. */
export interface NabScore {
  /**
   * 100 (raw - null) / (perfect - null): 0 is the null detector, 100 a detection at every window's start; NaN
   * without windows (a file without labels still adds its false positives to a corpus's raw score).
   */
  score: number;
  /** Sum of the scaled-sigmoid rewards of the detections and the misses. */
  raw: number;
  /** Raw score of the null detector (no detection: every counted window missed). */
  null: number;
  /** Raw score of the perfect detector (windows x tpWeight). */
  perfect: number;
  /** Windows with a detection, windows without, detections outside every window (after the probation). */
  tp: number;
  fn: number;
  fp: number;
}

/**
 * NAB's scaled sigmoid of a relative position: about 0.987 at a window's left edge (-1), 0 at its right edge,
 * falling towards -1 past it; -1 beyond 3 (`sweeper.py` `scaledSigmoid`).
 * @throws never.
 * @example
 * scaledSigmoid(0); // 0
 */
export function scaledSigmoid(x: number): number {
  return x > 3 ? -1 : 2 / (1 + Math.exp(5 * x)) - 1;
}

/**
 * The NAB score of one file (Lavin and Ahmad 2015; numenta/NAB `nab/sweeper.py` `calcSweepScore` and
 * `calcScoreByThreshold`, at the threshold that makes `detections` the detected steps): the first
 * `min(floor(probation x n), probation x 5000)` steps are not scored; inside a window only the best (earliest)
 * detection counts, weighted tpWeight x scaledSigmoid(position) / scaledSigmoid(-1) with the position -1 at the
 * window's first step and 0 just past its last; a window with none costs -fnWeight; each detection outside every
 * window costs fpWeight x scaledSigmoid(distance past the previous window / (its width - 1)), or -fpWeight before
 * the first window. Normalised as NAB's `runner.normalize`: against the null detector (no detection) and the
 * perfect one (windows x tpWeight). NAB labels are windows around anomalies (NAB's combined_windows.json); other
 * labels are used as the windows as they are. Past a one-step window (width - 1 = 0, where NAB divides by zero) a
 * false positive costs the full -fpWeight.
 *
 * @throws Error when the windows overlap or are out of order (NAB's windows never do).
 * @example
 * nabScore([false, false, true, false], [[2, 3]], { probation: 0 }).score; // 100
 */
export function nabScore(
  detections: ArrayLike<boolean>,
  windows: [number, number][],
  options: { profile?: NabProfile; probation?: number } = {},
): NabScore {
  const { tpWeight, fpWeight, fnWeight } = options.profile ?? NAB_STANDARD;
  const probation = options.probation ?? 0.15;
  const n = detections.length;
  for (let w = 1; w < windows.length; w++) {
    if (windows[w][0] <= windows[w - 1][1]) throw new Error('NAB windows must be disjoint and in order');
  }
  const maxTp = scaledSigmoid(-1);
  const probationLength = Math.min(Math.floor(probation * n), probation * 5000);
  const best = new Map<number, number>(); // counted window -> best reward (starts at the miss)
  const hit = new Set<number>();
  let fpTotal = 0;
  let fp = 0;
  let next = 0;
  let cur = -1;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    if (next < windows.length && i === windows[next][0]) cur = next++;
    const scored = i >= probationLength;
    if (cur >= 0) {
      const [left, right] = windows[cur];
      const width = right - left + 1;
      if (scored && !best.has(cur)) best.set(cur, -fnWeight);
      if (scored && detections[i]) {
        const reward = (scaledSigmoid(-(right - i + 1) / width) * tpWeight) / maxTp;
        best.set(cur, Math.max(best.get(cur)!, reward));
        hit.add(cur);
      }
      if (i === right) {
        prevRight = right;
        prevWidth = width;
        cur = -1;
      }
    } else if (scored && detections[i]) {
      const unweighted = prevRight < 0 ? -1 : scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1));
      fpTotal += unweighted * fpWeight;
      fp++;
    }
  }
  let raw = fpTotal;
  for (const v of best.values()) raw += v;
  const tp = hit.size;
  const nullScore = best.size ? -fnWeight * best.size : 0;
  const perfect = windows.length * tpWeight;
  return {
    score: perfect === nullScore ? NaN : (100 * (raw - nullScore)) / (perfect - nullScore),
    raw,
    null: nullScore,
    perfect,
    tp,
    fn: best.size - tp,
    fp,
  };
}
