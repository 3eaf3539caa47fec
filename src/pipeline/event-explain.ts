import { column, dateAt, dateStore, rowCount, rowsOfDates, type Series } from '../data/series';
import type { ScoreResult } from '../detector/contract';
import type { AnomalyEvent } from '../events/events';
import { explainEvent } from '../events/explain';
import type { RunResult } from '../result';
import type { Scaler } from '../transform/scaler';
import type { TransformKind } from '../transform/transforms';
import type { EventStage } from './steps-stage';

/** What {@link explainEvents} reads beyond the result and the stage. */
export interface ExplainContext {
  scores: ScoreResult;
  /** The raw series the run scored (all rows). */
  series: Series;
  scaler: Scaler;
  transform: TransformKind;
  /**
   * Rows (the series' first ones) the typical move is measured over, when not the run's training part: a score
   * run (`score --threshold`) has no training part and passes all its rows.
   */
  trainRows?: number;
  /** Training window scores the peak is ranked among, when not `result.trainScores` (a score run's saved ones). */
  trainScores?: ArrayLike<number>;
}

/**
 * Give every event of a run its `explained` figures and `explanation` sentence (src/events/explain.ts has the
 * definitions). The move is measured on the column carrying most of the error (the first column when
 * univariate). The event's peak window score, ranked among `result.trainScores`, is the event's peak score for
 * window rules and, for step rules, the highest MAE of the windows overlapping the event (`ctx.trainRows` and
 * `ctx.trainScores` stand in for the training part and its scores where a run has none). "Expected instead" is
 * given only for detectors that reconstruct windows (lstm, pca, dense): the step's reconstruction, unscaled and,
 * after logret or diff, applied to the previous raw value; zscore and iforest have none, and the clause is left out.
 * An event holding a run the stuck rule flagged (`stage.stuckRuns`) says so first: the value it held, for how long.
 *
 * @throws never.
 * @example
 * explainEvents(result, stage, { scores, series, scaler, transform: 'logret' });
 * result.events![0].explanation; // 'close fell 30.6% in 20 steps (3230 on 2020-02-24 to ...), 11.4x ...'
 */
export function explainEvents(result: RunResult, stage: EventStage, ctx: ExplainContext): void {
  const { series, scores } = ctx;
  const events = result.events ?? [];
  const stuck = stage.stuckRuns ?? [];
  // the rows of the dates asked for only (an index of every date of a long series holds millions of entries)
  const wanted = [
    dateAt(scores.transformed, 0),
    result.split.trainEnd,
    ...events.flatMap((e) => [e.start, e.end, e.peak]),
    ...stuck.map(([a]) => stage.dates[a]),
  ];
  const rawIndex = rowsOfDates(series, wanted);
  const lag = rawIndex.get(dateAt(scores.transformed, 0)) ?? 0;
  const trainRows =
    ctx.trainRows ?? (result.config.fit === 'all' ? rowCount(series) : (rawIndex.get(result.split.trainEnd) ?? 0) + 1);
  const trainScores = ctx.trainScores ?? result.trainScores;
  const T = stage.flags.length - scores.mae.length + 1;
  const F = stage.steps.features;
  const reconstructs = scores.steps?.windows !== undefined;
  const columnValues = new Map<number, Float64Array>(); // a column is copied out when an event measures it
  for (const e of events) {
    const c = channelOf(e, series.columns);
    let values = columnValues.get(c);
    if (!values) columnValues.set(c, (values = column(series, c)));
    const lo = (rawIndex.get(e.start) ?? 0) - lag;
    const hi = rawIndex.get(e.end) ?? 0;
    let peakStep = e.startIndex;
    while (peakStep < e.endIndex && stage.dates[peakStep] !== e.peak) peakStep++;
    const peakRow = rawIndex.get(e.peak) ?? hi;
    let expected: { column: string; date: string; value: number; actual: number } | undefined;
    if (reconstructs) {
      const scaled = stage.steps.recon[peakStep * F + c];
      const v = scaled * ctx.scaler.scale[c] + ctx.scaler.offset[c];
      const prev = values[peakRow - 1];
      const value = ctx.transform === 'logret' ? prev * Math.exp(v) : ctx.transform === 'diff' ? prev + v : v;
      if (Number.isFinite(value))
        expected = { column: series.columns[c], date: e.peak, value, actual: values[peakRow] };
    }
    const run = stuck.find(([a, b]) => a <= e.endIndex && b >= e.startIndex);
    const stuckSpan = run && {
      column: series.columns[c],
      fromDate: stage.dates[run[0]],
      toDate: stage.dates[run[1]],
      steps: run[1] - run[0] + 1,
      value: values[rawIndex.get(stage.dates[run[0]]) ?? 0],
    };
    const { explained, sentence } = explainEvent({
      dates: (i: number) => dateAt(series, i),
      values,
      column: series.columns[c],
      lo,
      hi,
      trainRows,
      steps: e.endIndex - e.startIndex + 1,
      peakScore: e.peakScore,
      thresholdAtPeak: stage.thresholds[peakStep],
      peakWindowScore: stage.source === 'window' ? e.peakScore : peakWindow(scores.mae, e, T),
      trainScores,
      ...(e.shares ? { channel: { name: series.columns[c], share: e.shares[series.columns[c]] } } : {}),
      ...(expected ? { expected } : {}),
      ...(stuckSpan ? { stuck: stuckSpan } : {}),
      unit: stepUnit(series),
    });
    e.explained = explained;
    e.explanation = sentence;
  }
}

/**
 * The word for one step in an explanation: 'day' when every date is a calendar day one after the last (trading
 * days skip weekends: those are steps), else 'step'.
 *
 * @throws never.
 * @example
 * stepUnit(['2020-01-03', '2020-01-06']); // 'step'
 */
export function stepUnit(dates: string[] | Series): 'day' | 'step' {
  const day = 86_400_000;
  if (!Array.isArray(dates)) {
    const store = dateStore(dates);
    if (!store) return stepUnit(dates.dates);
    // a compact series' day-form dates are midnights: a day apart each
    if (store.withTime) return 'step';
    for (let i = 1; i < store.ms.length; i++) if (store.ms[i] - store.ms[i - 1] !== day) return 'step';
    return 'day';
  }
  const ok = dates.every(
    (d, i) => /^\d{4}-\d{2}-\d{2}$/.test(d) && (i === 0 || Date.parse(d) - Date.parse(dates[i - 1]) === day),
  );
  return ok ? 'day' : 'step';
}

/** Index of the column with the largest share of the event's error (0 without shares). */
function channelOf(e: AnomalyEvent, columns: string[]): number {
  if (!e.shares) return 0;
  let best = 0;
  columns.forEach((c, j) => {
    if ((e.shares![c] ?? 0) > (e.shares![columns[best]] ?? 0)) best = j;
  });
  return best;
}

/** Highest score of the windows (T steps each) overlapping the event's steps. */
function peakWindow(mae: ArrayLike<number>, e: AnomalyEvent, T: number): number {
  let best = -Infinity;
  for (let i = Math.max(0, e.startIndex - T + 1); i <= Math.min(mae.length - 1, e.endIndex); i++) {
    if (mae[i] > best) best = mae[i];
  }
  return Number.isFinite(best) ? best : e.peakScore;
}
