import * as path from 'path';
import { dateIndex } from '../../data/formats/index-dates';
import { labelSteps } from '../../evaluate/steps';
import { evaluateStage, fileMeasures } from '../../pipeline/evaluation';
import type { PipelineOptions } from '../../pipeline/options';
import { runPipeline } from '../../pipeline/run';
import type { EvaluatedFile } from '../../report/evaluation';
import { detectorOptions } from '../detect/compare';
import { eventFlags } from '../events-flags';
import { loadEvaluated } from './evaluate-formats';

/**
 * What one file of `evaluate` needs: where it is, its labels file (none for UCR and TSB-AD files, whose labels
 * are their name or `Label` column), its manifest train end, the resolved options and the parsed flags.
 */
export interface FileTask {
  dir: string;
  rel: string;
  labelsFile?: string;
  /** The manifest's `train_until` for this file (a timestamp, or a row index for a series without timestamps). */
  trainUntil?: string;
  options: Partial<PipelineOptions>;
  /** The parsed flags (plain data). */
  f: object;
}

/**
 * The sub-folder of a file path relative to the evaluated folder (`.` for a file at its top).
 * @throws never.
 * @example
 * subsetOf('realKnownCause/nyc_taxi.csv'); // 'realKnownCause'
 */
export function subsetOf(rel: string): string {
  return rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '.';
}

/**
 * The row of a file that failed: its one-line error (the first line of `e`'s message).
 * @throws never.
 * @example
 * failedRow('x/a.csv', new Error('constant series'), 0.1).row.error; // 'constant series'
 */
export function failedRow(rel: string, e: unknown, seconds: number): EvaluatedFile {
  const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
  return { row: { file: rel, subset: subsetOf(rel), error, seconds } };
}

/**
 * One file's run of `evaluate`: train, score, events, evaluation; any failure becomes the row's one-line error.
 *
 * @throws never (a failure is the row's `error`).
 * @example
 * const r = await evaluateOne({ dir: 'nab', rel: 'realKnownCause/nyc_taxi.csv', labelsFile, options, f });
 */
export async function evaluateOne(task: FileTask): Promise<EvaluatedFile> {
  const { dir, rel, labelsFile, options, f } = task;
  const t0 = Date.now();
  try {
    const { series, labels, index, trainEnd, resampled } = loadEvaluated(
      dir,
      rel,
      f,
      labelsFile,
      task.trainUntil,
      options.resample,
    );
    const labelsName = index ? rel : path.basename(labelsFile ?? rel);
    labelSteps(labels, series.dates, labelsName);
    // a train end from the manifest or the file name sets the split; --fit all trains on the whole series
    const split = trainEnd !== undefined && options.fit !== 'all' ? { trainUntil: series.dates[trainEnd] } : {};
    // the series is resampled already (the run takes the record as it is); one without timestamps never is
    const rows = index ? { resample: 'none' } : {};
    const run = await runPipeline(resampled, { ...options, ...detectorOptions(f), ...split, ...rows });
    const resample = run.resample; // the record's choice, made once by loadEvaluated
    run.detector.dispose();
    const ev = evaluateStage(run.stage, labels, labelsName, { pointAdjust: eventFlags(f).pointAdjust });
    const seconds = (Date.now() - t0) / 1000;
    const events = run.result.events ?? [];
    // a series without timestamps is reported by row index: its dates become the indices 0..n-1
    const at = (d: string): string => (index ? String(dateIndex(d)) : d);
    return {
      row: {
        file: rel,
        subset: subsetOf(rel),
        counts: ev.overlap,
        measures: fileMeasures(ev),
        seconds,
        ...(resample ? { resample } : {}),
      },
      evaluation: ev,
      events: index ? events.map((e) => ({ ...e, start: at(e.start), end: at(e.end), peak: at(e.peak) })) : events,
      labels: index ? labels.map((l) => ({ start: at(l.start), end: at(l.end) })) : labels,
      line: {
        dates: index ? series.dates.map((_, i) => String(i)) : series.dates,
        values: series.values.map((r) => r[0]),
        name: series.columns[0],
      },
      epochs: run.result.training.epochs,
      ...(split.trainUntil ? { trainEnd } : {}),
      ...(index ? { index: true } : {}),
    };
  } catch (e) {
    return failedRow(rel, e, (Date.now() - t0) / 1000);
  }
}
