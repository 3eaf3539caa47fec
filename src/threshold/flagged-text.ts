import { type RuleJson, ruleKind, ruleLabel } from './rules';

/**
 * How many windows (or steps) a rule flagged, in words that name the rule: `3 of 51 test windows above p95 =
 * 0.3712`, or for a step rule, which has no single value, `3 of 51 test windows flagged by window-sigma:3 (a
 * threshold per step)`.
 *
 * @throws never.
 * @example
 * flaggedText({ method: 'percentile', percentile: 95, value: 0.5 }, 3, 51, 'test windows');
 * // '3 of 51 test windows above p95 = 0.5000'
 */
export function flaggedText(t: RuleJson, flagged: number, total: number, what: string): string {
  const head = `${flagged} of ${total} ${what}`;
  return ruleKind(t) === 'step'
    ? `${head} flagged by ${ruleLabel(t)} (a threshold per step)`
    : `${head} above ${ruleLabel(t)} = ${Number(t.value).toPrecision(4)}`;
}
