/** The UCR archive's top-1 test of one series. */
export interface UcrTop1 {
  /** Index of the highest per-step score (the first, on ties); -1 for no scores. */
  step: number;
  /** Does that step lie inside a label widened by `tolerance` steps either side. */
  hit: boolean;
  /** Does the event with the highest peak score overlap a label (undefined with no events). */
  event?: boolean;
}

/**
 * The UCR anomaly archive's criterion (Wu and Keogh, 2021): a series holds one anomaly, and a detector is right
 * on it when its single highest-scoring location falls inside the labeled region, give or take `tolerance` steps
 * (the archive's scoring allowed 100). Also: does the highest-peak event overlap a label. Spans and events are
 * inclusive step indices; NaN scores are never the top.
 *
 * @throws never.
 * @example
 * ucrTop1([0.1, 0.2, 0.9, 0.3], [[2, 2]], { tolerance: 0 }).hit; // true
 */
export function ucrTop1(
  scores: ArrayLike<number>,
  spans: [number, number][],
  options: { tolerance?: number; events?: { startIndex: number; endIndex: number; peakScore: number }[] } = {},
): UcrTop1 {
  const tol = options.tolerance ?? 100;
  let step = -1;
  for (let i = 0; i < scores.length; i++) if (step < 0 ? !Number.isNaN(scores[i]) : scores[i] > scores[step]) step = i;
  const hit = step >= 0 && spans.some(([a, b]) => step >= a - tol && step <= b + tol);
  const out: UcrTop1 = { step, hit };
  const ev = options.events ?? [];
  if (ev.length) {
    const top = ev.reduce((a, e) => (e.peakScore > a.peakScore ? e : a));
    out.event = spans.some(([a, b]) => a <= top.endIndex && top.startIndex <= b);
  }
  return out;
}
