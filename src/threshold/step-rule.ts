import { invalid } from '../util/errors';
import { parseRule, type RuleSpec, ruleKind, ruleLabel } from './rules';

/** A threshold rule for per-step scores, derived inside sliding windows of the score series. */
export type StepRule = Extract<RuleSpec, { method: 'window-sigma' | 'dynamic' }>;

/**
 * Parse a per-step threshold rule: `window-sigma` (k = 4), `window-sigma:K` (K > 0) or `dynamic` (through the
 * rule registry, `rules.ts`).
 *
 * @throws InputError `invalid threshold: <text> (...)` for anything else.
 * @example
 * parseStepRule('window-sigma:3'); // { method: 'window-sigma', k: 3 }
 */
export function parseStepRule(text: string): StepRule {
  let r: RuleSpec | undefined;
  try {
    r = parseRule(text);
  } catch {
    r = undefined;
  }
  if (r && ruleKind(r) === 'step') return r as StepRule;
  throw invalid('threshold', text, 'window-sigma, window-sigma:K with K > 0, or dynamic');
}

/**
 * True when a threshold text names a per-step rule (by the rule registry's `kind`).
 *
 * @throws never.
 * @example
 * isStepRule('dynamic'); // true
 */
export function isStepRule(text: string): boolean {
  try {
    return ruleKind(parseRule(text)) === 'step';
  } catch {
    return false;
  }
}

/**
 * Short label of a rule: `window-sigma:4`, `dynamic`.
 *
 * @throws never.
 * @example
 * stepRuleLabel({ method: 'window-sigma', k: 4 }); // 'window-sigma:4'
 */
export function stepRuleLabel(r: StepRule): string {
  return ruleLabel(r);
}
