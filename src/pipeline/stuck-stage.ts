import { indexOfDate, valueAt } from '../data/series';
import type { ScoreResult } from '../detector/contract';
import type { StepScores } from '../score/steps';
import { STUCK_RULE, type StuckRuns } from '../threshold/stuck';

/**
 * Each scored step's input, row-major, for the stuck rule: the windows' inputs where the detector reconstructs
 * windows (`steps.x`, what the model saw), else the transformed series' rows of the scored dates.
 *
 * @throws never.
 * @example
 * const { x, features } = stepInputs(scores, stage.steps, stage.dates);
 */
export function stepInputs(
  scores: ScoreResult,
  steps: StepScores,
  dates: string[],
): { x: ArrayLike<number>; features: number } {
  if (scores.steps?.windows) return { x: steps.x, features: steps.features };
  const s = scores.transformed;
  const F = s.columns.length;
  const first = dates.length ? indexOfDate(s, dates[0]) : 0;
  const x = new Float64Array(dates.length * F);
  for (let t = 0; t < dates.length; t++) for (let j = 0; j < F; j++) x[t * F + j] = valueAt(s, first + t, j);
  return { x, features: F };
}

/**
 * The clause a step rule's explanation gets for the stuck rule.
 *
 * @throws never.
 * @example
 * stuckText({ q: 0.01, runs: [[40, 54]], count: 15, flags: [] }); // 'a stuck sensor (... ): 1 run, 15 steps'
 */
export function stuckText(s: StuckRuns): string {
  const runs = `${s.runs.length} run${s.runs.length === 1 ? '' : 's'}, ${s.count} step${s.count === 1 ? '' : 's'}`;
  return (
    `a stuck sensor (${STUCK_RULE.minSteps}+ steps repeating one input, too long for the series' repeat rate ` +
    `${s.q.toFixed(3)}, where such runs cover at most ${100 * STUCK_RULE.maxCover}% of it) is flagged too: ${runs}`
  );
}
