import type { Series } from '../data/series';
import type { RunResult } from '../result';
import { anomalyChart } from './anomalies';
import { COLORS, Figure, lineOf } from './figure';
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
 * The six charts of a run, in report order: split, loss, training MAE, test MAE, MAE over time, anomalies.
 *
 * @throws InputError when the series has a different number of dates and values.
 * @example
 * for (const f of runFigures(result, series)) display(figureDiv(f.figure, f.id));
 */
export function runFigures(result: RunResult, series: Series): NamedFigure[] {
  const line = lineOf(series);
  const t = result.threshold.value;
  return [
    { id: 'split', caption: 'The series; the shaded region after the dashed line is the test period.', figure: splitChart(line, result.split.trainEnd) },
    { id: 'loss', caption: `Loss per epoch; the star marks the epoch whose weights were kept (${result.training.bestEpoch}).`, figure: lossChart(result.training.history, { bestEpoch: result.training.bestEpoch }) },
    { id: 'train-mae', caption: 'Reconstruction error of every training window; the threshold is fitted on it.', figure: maeHistogram(result.trainScores, t, 'Training windows: reconstruction MAE') },
    { id: 'test-mae', caption: 'Reconstruction error of every test window against the same threshold.', figure: maeHistogram(result.test.map((w) => w.mae), t, 'Test windows: reconstruction MAE', { color: COLORS.test }) },
    { id: 'mae-time', caption: 'Test error over time (each window dated by its last step); red points lie above the threshold.', figure: maeTimeline(result.test, t) },
    { id: 'anomalies', caption: 'The series with every anomaly (last date of a flagged window) in red.', figure: anomalyChart(line, result.anomalies, { trainEnd: result.split.trainEnd }) },
  ];
}
