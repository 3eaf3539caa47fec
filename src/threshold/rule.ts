import { invalid } from '../util/errors';
import { meanStd, percentile } from './percentile';

/** Serialised threshold rule after fitting. */
export interface ThresholdJson {
  method: 'percentile' | 'fixed' | 'sigma';
  value: number;
  percentile?: number;
  k?: number;
}

/**
 * A threshold rule: a percentile of training error (`p95`), a fixed value (`0.65`) or mean + k population
 * standard deviations (`3sigma`).
 */
export type ThresholdSpec =
  | { method: 'percentile'; percentile: number }
  | { method: 'fixed'; value: number }
  | { method: 'sigma'; k: number };

/**
 * Parse a threshold flag: `p95`, `p99.5`, `0.65`, `3sigma`.
 *
 * @throws InputError `invalid threshold: <text>` for anything else, or a percentile outside (0, 100].
 * @example
 * parseThreshold('p99'); // { method: 'percentile', percentile: 99 }
 */
export function parseThreshold(text: string | number): ThresholdSpec {
  const t = String(text).trim().toLowerCase();
  const hint = 'p95, p99, a number such as 0.65, or 3sigma';
  let m = /^p(\d+(?:\.\d+)?)$/.exec(t);
  if (m) {
    const q = Number(m[1]);
    if (!(q > 0 && q <= 100)) throw invalid('threshold', text, 'percentile must be in (0, 100]');
    return { method: 'percentile', percentile: q };
  }
  m = /^(\d+(?:\.\d+)?)\s*sigma$/.exec(t);
  if (m) return { method: 'sigma', k: Number(m[1]) };
  if (/^\d*\.?\d+(e[-+]?\d+)?$/.test(t) && Number(t) > 0) return { method: 'fixed', value: Number(t) };
  throw invalid('threshold', text, hint);
}

/**
 * The one short label of a threshold rule, from its spec or its JSON: `p95`, `3sigma`, `fixed 0.65`.
 *
 * @throws Nothing.
 * @example
 * thresholdLabel({ method: 'sigma', k: 3 }); // '3sigma'
 * thresholdLabel({ method: 'fixed', value: 0.65 }); // 'fixed 0.65'
 */
export function thresholdLabel(t: ThresholdSpec | ThresholdJson): string {
  if (t.method === 'percentile') return `p${t.percentile}`;
  if (t.method === 'sigma') return `${t.k}sigma`;
  return `fixed ${t.value}`;
}

/**
 * A trainable, saveable threshold: fit on training-window errors, then flag errors above it.
 */
export class Threshold {
  private constructor(
    readonly spec: ThresholdSpec,
    readonly value: number,
  ) {}

  /**
   * Fit a rule on training errors (a fixed rule ignores them).
   * @throws Error for no training errors with a percentile or sigma rule.
   * @example
   * Threshold.fit(parseThreshold('p95'), [1, 2, 3, 4]).value; // 3.85
   */
  static fit(spec: ThresholdSpec, trainErrors: ArrayLike<number>): Threshold {
    if (spec.method === 'fixed') return new Threshold(spec, spec.value);
    if (spec.method === 'percentile') return new Threshold(spec, percentile(trainErrors, spec.percentile));
    const { mean, std } = meanStd(trainErrors);
    return new Threshold(spec, mean + spec.k * std);
  }

  /** Rebuild a fitted threshold from its JSON. */
  static fromJSON(j: ThresholdJson): Threshold {
    const spec: ThresholdSpec =
      j.method === 'percentile'
        ? { method: 'percentile', percentile: j.percentile! }
        : j.method === 'sigma'
          ? { method: 'sigma', k: j.k! }
          : { method: 'fixed', value: j.value };
    return new Threshold(spec, j.value);
  }

  /** True where an error is strictly above the threshold. */
  flag(errors: ArrayLike<number>): boolean[] {
    return Array.from(errors, (e) => e > this.value);
  }

  /** JSON form: `{method, value, percentile?, k?}`. */
  toJSON(): ThresholdJson {
    const s = this.spec;
    return s.method === 'percentile'
      ? { method: 'percentile', value: this.value, percentile: s.percentile }
      : s.method === 'sigma'
        ? { method: 'sigma', value: this.value, k: s.k }
        : { method: 'fixed', value: this.value };
  }

  /** Short label: `p95`, `3sigma`, `fixed 0.65` (see {@link thresholdLabel}). */
  label(): string {
    return thresholdLabel(this.spec);
  }
}
