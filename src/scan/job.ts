import * as crypto from 'crypto';
import type { Series } from '../data/series';
import { runPipeline, PipelineOptions } from '../pipeline/run';
import type { RunResult } from '../result';
import { isInputError } from '../util/errors';

/** The unit of work of a scan: one series' rows and the options, so whoever runs it needs no network. */
export interface ScanJob {
  /** Stable id: derived from the scan id and the series name (see {@link scanJobId}). */
  id: string;
  /** Series name (symbol or CSV file name), also its output sub-folder. */
  name: string;
  /** The rows: dates, values, columns and source, as loaded on the scanning machine. */
  series: Series;
  /** Pipeline options, the same for every series of a scan. */
  options: Partial<PipelineOptions>;
}

/** What running a job gives back: small and JSON-serialisable (it travels through Redis). */
export type ScanItemResult =
  | { id: string; name: string; ok: true; result: RunResult; seconds: number }
  | { id: string; name: string; ok: false; error: string; seconds: number };

/**
 * The job id of a series in a scan: readable, safe as a BullMQ custom id (no `:`), and the same on a rerun
 * with the same scan id, so completed results are reused. With a `fingerprint` (see {@link jobFingerprint}) a
 * rerun with other settings or other rows gets new ids, so it never reuses results computed for different input.
 *
 * @throws Nothing.
 * @example
 * scanJobId('nightly', 'AAPL'); // 'nightly__AAPL'
 * scanJobId('nightly', 'AAPL', '3f2a9c1d'); // 'nightly__AAPL__3f2a9c1d'
 */
export function scanJobId(scanId: string, name: string, fingerprint?: string): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._^=-]/g, '_');
  const id = `${clean(scanId)}__${clean(name)}${fingerprint ? `__${clean(fingerprint)}` : ''}`;
  return id.length <= 200
    ? id
    : `${id.slice(0, 160)}-${crypto.createHash('sha1').update(`${scanId}\0${name}`).digest('hex')}`;
}

/**
 * A short hash of a job's input (its options and rows): part of the job id, so results are reused only for the
 * same settings and the same data.
 *
 * @throws Nothing.
 * @example
 * jobFingerprint(series, { epochs: 2 }).length; // 12
 */
export function jobFingerprint(series: Series, options: Partial<PipelineOptions>): string {
  const h = crypto.createHash('sha1').update(JSON.stringify(options)).update('\0');
  h.update(JSON.stringify(series.columns)).update(series.dates.join(',')).update('\0');
  for (const row of series.values) h.update(row.join(',')).update(';');
  return h.digest('hex').slice(0, 12);
}

/**
 * Build the job of one series; its id carries the fingerprint of the options and rows.
 *
 * @throws Nothing.
 * @example
 * const job = makeScanJob('nightly', 'AAPL', series, { window: 10, epochs: 2 });
 */
export function makeScanJob(scanId: string, name: string, series: Series, options: Partial<PipelineOptions>): ScanJob {
  return { id: scanJobId(scanId, name, jobFingerprint(series, options)), name, series, options };
}

/**
 * Run one job: the pipeline on its rows. A problem with the data (too short, constant, no rows: an
 * InputError) is a failed item with its one-line error, not a throw, so it is not retried.
 *
 * @throws Error for anything else (a bug, out of memory): the queue retries those.
 * @example
 * const item = await runScanJob(job); // item.ok ? item.result.anomalies : item.error
 */
export async function runScanJob(job: ScanJob): Promise<ScanItemResult> {
  const t0 = Date.now();
  try {
    const run = await runPipeline(job.series, job.options);
    run.detector.dispose();
    return { id: job.id, name: job.name, ok: true, result: run.result, seconds: (Date.now() - t0) / 1000 };
  } catch (e) {
    if (!isInputError(e)) throw e;
    return {
      id: job.id,
      name: job.name,
      ok: false,
      error: (e as Error).message.split('\n')[0],
      seconds: (Date.now() - t0) / 1000,
    };
  }
}
