import type { Series } from '../data/series';
import type { RunResult } from '../result';
import { anomalyChart } from './anomalies';
import { rowsOf } from './decimate';
import { COLORS, type Figure, lineOf } from './figure';
import { maeHistogram } from './histogram';
import { lossChart } from './loss';
import { splitChart } from './split';
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
  return rowsOf(
    series.dates,
    anomalies.map((a) => a.date),
  ).map((i) => series.columns.map((_, c) => (i < 0 ? NaN : series.values[i][c])));
}

/**
 * The charts of a run, in report order: split, loss, training MAE, test MAE, MAE over time, anomalies; a
 * multivariate series adds a split chart (`split-2`, ...) and an anomaly chart (`anomalies-2`, ...) for each
 * further column.
 *
 * @throws InputError when the series has a different number of dates and values.
 * @example
 * for (const f of runFigures(result, series)) display(figureDiv(f.figure, f.id));
 */
export function runFigures(result: RunResult, series: Series): NamedFigure[] {
  const line = lineOf(series);
  const t = result.threshold.value;
  return [
    {
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
      caption: 'Reconstruction error of every training window; the threshold is fitted on it.',
      figure: maeHistogram(result.trainScores, t, 'Training windows: reconstruction MAE'),
    },
    {
      id: 'test-mae',
      caption: 'Reconstruction error of every test window against the same threshold.',
      figure: maeHistogram(
        result.test.map((w) => w.mae),
        t,
        'Test windows: reconstruction MAE',
        { color: COLORS.test },
      ),
    },
    {
      id: 'mae-time',
      caption: 'Test error over time (each window dated by its last step); red points lie above the threshold.',
      figure: maeTimeline(result.test, t),
    },
    {
      id: 'anomalies',
      caption: 'The series with every anomaly (last date of a flagged window) in red.',
      figure: anomalyChart(line, result.anomalies, { trainEnd: result.split.trainEnd }),
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
  return [
    {
      id: `split-${c + 1}`,
      caption: `Column ${series.columns[c]}; the shaded region is the test period.`,
      figure: splitChart(line, result.split.trainEnd, { title: title('Series with train/test split') }),
    },
    {
      id: `anomalies-${c + 1}`,
      caption: `Column ${series.columns[c]} with every anomaly in red.`,
      figure: anomalyChart(line, points, { trainEnd: result.split.trainEnd, title: title('Anomalies in the series') }),
    },
  ];
}
