import { parseRule, type RuleJson, type RuleSpec, ruleEntry, ruleKind, ruleLabel } from './rules';

/**
 * Serialised threshold rule after fitting: `{method, value, percentile?, k?}`. A step rule (`window-sigma`,
 * `dynamic`) has no single value: `NaN` in memory, `null` in JSON.
 */
export type ThresholdJson = RuleJson;

/**
 * A threshold rule: a percentile of training error (`p95`), a fixed value (`0.65`), mean + k population
 * standard deviations (`3sigma`), or a per-step rule (`window-sigma[:k]`, `dynamic`); see `rules.ts`.
 */
export type ThresholdSpec = RuleSpec;

/**
 * Parse a threshold flag: `p95`, `p99.5`, `0.65`, `3sigma`, `window-sigma[:k]`, `dynamic` (see `parseRule`).
 *
 * @throws InputError `invalid threshold: <text>` for anything else, a percentile outside (0, 100] or a number
 * that is not finite.
 * @example
 * parseThreshold('p99'); // { method: 'percentile', percentile: 99 }
 */
export function parseThreshold(text: string | number): ThresholdSpec {
  return parseRule(text);
}

/**
 * The one short label of a threshold rule, from its spec or its JSON: `p95`, `3sigma`, `fixed 0.65`,
 * `window-sigma:3`.
 *
 * @throws Nothing.
 * @example
 * thresholdLabel({ method: 'sigma', k: 3 }); // '3sigma'
 * thresholdLabel({ method: 'fixed', value: 0.65 }); // 'fixed 0.65'
 */
export function thresholdLabel(t: ThresholdSpec | ThresholdJson): string {
  return ruleLabel(t);
}

/**
 * A trainable, saveable threshold: fit on training-window errors, then flag errors above it. A step rule keeps
 * its spec and flags no window here: its flags come per step from the scored span (`windowedThreshold`).
 */
export class Threshold {
  private constructor(
    readonly spec: ThresholdSpec,
    readonly value: number,
  ) {}

  /**
   * Fit a rule on training errors (a fixed rule ignores them; a step rule's value is NaN).
   * @throws Error for no training errors with a percentile or sigma rule.
   * @example
   * Threshold.fit(parseThreshold('p95'), [1, 2, 3, 4]).value; // 3.85
   */
  static fit(spec: ThresholdSpec, trainErrors: ArrayLike<number>): Threshold {
    return new Threshold(spec, ruleEntry(spec.method).fit(spec, trainErrors));
  }

  /** Rebuild a fitted threshold from its JSON (a step rule's `null` value read back as NaN). */
  static fromJSON(j: ThresholdJson): Threshold {
    const e = ruleEntry(j.method);
    return new Threshold(e.fromJSON(j), e.kind === 'step' ? NaN : j.value);
  }

  /** `window` for a rule fitted on window errors, `step` for a per-step rule. */
  get kind(): 'window' | 'step' {
    return ruleKind(this.spec);
  }

  /** True where an error is strictly above the threshold (never for a step rule). */
  flag(errors: ArrayLike<number>): boolean[] {
    return Array.from(errors, (e) => e > this.value);
  }

  /** JSON form: `{method, value, percentile?, k?}`. */
  toJSON(): ThresholdJson {
    const param = ruleEntry(this.spec.method).param;
    const s = this.spec as unknown as Record<string, number>;
    return param
      ? { method: this.spec.method, value: this.value, [param]: s[param] }
      : { method: this.spec.method, value: this.value };
  }

  /** Short label: `p95`, `3sigma`, `fixed 0.65`, `window-sigma:3` (see {@link thresholdLabel}). */
  label(): string {
    return thresholdLabel(this.spec);
  }

  /** One sentence with its numbers: how a window rule's value was derived from the training errors. */
  explain(trainErrors: ArrayLike<number>): string {
    return ruleEntry(this.spec.method).explain(this.spec, this.value, trainErrors);
  }
}
