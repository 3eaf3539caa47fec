import { InputError, invalid } from '../util/errors';
import { meanStd, percentile } from './percentile';

/**
 * A threshold rule as parsed from `--threshold`. Window rules (`p95`, `0.65`, `3sigma`) are fitted on the
 * training-window MAEs and flag windows; step rules (`window-sigma[:k]`, `dynamic`) derive a threshold per step
 * inside sliding windows of the scored span's step scores (`windowed.ts`) and flag steps.
 */
export type RuleSpec =
  | { method: 'percentile'; percentile: number }
  | { method: 'fixed'; value: number }
  | { method: 'sigma'; k: number }
  | { method: 'window-sigma'; k: number }
  | { method: 'dynamic' };

/** The name of a threshold rule: the `method` of its spec and of its JSON. */
export type RuleName = RuleSpec['method'];

/** What a rule flags: windows by their MAE (`window`) or steps by their per-step score (`step`). */
export type RuleKind = 'window' | 'step';

/** A rule's JSON: its name, its fitted value (`NaN` in memory, `null` in JSON, for a step rule) and parameter. */
export interface RuleJson {
  method: RuleName;
  value: number;
  percentile?: number;
  k?: number;
}

type SpecOf<N extends RuleName> = Extract<RuleSpec, { method: N }>;

/** One entry of {@link THRESHOLD_RULES}: everything the code knows about one rule, in one place. */
export interface RuleEntry<N extends RuleName> {
  kind: RuleKind;
  /** The flag's forms, for `--help` and error messages. */
  syntax: string;
  /** The spec of a lower-cased, trimmed flag text; undefined when the text is not this rule's. @throws InputError when it is this rule's with a bad parameter. */
  parse(t: string, text: string): SpecOf<N> | undefined;
  /** Short label: `p95`, `fixed 0.65`, `3sigma`, `window-sigma:3`, `dynamic`. */
  label(s: SpecOf<N>): string;
  /** In words, for the report's summary card. */
  words(s: SpecOf<N>): string;
  /** The window threshold fitted on training errors; NaN for a step rule (its thresholds come per step). */
  fit(s: SpecOf<N>, trainErrors: ArrayLike<number>): number;
  /** The JSON key of its parameter (`percentile`, `k`), null for none; state-check.ts requires it to be a number. */
  param: 'percentile' | 'k' | null;
  /** The spec back from JSON (the parameter checked by state-check.ts). */
  fromJSON(j: RuleJson): SpecOf<N>;
  /** One sentence with its numbers: how the value was derived (window rules; a step rule's comes from windowed.ts). */
  explain(s: SpecOf<N>, value: number, trainErrors: ArrayLike<number>): string;
}

const int = (v: number): string => v.toLocaleString('en-US');
const num = (v: number): string => String(Number(v.toPrecision(4)));
const trainN = (e: ArrayLike<number>): string => `${int(e.length)} training-window MAE${e.length === 1 ? '' : 's'}`;

function ordinal(q: number): string {
  const t = String(q);
  if (!Number.isInteger(q)) return `${t}th`;
  const m100 = q % 100;
  const m10 = q % 10;
  return t + (m100 >= 11 && m100 <= 13 ? 'th' : m10 === 1 ? 'st' : m10 === 2 ? 'nd' : m10 === 3 ? 'rd' : 'th');
}

const STEP_HINT = 'window-sigma, window-sigma:K with K > 0, or dynamic';
const stepExplain = (): string => 'derived per step when the scored span is known (see the run)';

/**
 * Every threshold rule, by name. Adding one is one entry here and one member of {@link RuleSpec} (a step rule
 * also its threshold in windowed.ts); the compiler lists whatever else a new name needs.
 */
