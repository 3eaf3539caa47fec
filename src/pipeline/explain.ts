import type { ThresholdJson } from '../threshold/rule';
import { ruleEntry } from '../threshold/rules';

/**
 * One sentence, with its numbers, saying how a window-MAE threshold was derived from the training-window MAEs
 * (each rule's own sentence, from the rule registry).
 *
 * @throws never.
 * @example
 * explainWindowThreshold({ method: 'percentile', percentile: 95, value: 3.85 }, [1, 2, 3, 4]);
 * // '95th percentile of the 4 training-window MAEs (linear interpolation) = 3.85'
 */
export function explainWindowThreshold(t: ThresholdJson, trainMae: ArrayLike<number>): string {
  const e = ruleEntry(t.method);
  return e.explain(e.fromJSON(t), t.value, trainMae);
}
