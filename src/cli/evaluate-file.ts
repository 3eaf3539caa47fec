import * as path from 'path';
import { loadCsvSeries } from '../data';
import { labelSteps } from '../evaluate/steps';
import { evaluateStage, fileMeasures } from '../pipeline/evaluation';
import type { PipelineOptions } from '../pipeline/options';
import { runPipeline } from '../pipeline/run';
import type { EvaluatedFile } from '../report/evaluation';
import { detectorOptions } from './compare';
import { csvFormat } from './data';
import { eventFlags, withResample } from './events-flags';
import { labelsFromFile } from './labels';

/** What one file of `evaluate` needs: where it is, its labels, the resolved options and the parsed flags. */
export interface FileTask {
  dir: string;
  rel: string;
  labelsFile: string;
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
  const g = f as { dateCol?: string; valueCol?: string; fill?: 'none' | 'ffill' | 'drop' };
  try {
    const valueCols = g.valueCol ? g.valueCol.split(',').map((s) => s.trim()) : undefined;
    const series = withResample(
      loadCsvSeries(path.join(dir, rel), {
        dateCol: g.dateCol,
        valueCols,
        fill: g.fill,
        order: eventFlags(f).order,
        ...csvFormat(f),
      }),
      f,
    );
    const labels = labelsFromFile(labelsFile, rel);
    labelSteps(labels, series.dates, path.basename(labelsFile));
    const run = await runPipeline(series, { ...options, ...detectorOptions(f) });
    run.detector.dispose();
    const ev = evaluateStage(run.stage, labels, path.basename(labelsFile), { pointAdjust: eventFlags(f).pointAdjust });
    const seconds = (Date.now() - t0) / 1000;
    return {
      row: { file: rel, subset: subsetOf(rel), counts: ev.overlap, measures: fileMeasures(ev), seconds },
      evaluation: ev,
      events: run.result.events ?? [],
      labels,
      line: { dates: series.dates, values: series.values.map((r) => r[0]), name: series.columns[0] },
      epochs: run.result.training.epochs,
    };
  } catch (e) {
    return failedRow(rel, e, (Date.now() - t0) / 1000);
  }
}
