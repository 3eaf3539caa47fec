import { invalid } from '../util/errors';

/** A threshold rule for per-step scores, derived inside sliding windows of the score series. */
export type StepRule = { method: 'window-sigma'; k: number } | { method: 'dynamic' };

/**
 * Parse a per-step threshold rule: `window-sigma` (k = 4), `window-sigma:K` (K > 0) or `dynamic`.
 *
 * @throws InputError `invalid threshold: <text> (...)` for anything else.
 * @example
 * parseStepRule('window-sigma:3'); // { method: 'window-sigma', k: 3 }
 */
export function parseStepRule(text: string): StepRule {
  const t = String(text).trim().toLowerCase();
  if (t === 'dynamic') return { method: 'dynamic' };
  const m = /^window-sigma(?::(\d*\.?\d+))?$/.exec(t);
  const k = m ? (m[1] === undefined ? 4 : Number(m[1])) : NaN;
  if (k > 0) return { method: 'window-sigma', k };
  throw invalid('threshold', text, 'window-sigma, window-sigma:K with K > 0, or dynamic');
}

/**
 * True when a threshold text names a per-step rule (so callers can route it here rather than to rule.ts).
 *
 * @throws never.
 * @example
 * isStepRule('dynamic'); // true
 */
export function isStepRule(text: string): boolean {
  return /^(window-sigma(:.*)?|dynamic)$/i.test(String(text).trim());
}

/**
 * Short label of a rule: `window-sigma:4`, `dynamic`.
 *
 * @throws never.
 * @example
 * stepRuleLabel({ method: 'window-sigma', k: 4 }); // 'window-sigma:4'
 */
export function stepRuleLabel(r: StepRule): string {
  return r.method === 'dynamic' ? 'dynamic' : `window-sigma:${r.k}`;
}
