import { padFlags } from './pad';

/** The constants of the rule (docs/selection.md, rounds 5 and 6, set there before each round's result). */
export const STUCK_RULE = {
  /** Shortest run flagged: shorter stalls are what a sampler's hold or a retried read produce. */
  minSteps: 10,
  /** Longest run flagged, as a share of the steps: a series flat for half its length is flat by nature. */
  maxShare: 0.5,
  /** A run is flagged when fewer runs this long than this are expected under the series' own repeat rate. */
  expected: 0.01,
  /**
   * Round 6: when the runs of at least `minSteps`, all of them, cover more than this share of the steps, the
   * series holds its value for long stretches by nature (counts of rare events) and no run is flagged.
   */
  maxCover: 0.1,
};

/** The rule's constants (see {@link STUCK_RULE}). */
export type StuckRule = typeof STUCK_RULE;

/** Runs of repeated inputs too long for the series; see {@link stuckFlags}. */
export interface StuckRuns {
  /** Share of the steps after the first that repeat the previous step (every column equal). */
  q: number;
  /** The flagged runs, first and last step. */
  runs: [number, number][];
  /** Steps in the flagged runs. */
  count: number;
  /** Those steps padded by `pad` each side. */
  flags: boolean[];
}

/** True when step `t` (of `features` columns, row-major in `x`) equals step `t - 1` in every column. */
function repeats(x: ArrayLike<number>, features: number, t: number): boolean {
  for (let j = 0; j < features; j++) if (x[t * features + j] !== x[(t - 1) * features + j]) return false;
  return true;
}

/**
 * A stuck sensor (docs/selection.md, rounds 5 and 6): the maximal runs of steps whose input equals the previous
 * step's (every column), flagged when a run of L steps out of n is at least 10 steps, at most n/2, and too long for
 * the series' own repeat rate q: n·(1 − q)·q^(L−1) < 0.01, the expected count of such runs if each step repeated
 * the previous one with chance q; and none is flagged when the runs of 10 steps or more together cover more than
 * 10% of the series (it holds its value for long stretches by nature). A continuous signal with noise (q near 0)
 * flags any 10-step run; a square wave's plateaus or integer counts (q large) need far longer ones. The pipeline joins the padded flags to a step rule's
 * (`stuck` of the event options), on `StepScores.x`.
 *
 * @throws Error `invalid pad` for a negative or non-integer pad.
 * @example
 * const x = Array.from({ length: 200 }, (_, t) => (t >= 40 && t < 55 ? 0.5 : Math.sin(t)));
 * stuckFlags(x, 1, 2).runs; // [[40, 54]] (flags: steps 38..56)
 */
export function stuckFlags(
  x: ArrayLike<number>,
  features: number,
  pad: number,
  rule: StuckRule = STUCK_RULE,
): StuckRuns {
  const n = Math.floor(x.length / Math.max(features, 1));
  const found: [number, number][] = [];
  let same = 0;
  for (let t = 1, start = 0; t <= n; t++) {
    if (t < n && repeats(x, features, t)) {
      same++;
      continue;
    }
    if (t - start >= 2) found.push([start, t - 1]);
    start = t;
  }
  const q = n > 1 ? same / (n - 1) : 0;
  const long = found.filter(([a, b]) => b - a + 1 >= rule.minSteps);
  const cover = long.reduce((c, [a, b]) => c + b - a + 1, 0);
  const runs =
    cover > rule.maxCover * n
      ? []
      : long.filter(([a, b]) => {
          const L = b - a + 1;
          return L <= rule.maxShare * n && n * (1 - q) * q ** (L - 1) < rule.expected;
        });
  const flagged = new Array<boolean>(n).fill(false);
  let count = 0;
  for (const [a, b] of runs) {
    count += b - a + 1;
    for (let t = a; t <= b; t++) flagged[t] = true;
  }
  return { q, runs, count, flags: padFlags(flagged, pad) };
}
