import { datesOf, indexOfDate } from '../data/series';
import type { ScoreResult, StepOutput } from '../detector/contract';
import { type AnomalyEvent, eventsFromFlags } from '../events/events';
import { errorBounds } from '../events/trim';
import { autoSmoothing, rollingMean, type StepScores, stepScores } from '../score/steps';
import { joinStepFlags } from '../threshold/join-flags';
import { meanStd } from '../threshold/percentile';
import { parseRule, ruleKind } from '../threshold/rules';
import { flagRuns, mergeRuns } from '../threshold/runs';
import type { StepRule } from '../threshold/step-rule';
import { fmtThreshold, windowedThreshold } from '../threshold/windowed';
import { smoothOption } from './event-options';
import type { PipelineOptions } from './options';
import { stepInputs, stuckText } from './stuck-stage';

/** The per-step view of a scored span and the events found in it. */
export interface EventStage {
  /** Per-step scores of the scored span (steps `offset ..` of the transformed series). */
  steps: StepScores;
  /** Date of each step of the span. */
  dates: string[];
  /** Flagged steps (for a window rule: the steps of its events, placed where the error is; see windowEvents). */
  flags: boolean[];
  /** Threshold per step (a window rule's single value on every step). */
  thresholds: Float64Array;
  events: AnomalyEvent[];
  /** `window` when events come from flagged windows, `step` for a per-step rule. */
  source: 'window' | 'step';
  /** One sentence saying how a step rule's threshold was derived (undefined for window rules). */
  explanation?: string;
  rule?: string;
  /** The runs the stuck rule flagged (`stuck` on; first and last step), for the events' explanations. */
  stuckRuns?: [number, number][];
}

/**
 * Events of flagged windows. Each run of flagged windows (runs whose steps overlap, fewer than `window - 1`
 * windows apart, merge into one) covers the steps from its first window's start to its last window's end; the
 * event is placed on the steps that carry the error inside that span: from the first to the last step whose
 * per-step score (`stepErrors`: the stage's step scores, smoothed as `--smooth` asks, the ones a step rule and
 * the zoom panels use) is strictly above the window threshold (`errorBounds`). An event none of whose steps
 * rises above keeps its windows' bounds, and without `stepErrors` every event does. The rule is the same for
 * every detector (a step rule's events come from flagged steps and are not placed again). Peak: the flagged
 * window of highest MAE, its score `peakScore`, severity (peak - threshold) / (mean + std) of all the window
 * MAEs; the peak's date is the step of highest per-step score inside the event (without `stepErrors`, the
 * peak window's last step). Column shares are summed over the event's steps.
 *
 * @throws never.
 * @example
 * windowEvents([0, 5, 5], [false, true, true], 1, ['a', 'b', 'c', 'd'], 2)[0]; // start 'b', end 'd'
 * windowEvents([0, 5, 5], [false, true, true], 1, ['a', 'b', 'c', 'd'], 2, undefined, [], [0, 0, 9, 0])[0]; // start 'c', end 'c'
 */
export function windowEvents(
  mae: ArrayLike<number>,
  flags: ArrayLike<boolean>,
  threshold: number,
  dates: string[],
  window: number,
  perFeature?: ArrayLike<number>,
  columns: string[] = [],
  stepErrors?: ArrayLike<number>,
): AnomalyEvent[] {
  const { mean, std } = mae.length ? meanStd(mae) : { mean: 0, std: 0 };
  const F = columns.length;
  return mergeRuns(flagRuns(flags), window - 1).map(([a, b]) => {
    let p = a;
    for (let i = a; i <= b; i++) if (flags[i] && mae[i] > mae[p]) p = i;
    const [startIndex, endIndex] = stepErrors
      ? errorBounds(stepErrors, threshold, a, b + window - 1)
      : [a, b + window - 1];
    let peakIndex = p + window - 1;
    if (stepErrors) {
      peakIndex = startIndex;
      for (let s = startIndex; s <= endIndex; s++) if (stepErrors[s] > stepErrors[peakIndex]) peakIndex = s;
    }
    const ev: AnomalyEvent = {
      start: dates[startIndex],
      end: dates[endIndex],
      startIndex,
      endIndex,
      peak: dates[peakIndex],
      peakScore: mae[p],
      severity: mean + std > 0 ? (mae[p] - threshold) / (mean + std) : 0,
    };
    if (F >= 2 && perFeature) {
      const sums = new Array<number>(F).fill(0);
      for (let s = startIndex; s <= endIndex; s++) for (let j = 0; j < F; j++) sums[j] += perFeature[s * F + j];
      const total = sums.reduce((x, y) => x + y, 0);
      ev.shares = Object.fromEntries(columns.map((c, j) => [c, total > 0 ? sums[j] / total : 1 / F]));
    }
    return ev;
  });
}