export const THRESHOLD_RULES = {
  percentile: {
    kind: 'window',
    syntax: 'p95, p99 (percentile of training MAE)',
    parse(t, text) {
      const m = /^p(\d+(?:\.\d+)?)$/.exec(t);
      if (!m) return undefined;
      const q = Number(m[1]);
      if (!(q > 0 && q <= 100)) throw invalid('threshold', text, 'percentile must be in (0, 100]');
      return { method: 'percentile', percentile: q };
    },
    label: (s) => `p${s.percentile}`,
    words: (s) => `${ordinal(s.percentile)} percentile of training MAE`,
    fit: (s, e) => percentile(e, s.percentile),
    param: 'percentile',
    fromJSON: (j) => ({ method: 'percentile', percentile: j.percentile! }),
    explain: (s, v, e) => `${ordinal(s.percentile)} percentile of the ${trainN(e)} (linear interpolation) = ${num(v)}`,
  },
  fixed: {
    kind: 'window',
    syntax: 'a number (0.65)',
    parse(t, text) {
      if (!(/^\d*\.?\d+(e[-+]?\d+)?$/.test(t) && Number(t) > 0)) return undefined;
      if (!Number.isFinite(Number(t))) throw invalid('threshold', text, 'a fixed threshold must be a finite number');
      return { method: 'fixed', value: Number(t) };
    },
    label: (s) => `fixed ${s.value}`,
    words: () => 'fixed',
    fit: (s) => s.value,
    param: null,
    fromJSON: (j) => ({ method: 'fixed', value: j.value }),
    explain: (_, v, e) => `fixed value ${num(v)} given by --threshold, not derived from the ${trainN(e)}`,
  },
  sigma: {
    kind: 'window',
    syntax: '3sigma',
    parse(t) {
      const m = /^(\d+(?:\.\d+)?)\s*sigma$/.exec(t);
      return m ? { method: 'sigma', k: Number(m[1]) } : undefined;
    },
    label: (s) => `${s.k}sigma`,
    words: (s) => `mean + ${num(s.k)} sd of training MAE`,
    fit(s, e) {
      const { mean, std } = meanStd(e);
      return mean + s.k * std;
    },
    param: 'k',
    fromJSON: (j) => ({ method: 'sigma', k: j.k! }),
    explain(s, v, e) {
      const { mean, std } = e.length ? meanStd(e) : { mean: NaN, std: NaN };
      return `mean ${num(mean)} + ${s.k}σ (σ ${num(std)}, population) of the ${trainN(e)} = ${num(v)}`;
    },
  },
  'window-sigma': {
    kind: 'step',
    syntax: 'per step: window-sigma[:k] (mean + k sigma in sliding windows)',
    parse(t, text) {
      if (!/^window-sigma(:.*)?$/.test(t)) return undefined;
      const m = /^window-sigma(?::(\d*\.?\d+))?$/.exec(t);
      const k = m ? (m[1] === undefined ? 4 : Number(m[1])) : NaN;
      if (!(k > 0)) throw invalid('threshold', text, STEP_HINT);
      return { method: 'window-sigma', k };
    },
    label: (s) => `window-sigma:${s.k}`,
    words: (s) => `per step: mean + ${num(s.k)} sd of the step scores in sliding windows`,
    fit: () => NaN,
    param: 'k',
    fromJSON: (j) => ({ method: 'window-sigma', k: j.k! }),
    explain: stepExplain,
  },
  dynamic: {
    kind: 'step',
    syntax: 'dynamic',
    parse: (t) => (t === 'dynamic' ? { method: 'dynamic' } : undefined),
    label: () => 'dynamic',
    words: () => "per step: Hundman's dynamic threshold in sliding windows",
    fit: () => NaN,
    param: null,
    fromJSON: () => ({ method: 'dynamic' }),
    explain: stepExplain,
  },
} satisfies { [N in RuleName]: RuleEntry<N> };

/** The rule names, in registry order. */
export const RULE_NAMES = Object.keys(THRESHOLD_RULES) as RuleName[];

/**
 * The entry of a rule name (typed loosely, for code that holds any spec).
 *
 * @throws InputError `unknown threshold method "<name>" (percentile, fixed, ...)` for a name not in the registry.
 * @example
 * ruleEntry('dynamic').kind; // 'step'
 */
export function ruleEntry(method: RuleName): RuleEntry<RuleName> {
  if (!Object.hasOwn(THRESHOLD_RULES, method)) {
    throw new InputError(`unknown threshold method ${JSON.stringify(method)} (${RULE_NAMES.join(', ')})`);
  }
  return THRESHOLD_RULES[method] as unknown as RuleEntry<RuleName>;
}

/** Every form `--threshold` accepts, for messages and `--help`. */
export const THRESHOLD_HINT = Object.values(THRESHOLD_RULES)
  .map((e) => e.syntax)
  .join(', ')
  .replace(/, (per step: [^,]+), dynamic$/, ', or $1, dynamic');

/**
 * Parse any threshold rule: `p95`, `p99.5`, `0.65`, `3sigma`, `window-sigma`, `window-sigma:3`, `dynamic`.
 *
 * @throws InputError `invalid threshold: <text> (<forms>)` for anything else, or a rule with a bad parameter.
 * @example
 * parseRule('window-sigma:3'); // { method: 'window-sigma', k: 3 }
 */
export function parseRule(text: string | number): RuleSpec {
  const t = String(text).trim().toLowerCase();
  for (const e of Object.values(THRESHOLD_RULES) as Array<RuleEntry<RuleName>>) {
    const s = e.parse(t, String(text));
    if (s) return s;
  }
  throw invalid('threshold', text, THRESHOLD_HINT);
}

/**
 * Whether a rule (spec, JSON or name) flags windows or steps.
 *
 * @throws never.
 * @example
 * ruleKind({ method: 'dynamic' }); // 'step'
 */
export function ruleKind(r: { method: RuleName }): RuleKind {
  return ruleEntry(r.method).kind;
}

/**
 * The one short label of a rule, from its spec or its JSON: `p95`, `3sigma`, `fixed 0.65`, `window-sigma:3`.
 *
 * @throws never.
 * @example
 * ruleLabel({ method: 'window-sigma', k: 3 }); // 'window-sigma:3'
 */
export function ruleLabel(r: RuleSpec | RuleJson): string {
  return ruleEntry(r.method).label(r as RuleSpec);
}
