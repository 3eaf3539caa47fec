import { dateStore, rowsOfDates, type Series, valueAt } from '../data/series';
import type { RunResult } from '../result';
import { ruleKind, ruleLabel } from '../threshold/rules';
import { anomalyChart } from './anomalies';
import { rowsOf } from './decimate';
import { COLORS, type Figure, lineOf } from './figure';
import { maeHistogram } from './histogram';
import { lossChart } from './loss';
import { splitChart } from './split';
import { type StepTimelineView, stepTimeline } from './step-timeline';
import { maeTimeline } from './timeline';

/** A figure with a stable id (for its `<div>`) and a caption. */
export interface NamedFigure {
  /** HTML id of the plot: `split`, `loss`, `train-mae`, `test-mae`, `mae-time`, `anomalies`. */
  id: string;
  /** One sentence saying what the chart shows. */
  caption: string;
  figure: Figure;
}

/**
 * The value of every column of `series` at each anomaly's date (`NaN` for a date the series lacks).
 *
 * @throws never.
 * @example
 * anomalyValues(result.anomalies, series); // [[96, 8], [101, 9]] for columns Power, Detector
 */
export function anomalyValues(anomalies: Array<{ date: string }>, series: Series): number[][] {
  const wanted = anomalies.map((a) => a.date);
  // a compact series: the first row of each date found by number (no string per row), as rowsOf finds it
  const found = dateStore(series) ? rowsOfDates(series, wanted, 'first') : undefined;
  const rows = found ? wanted.map((d) => found.get(d) ?? -1) : rowsOf(series.dates, wanted);
  return rows.map((i) => series.columns.map((_, c) => (i < 0 ? NaN : valueAt(series, i, c))));
}

/**
 * The charts of a run, in report order: split, loss, training MAE, test MAE, MAE over time, anomalies; a
 * multivariate series adds a split chart (`split-2`, ...) and an anomaly chart (`anomalies-2`, ...) for each
 * further column. Each chart draws the rule that flagged: a window rule's value as a line; for a step rule
 * (`window-sigma`, `dynamic`) no window line, and MAE over time becomes the per-step score against each step's
 * threshold (from `steps`, the pipeline's stage; without it, the flagged windows alone). With `--fit all` there
 * is no test period: the split chart says so and shades nothing.
 *
 * @throws InputError when the series has a different number of dates and values.
 * @example
 * for (const f of runFigures(result, series)) display(figureDiv(f.figure, f.id));
 */
export function runFigures(result: RunResult, series: Series, steps?: StepTimelineView): NamedFigure[] {
  const line = lineOf(series);
  const step = ruleKind(result.threshold) === 'step';
  const t = step ? null : result.threshold.value;
  const rule = ruleLabel(result.threshold);
  const all = result.config.fit === 'all';
  const flagged = result.test.filter((w) => w.anomaly).length;
  const timeline: NamedFigure =
    step && steps
      ? {
          id: 'mae-time',
          caption:
            `Per-step score over time against the threshold of each step (${rule}), the line that flagged; ` +
            'red points are the flagged steps.',
          figure: stepTimeline(steps, rule),
        }
      : {
          id: 'mae-time',
          caption: step
            ? `Test error over time (each window dated by its last step); red points are the windows ${rule} flagged (its thresholds are per step).`
            : 'Test error over time (each window dated by its last step); red points lie above the threshold.',
          figure: maeTimeline(result.test, t),
        };
  return [
    all
      ? {
          id: 'split',
          caption: 'The series; --fit all trains on every row and scores every window, so there is no test period.',
          figure: splitChart(line, result.split.trainEnd, { title: 'Series (trained and scored on every row)' }),
        }
      : {
          id: 'split',
          caption: 'The series; the shaded region after the dashed line is the test period.',
          figure: splitChart(line, result.split.trainEnd),
        },
    {
      id: 'loss',
      caption: `Loss per epoch; the star marks the epoch whose weights were kept (${result.training.bestEpoch}).`,
      figure: lossChart(result.training.history, { bestEpoch: result.training.bestEpoch }),
    },
    {
      id: 'train-mae',
      caption: step
        ? `Reconstruction error of every training window; no window threshold: ${rule} flags per step.`
        : 'Reconstruction error of every training window; the threshold is fitted on it.',
      figure: maeHistogram(result.trainScores, t, 'Training windows: reconstruction MAE', {
        note: `${rule} flags per step`,
      }),
    },
    {
      id: 'test-mae',
      caption: step
        ? `Reconstruction error of every ${all ? 'scored' : 'test'} window; ${flagged} flagged by ${rule} (per step, no window threshold).`
        : 'Reconstruction error of every test window against the same threshold.',
      figure: maeHistogram(
        result.test.map((w) => w.mae),
        t,
        'Test windows: reconstruction MAE',
        { color: COLORS.test, note: `${flagged} of ${result.test.length} flagged by ${rule}` },
      ),
    },
    timeline,
    {
      id: 'anomalies',
      caption: 'The series with every anomaly (last date of a flagged window) in red.',
      figure: anomalyChart(line, result.anomalies, { trainEnd: all ? undefined : result.split.trainEnd }),
    },
    ...series.columns.slice(1).flatMap((_, k) => extraColumn(result, series, k + 1)),
  ];
}

/** The split and anomaly charts of column `c` (1-based id suffix `c + 1`). */
function extraColumn(result: RunResult, series: Series, c: number): NamedFigure[] {
  const line = lineOf(series, c);
  const values = anomalyValues(result.anomalies, series).map((v) => v[c]);
  const points = result.anomalies.map((a, i) => ({ ...a, value: values[i] }));
  const title = (what: string) => `${what}: ${series.columns[c]}`;
  const all = result.config.fit === 'all';
  const trainEnd = all ? undefined : result.split.trainEnd;
  return [
    {
      id: `split-${c + 1}`,
      caption: all
        ? `Column ${series.columns[c]} (--fit all: no test period).`
        : `Column ${series.columns[c]}; the shaded region is the test period.`,
      figure: splitChart(line, result.split.trainEnd, {
        title: title(all ? 'Series (trained and scored on every row)' : 'Series with train/test split'),
      }),
    },
    {
      id: `anomalies-${c + 1}`,
      caption: `Column ${series.columns[c]} with every anomaly in red.`,
      figure: anomalyChart(line, points, { trainEnd, title: title('Anomalies in the series') }),
    },
  ];
}