/**
 * Per-step output for a detector that gives none (iforest): each step's score is the mean of the window scores
 * covering it.
 *
 * @throws never.
 * @example
 * windowSteps(scores, 30).score!.length; // n + 29
 */
export function windowSteps(scores: ScoreResult, window: number): StepOutput {
  const n = scores.mae.length;
  const first = n ? indexOfDate(scores.transformed, scores.start[0]) : 0;
  const dates = n ? datesOf(scores.transformed, first, first + n + window - 1) : [];
  const sum = new Array<number>(dates.length).fill(0);
  const count = new Array<number>(dates.length).fill(0);
  scores.mae.forEach((m, i) => {
    for (let s = i; s < i + window && s < dates.length; s++) {
      sum[s] += m;
      count[s]++;
    }
  });
  return { dates, score: sum.map((v, s) => (count[s] ? v / count[s] : 0)) };
}

/**
 * From a detector's scores: per-step scores over the scored span, then events, by the window rule's flags
 * (`p95`, `3sigma`, a number) or, for `window-sigma[:k]` / `dynamic`, by the windowed step threshold with
 * padding and pruning, joined by the steps whose own error is extreme (`extreme` k > 0) and by a stuck sensor's
 * runs (`stuck` on): joinStepFlags.
 *
 * @throws InputError for an invalid `smooth`.
 * @example
 * const stage = eventStage(await detector.score(series), options, detector.fitted().threshold.value);
 */
export function eventStage(scores: ScoreResult, o: PipelineOptions, windowThreshold: number): EventStage {
  const st = scores.steps ?? windowSteps(scores, o.window);
  const smooth = smoothOption(String(o.smooth));
  let steps: StepScores;
  if (st.windows) {
    const w = st.windows;
    steps = stepScores(w.x, w.reconstruction, w.n, w.window, w.features, { aggregate: o.aggregate, smooth });
  } else {
    // a detector that scores steps itself (zscore): its scores, smoothed the same way
    const raw = Float64Array.from(st.score!);
    const width = smooth === 'auto' ? autoSmoothing(raw.length) : Math.max(smooth, 1);
    steps = {
      length: raw.length,
      features: 1,
      x: raw,
      recon: new Float64Array(raw.length),
      perFeature: raw,
      raw,
      scores: rollingMean(raw, width),
      smoothing: width,
    };
  }
  const columns = st.windows ? scores.transformed.columns : [];
  const r = { window: st.windows?.window ?? o.window };
  const dates = st.dates.slice(0, steps.length);
  const rule = parseRule(o.threshold);
  if (ruleKind(rule) === 'step') {
    const th = windowedThreshold(steps.scores, rule as StepRule, { pad: o.pad, prune: o.prune });
    const k = Number(o.extreme ?? 0);
    const inputs = o.stuck === 'on' && steps.length ? stepInputs(scores, steps, dates) : undefined;
    const { flags, extreme, stuck } = joinStepFlags(th.flags, o.pad, { raw: steps.raw, k, inputs });
    let explanation = th.explanation;
    if (extreme)
      explanation += `; steps whose own error is above mean + ${k}σ of all (${fmtThreshold(extreme.bar)}) are flagged too: ${extreme.count}`;
    if (stuck) explanation += `; ${stuckText(stuck)}`;
    const events = eventsFromFlags(flags, steps.scores, dates, th.thresholds, {
      perFeature: steps.perFeature,
      columns,
    });
    return {
      steps,
      dates,
      flags,
      thresholds: th.thresholds,
      events,
      source: 'step',
      explanation,
      rule: th.rule,
      ...(stuck ? { stuckRuns: stuck.runs } : {}),
    };
  }
  const events = windowEvents(
    scores.mae,
    scores.anomaly,
    windowThreshold,
    dates,
    r.window,
    steps.perFeature,
    columns,
    steps.scores,
  );
  // the flagged steps are the events' steps (before placing, every step of a flagged window)
  const flags = new Array<boolean>(steps.length).fill(false);
  for (const e of events) for (let s = e.startIndex; s <= e.endIndex; s++) flags[s] = true;
  return {
    steps,
    dates,
    flags,
    thresholds: new Float64Array(steps.length).fill(windowThreshold),
    events,
    source: 'window',
  };
}

/**
 * The per-step view of a stage that the report's zoom panels draw.
 *
 * @throws never.
 * @example
 * renderReport({ result, series, steps: stepView(run.stage) });
 */
export function stepView(s: EventStage): {
  dates: string[];
  x: Float64Array;
  recon: Float64Array;
  features: number;
  scores: Float64Array;
  thresholds: Float64Array;
  flags: boolean[];
} {
  return {
    flags: s.flags,
    dates: s.dates,
    x: s.steps.x,
    recon: s.steps.recon,
    features: s.steps.features,
    scores: s.steps.scores,
    thresholds: s.thresholds,
  };
}
