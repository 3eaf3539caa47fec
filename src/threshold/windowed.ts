import { maxOf, minOf } from '../util/extent';
import { dynamicEpsilon } from './dynamic';
import { padFlags } from './pad';
import { meanStd } from './percentile';
import { pruneRuns } from './prune';
import { flagRuns } from './runs';
import { type StepRule, stepRuleLabel } from './step-rule';

/** Options of {@link windowedThreshold}. */
export interface WindowedOptions {
  /** Steps per window. Default: a third of the series, rounded up (Orion's `window_size_portion` 0.33). */
  windowSize?: number;
  /** Steps between window starts. Default: a tenth of the window, rounded up (`window_step_size_portion` 0.1). */
  step?: number;
  /** Steps of padding each side of a flagged step, before runs are formed. Default 0. */
  pad?: number;
  /** Minimum peak drop for pruning (0.13 = 13%, see {@link pruneRuns}); 0 keeps every run. Default 0. */
  prune?: number;
}

/** One window's derived threshold. */
export interface ThresholdWindow {
  start: number;
  end: number;
  threshold: number;
  z?: number;
}

/** Flags and the story of how they were derived. */
export interface StepThreshold {
  rule: string;
  /** Flagged steps after padding and pruning (a step is flagged when any window keeps it). */
  flags: boolean[];
  /** Effective threshold of each step: the lowest threshold among the windows covering it. */
  thresholds: Float64Array;
  windows: ThresholdWindow[];
  windowSize: number;
  step: number;
  pad: number;
  prune: number;
  /** One sentence with the numbers, for result.json and the report. */
  explanation: string;
}

/**
 * A threshold as the explanations print it: 3 significant digits, exponential under 0.001 or from 1,000.
 * @example
 * fmtThreshold(0.186612); // '0.187'
 */
export const fmtThreshold = (v: number): string =>
  v === 0 ? '0' : Math.abs(v) >= 1000 || Math.abs(v) < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
const int = (v: number): string => v.toLocaleString('en-US');
const zRange = (ws: ThresholdWindow[]): string =>
  ws.length === 0 ? '-' : `${minOf(ws.map((w) => w.z!))}..${maxOf(ws.map((w) => w.z!))}`;

/**
 * Derive flags from per-step scores with a windowed rule, as Orion's `find_anomalies`: windows of `windowSize`
 * steps every `step` steps (the last may be shorter) until one reaches the end; in each, ε is mean + k·σ
 * (`window-sigma`) or Hundman's dynamic ε (`dynamic`), steps strictly above ε are flagged, padded, grouped into
 * runs and pruned against the largest score left outside them; a step is flagged when any window keeps it.
 *
 * @throws Error for a window size or step below 1.
 * @example
 * const t = windowedThreshold([1, 1, 1, 1, 1, 5, 1, 1], { method: 'window-sigma', k: 1 }, { windowSize: 4, step: 2 });
 * t.flags[5]; // true (ε = 2 + √3 in the windows 2..5 and 4..7)
 */
export function windowedThreshold(
  scores: ArrayLike<number>,
  rule: StepRule,
  opts: WindowedOptions = {},
): StepThreshold {
  const n = scores.length;
  const windowSize = opts.windowSize ?? Math.max(1, Math.ceil(n / 3));
  const step = opts.step ?? Math.max(1, Math.ceil(windowSize / 10));
  const pad = opts.pad ?? 0;
  const prune = opts.prune ?? 0;
  if (!(windowSize >= 1) || !(step >= 1)) throw new Error(`invalid window: ${windowSize} steps every ${step}`);
  const flags = new Array<boolean>(n).fill(false);
  const thresholds = new Float64Array(n).fill(Infinity);
  const windows: ThresholdWindow[] = [];
  for (let start = 0, end = 0; end < n; start += step) {
    end = Math.min(start + windowSize, n);
    const w = Array.prototype.slice.call(scores, start, end) as number[];
    let threshold: number;
    let z: number | undefined;
    if (rule.method === 'dynamic') ({ epsilon: threshold, z } = dynamicEpsilon(w));
    else {
      const { mean, std } = meanStd(w);
      threshold = mean + rule.k * std;
    }
    windows.push(z === undefined ? { start, end: end - 1, threshold } : { start, end: end - 1, threshold, z });
    for (let s = start; s < end; s++) thresholds[s] = Math.min(thresholds[s], threshold);
    const padded = padFlags(
      w.map((v) => v > threshold),
      pad,
    );
    let maxBelow = 0;
    for (let i = 0; i < w.length; i++) if (!padded[i]) maxBelow = Math.max(maxBelow, w[i]);
    for (const [a, b] of pruneRuns(w, flagRuns(padded), prune, maxBelow)) {
      for (let s = a; s <= b; s++) flags[start + s] = true;
    }
  }
  const ths = windows.map((w) => w.threshold);
  const lo = minOf(ths);
  const hi = maxOf(ths);
  const how =
    rule.method === 'dynamic'
      ? `mean + zσ with z from 2..10 maximising Hundman's cost (z ${zRange(windows)})`
      : `mean + ${rule.k}σ`;
  const range =
    windows.length === 0
      ? 'no scores'
      : lo === hi
        ? `threshold ${fmtThreshold(lo)}`
        : `thresholds ${fmtThreshold(lo)}..${fmtThreshold(hi)}`;
  const count = `${int(windows.length)} window${windows.length === 1 ? '' : 's'}`;
  const pruning = prune ? `${prune * 100}%` : 'off';
  const explanation =
    `${stepRuleLabel(rule)}: ${how} of the errors in ${count} ` +
    `of ${int(windowSize)} steps (step ${int(step)}); ${range}; padding ${pad}, pruning ${pruning}; ` +
    `${int(flags.filter(Boolean).length)} of ${int(n)} steps flagged`;
  return { rule: stepRuleLabel(rule), flags, thresholds, windows, windowSize, step, pad, prune, explanation };
}
