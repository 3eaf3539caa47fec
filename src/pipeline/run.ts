import type { Series } from '../data/series';
import { FitHooks, LstmAutoencoderDetector } from '../detector/detector';
import { parameterCount } from '../model';
import type { RunResult } from '../result';
import { driftCheck } from '../transform/drift';
import { timeSplit } from '../transform/split';
import { transformLag } from '../transform/transforms';
import { InputError } from '../util/errors';
import { VERSION } from '../version';
import { DEFAULT_PIPELINE_OPTIONS, PipelineOptions } from './options';
import { isStepRule } from '../threshold/step-rule';
import { attachEvents, checkFitMode, stepFlaggedWindows } from './attach';
import { EventStage, eventStage } from './steps-stage';

export { DEFAULT_PIPELINE_OPTIONS, PipelineOptions } from './options';

/** What a run gives back: the result (result.json), the fitted detector and the raw series. */
export interface PipelineRun {
  result: RunResult;
  detector: LstmAutoencoderDetector;
  series: Series;
  /** Per-step scores and events of the scored span. */
  stage: EventStage;
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
  // a per-step rule thresholds step scores; the windows keep p95 of the training MAEs for their own flags
  const detector = new LstmAutoencoderDetector(isStepRule(o.threshold) ? { ...o, threshold: 'p95' } : o);
  if (series.dates.length === 0) throw new InputError(`${series.source}: no data rows`);
  checkFitMode(o);
  const all = o.fit === 'all';
  const { train, test } = all ? { train: series, test: series }
    : timeSplit(series, { trainFrac: o.trainFrac, trainUntil: o.trainUntil });
  const lag = transformLag(o.transform);
  if (train.dates.length < o.window + lag || test.dates.length < o.window) {
    const need = Math.ceil(-1e-9 + Math.max((o.window + lag) / (o.trainUntil ? 1 : o.trainFrac), o.window / (o.trainUntil ? 1 : 1 - o.trainFrac)));
    throw new InputError(`too few rows: ${series.source} has ${series.dates.length} rows, split into ${train.dates.length} training and ${test.dates.length} test rows; a window of ${o.window} needs at least ${o.window + lag} training and ${o.window} test rows${o.trainUntil ? '' : ` (about ${need} rows in all)`}`);
  }
  await detector.fit(train, hooks);
  const scores = await detector.score(series, all ? {} : { from: test.dates[0] });
  const { threshold, scaler, model } = detector.fitted();

  const transformed = scores.transformed;
  const cut = all ? transformed.dates.length : transformed.dates.indexOf(test.dates[0]);
  const drift = driftCheck(transformed.values.slice(0, cut), transformed.values.slice(cut), o.transform);

  const tr = detector.training!;
  const result: RunResult = {
    config: { ...o },
    data: { source: series.source, rows: series.dates.length, start: series.dates[0], end: series.dates[series.dates.length - 1], columns: series.columns },
    split: { trainRows: train.dates.length, testRows: test.dates.length, trainEnd: train.dates[train.dates.length - 1] },
    scaler: scaler.toJSON(),
    training: { backend: detector.backend, engine: detector.engine, epochs: tr.history.length, bestEpoch: tr.bestEpoch, history: tr.history, seqPerSec: tr.seqPerSec, seconds: tr.seconds, parameters: parameterCount(model.spec) },
    threshold: threshold.toJSON(),
    drift,
    trainScores: detector.trainScores!.mae,
    test: scores.windows,
    anomalies: scores.anomalies,
    version: VERSION,
  };
  const stage = eventStage(scores, o, threshold.value);
  if (stage.source === 'step') Object.assign(result, stepFlaggedWindows(scores, stage, series));
  attachEvents(result, stage);
  return { result, detector, series, stage };
}
