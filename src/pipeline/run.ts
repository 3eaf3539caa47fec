import { dateAt, indexOfDate, rowCount, type Series, valueTable } from '../data/series';
import type { Detector, FitHooks } from '../detector/contract';
import type { LstmAutoencoderDetector } from '../detector/lstm/detector';
import { createDetector } from '../detector/registry';
import { type RunResult, untrainedRecord } from '../result';
import { driftCheck } from '../transform/drift';
import { timeSplit } from '../transform/split';
import { transformLag } from '../transform/transforms';
import { InputError } from '../util/errors';
import { VERSION } from '../version';
import { attachEvents, checkFitMode, stepFlaggedWindows } from './attach';
import type { PipelineOptions } from './options';
import { type ResampleChoice, type ResampledSeries, resampleOnce } from './resample-stage';
import { checkRunOptions, resolvePipelineOptions } from './resolve';
import { type EventStage, eventStage } from './steps-stage';

export { DEFAULT_PIPELINE_OPTIONS, PipelineOptions } from './options';
export { type ResampleChoice, type ResampledSeries, resampleSeries } from './resample-stage';

/** What a run gives back: the result (result.json), the fitted detector, the series it ran on and timings. */
export interface PipelineRun<D extends Detector = Detector> {
  result: RunResult;
  detector: D;
  /** The series the run read: the given one, with `resample` set the aggregated one, or a record's `series`. */
  series: Series;
  /** What `resample: 'auto'` chose, and why (absent for other settings); for a {@link ResampledSeries} given, its own. */
  resample?: ResampleChoice;
  /** Per-step scores and events of the scored span. */
  stage: EventStage;
  /** Wall-clock seconds to fit (transform, scaler, model, threshold) and to score the test part. */
  timing: { fitSeconds: number; scoreSeconds: number };
}

/**
 * Run the whole pipeline on a series with the detector `options.detector` (default 'lstm'): aggregate it when
 * `options.resample` asks (`resampleSeries`, pipeline/resample-stage.ts), split in time, fit
 * transform/scaler/model/threshold on the training part, score the test windows, flag anomalies, check drift.
 * Given a {@link ResampledSeries} (what `resampleSeries(series, options.resample)` returns) in place of a series,
 * it runs on that series as it is and reports that record's `auto` choice: a caller that resampled first (to read
 * labels against the aggregated rows) resamples once.
 * Options not given are resolved by `resolvePipelineOptions` (pipeline/resolve.ts): with `fit: 'all'` the
 * whole-series defaults (`WHOLE_SERIES_DEFAULTS`, what `--fit all` runs), else the detector's own defaults
 * (`detectorDefaults`: dense reads rows alone, window 1 and transform none), then {@link DEFAULT_PIPELINE_OPTIONS}.
 * Without `detector` (or with 'lstm' as a literal) the run's detector is typed as the LSTM autoencoder.
 *
 * @throws InputError for too few rows for the window and split, a constant series, invalid options, or a
 *   {@link ResampledSeries} made by another rule than `options.resample`.
 * @example
 * const { result } = await runPipeline(loadDefaultSeries(), { transform: 'logret', epochs: 20 });
 * const once = resampleSeries(series, 'auto'); // read labels against once.series, then:
 * const run = await runPipeline(once, { resample: 'auto' }); // run.series === once.series
 */
export async function runPipeline(
  series: Series | ResampledSeries,
  options?: Partial<PipelineOptions> & { detector?: 'lstm' },
  hooks?: FitHooks,
): Promise<PipelineRun<LstmAutoencoderDetector>>;
export async function runPipeline(
  series: Series | ResampledSeries,
  options?: Partial<PipelineOptions>,
  hooks?: FitHooks,
): Promise<PipelineRun>;
export async function runPipeline(
  input: Series | ResampledSeries,
  options: Partial<PipelineOptions> = {},
  hooks: FitHooks = {},
): Promise<PipelineRun> {
  const o = resolvePipelineOptions(options);
  const { series, auto } = resampleOnce(input, o.resample);
  // the detector keeps (and saves) the rule that runs; a step rule flags no window itself: the step stage does
  const detector = createDetector(o.detector, o);
  checkRunOptions(o, series.columns.length);
  checkFitMode(o);
  const all = o.fit === 'all';
  const { train, test } = all
    ? { train: series, test: series }
    : timeSplit(series, { trainFrac: o.trainFrac, trainUntil: o.trainUntil });
  const lag = transformLag(o.transform);
  if (rowCount(train) < o.window + lag || rowCount(test) < o.window) {
    const need = Math.ceil(
      -1e-9 +
        Math.max((o.window + lag) / (o.trainUntil ? 1 : o.trainFrac), o.window / (o.trainUntil ? 1 : 1 - o.trainFrac)),
    );
    throw new InputError(
      `too few rows: ${series.source} has ${rowCount(series)} rows, split into ${rowCount(train)} training and ${rowCount(test)} test rows; a window of ${o.window} needs at least ${o.window + lag} training and ${o.window} test rows${o.trainUntil ? '' : ` (about ${need} rows in all)`}`,
    );
  }
  const t0 = performance.now();
  await detector.fit(train, hooks);
  const t1 = performance.now();
  const scores = await detector.score(series, all ? {} : { from: dateAt(test, 0) });
  const timing = { fitSeconds: (t1 - t0) / 1000, scoreSeconds: (performance.now() - t1) / 1000 };
  const { threshold, scaler } = detector.fitted();

  const transformed = scores.transformed;
  const cut = all ? rowCount(transformed) : indexOfDate(transformed, dateAt(test, 0));
  const drift = driftCheck(valueTable(transformed, 0, cut), valueTable(transformed, cut), o.transform);

  const result: RunResult = {
    config: { ...o },
    data: {
      source: series.source,
      rows: rowCount(series),
      start: dateAt(series, 0),
      end: dateAt(series, rowCount(series) - 1),
      columns: series.columns,
    },
    split: {
      trainRows: rowCount(train),
      testRows: rowCount(test),
      trainEnd: dateAt(train, rowCount(train) - 1),
    },
    scaler: scaler.toJSON(),
    training: trainingRecord(detector, timing.fitSeconds),
    threshold: threshold.toJSON(),
    drift,
    trainScores: detector.trainScores!.mae,
    test: scores.windows,
    anomalies: scores.anomalies,
    version: VERSION,
  };
  const stage = eventStage(scores, o, threshold.value);
  if (stage.source === 'step') Object.assign(result, stepFlaggedWindows(scores, stage, series));
  attachEvents(result, stage, { scores, series, scaler, transform: detector.options.transform });
  return { result, detector, series, timing, stage, ...(auto ? { resample: auto } : {}) };
}

/** The `training` part of result.json: the detector's own record (lstm, dense), else no epochs and the fit time. */
function trainingRecord(detector: Detector, fitSeconds: number): RunResult['training'] {
  return detector.trainingRecord?.(fitSeconds) ?? untrainedRecord(detector.kind, fitSeconds);
}
