import type { Series } from '../data/series';
import { FitHooks, LstmAutoencoderDetector } from '../detector/detector';
import { DEFAULT_DETECTOR_OPTIONS, DetectorOptions } from '../detector/options';
import { parameterCount, resolveSpec } from '../model';
import type { AnomalyRecord, RunResult } from '../result';
import { driftCheck } from '../transform/drift';
import { timeSplit } from '../transform/split';
import { applyTransform, transformLag } from '../transform/transforms';
import { InputError } from '../util/errors';
import { VERSION } from '../version';

/** Options of a whole run: the detector's plus the split. */
export interface PipelineOptions extends DetectorOptions {
  /** Share of rows used for training. Default 0.8. */
  trainFrac: number;
  /** Train on rows before this ISO date instead (wins over trainFrac). Default: unset. */
  trainUntil?: string;
}

/** Defaults of {@link PipelineOptions}. */
export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = { ...DEFAULT_DETECTOR_OPTIONS, trainFrac: 0.8 };

/** What a run gives back: the result (result.json), the fitted detector and the raw series. */
export interface PipelineRun {
  result: RunResult;
  detector: LstmAutoencoderDetector;
  series: Series;
}

/**
 * Run the whole pipeline on a series: split in time, fit transform/scaler/model/threshold on the training
 * part, score the test windows, flag anomalies, check drift.
 *
 * @throws InputError for too few rows for the window and split, a constant series, or invalid options.
 * @example
 * const { result } = await runPipeline(loadDefaultSeries(), { transform: 'logret', epochs: 20 });
 */
export async function runPipeline(series: Series, options: Partial<PipelineOptions> = {}, hooks: FitHooks = {}): Promise<PipelineRun> {
  const o: PipelineOptions = { ...DEFAULT_PIPELINE_OPTIONS, ...options };
  resolveSpec({ window: o.window, encoder: o.encoder, dropout: o.dropout, loss: o.loss, learningRate: o.learningRate, seed: o.seed });
  if (series.dates.length === 0) throw new InputError(`${series.source}: no data rows`);
  const { train, test } = timeSplit(series, { trainFrac: o.trainFrac, trainUntil: o.trainUntil });
  const lag = transformLag(o.transform);
  if (train.dates.length < o.window + lag || test.dates.length < o.window) {
    const need = Math.ceil(-1e-9 + Math.max((o.window + lag) / (o.trainUntil ? 1 : o.trainFrac), o.window / (o.trainUntil ? 1 : 1 - o.trainFrac)));
    throw new InputError(`too few rows: ${series.source} has ${series.dates.length} rows, split into ${train.dates.length} training and ${test.dates.length} test rows; a window of ${o.window} needs at least ${o.window + lag} training and ${o.window} test rows${o.trainUntil ? '' : ` (about ${need} rows in all)`}`);
  }
  const detector = new LstmAutoencoderDetector(o);
  await detector.fit(train, hooks);
  const scores = await detector.score(series, { from: test.dates[0] });
  const { threshold, scaler } = detector.ready();

  const transformed = applyTransform(series, o.transform);
  const cut = transformed.dates.indexOf(test.dates[0]);
  const drift = driftCheck(transformed.values.slice(0, cut), transformed.values.slice(cut), o.transform);

  const rawIndex = new Map(series.dates.map((d, i) => [d, i]));
  const anomalies: AnomalyRecord[] = [];
  scores.end.forEach((d, i) => {
    if (scores.anomaly[i]) anomalies.push({ date: d, value: series.values[rawIndex.get(d)!][0], mae: scores.mae[i] });
  });
  const tr = detector.training!;
  const spec = detector.model!.spec;
  const result: RunResult = {
    config: { ...o },
    data: { source: series.source, rows: series.dates.length, start: series.dates[0], end: series.dates[series.dates.length - 1], columns: series.columns },
    split: { trainRows: train.dates.length, testRows: test.dates.length, trainEnd: train.dates[train.dates.length - 1] },
    scaler: scaler.toJSON(),
    training: { backend: detector.backend, engine: detector.engine, epochs: tr.history.length, bestEpoch: tr.bestEpoch, history: tr.history, seqPerSec: tr.seqPerSec, seconds: tr.seconds, parameters: parameterCount(spec) },
    threshold: threshold.toJSON(),
    drift,
    trainScores: detector.trainScores!.mae,
    test: scores.end.map((end, i) => ({ start: scores.start[i], end, mae: scores.mae[i], anomaly: scores.anomaly[i] })),
    anomalies,
    version: VERSION,
  };
  return { result, detector, series };
}
