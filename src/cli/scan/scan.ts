import * as path from 'path';
import { parseDate } from '../../data/dates';
import type { Series } from '../../data/series';
import { checkModelSize } from '../../detector/limits';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { resolveSpec } from '../../model';
import { parseJobs, parseKeepResults, parseQueueTimeout, parseRecent, scanInputs } from '../../scan/inputs';
import { makeScanJob, type ScanItemResult } from '../../scan/job';
import { scanExitCode, writeScanOutputs } from '../../scan/output';
import { connectQueue, queueFromEnv, redactUrl } from '../../scan/redis-url';
import { InputError, invalid } from '../../util/errors';
import { optionDef } from '../../util/options';
import { today } from '../detect/detect';
import { parseFlags } from '../parse';
import { resolveOptions } from '../resolve';
import { SCAN_FLAGS, type ScanFlags } from './scan-flags';
import { loadScanSeries } from './scan-load';
import { scanOutDir } from './scan-out';
import { ScanProgressView } from './scan-progress';

/** Check the flags that are only read later (per series), so a mistake is one line before any work. */
function checkFlags(f: ScanFlags): void {
  for (const k of ['start', 'end'] as const) {
    const v = f[k];
    if (v !== undefined && (parseDate(v) ?? '').length !== 10) throw invalid(`--${k}`, v, 'a date YYYY-MM-DD');
  }
  for (const k of ['scanId', 'keepResults'] as const) {
    if (f.queue === undefined && f[k] !== undefined) {
      throw new InputError(`--${k === 'scanId' ? 'scan-id' : 'keep-results'} needs --queue`);
    }
  }
  if (f.queue !== undefined && f.jobs !== undefined) {
    throw new InputError('--jobs is for a scan on this machine; with --queue, start workers with --concurrency N');
  }
  if (f.scanId !== undefined && !/^[A-Za-z0-9._-]{1,100}$/.test(f.scanId)) {
    throw invalid('--scan-id', f.scanId, 'letters, digits, . _ - (at most 100)');
  }
}

/** A new scan id: `scan-<date>-<hhmmss>`. */
function newScanId(): string {
  const t = new Date().toTimeString().slice(0, 8).replace(/:/g, '');
  return `scan-${today()}-${t}`;
}

/**
 * `lstm-anomaly scan`: every series of a watchlist through the detect pipeline, on this machine (`--jobs N`) or
 * on workers through Redis (`--queue URL`, default `$LSTM_ANOMALY_QUEUE`, else `$REDIS_URL`, unless `--jobs` is
 * given); writes summary.html/csv/json and one sub-folder per series.
 *
 * @throws InputError for bad flags, inputs, --out or an unreachable --queue (checked before any series loads).
 * @throws Error `queue: Redis at HOST:PORT unreachable for N s; gave up` (exit 1) after `--queue-timeout`.
 * @returns the exit code: 0, or 1 when every series failed.
 * @example
 * const code = await scanCommand(['--csv-dir', 'watchlist', '--epochs', '20']);
 */
export async function scanCommand(argv: string[]): Promise<number> {
  const f = parseFlags(argv, SCAN_FLAGS);
  // the queue from the environment, unless the scan is asked to run here (--jobs)
  const fromEnv = f.queue === undefined && f.jobs === undefined ? queueFromEnv() : undefined;
  if (fromEnv) f.queue = fromEnv.url;
  checkFlags(f);
  const jobs = parseJobs(f.jobs, '--jobs');
  const keepResultsMs = f.keepResults === undefined ? 0 : parseKeepResults(f.keepResults);
  const lostTimeoutMs = parseQueueTimeout(f.queueTimeout ?? String(optionDef(SCAN_FLAGS, 'queueTimeout').default));
  const recentDays = parseRecent(f.recent ?? String(optionDef(SCAN_FLAGS, 'recent').default));
  const { options, preset } = resolveOptions(f);
  const o = new LstmAutoencoderDetector(options).options; // checks window, layers, dropout, loss, threshold ...
  checkModelSize(resolveSpec({ window: o.window, encoder: o.encoder }), o.batchSize);
  const inputs = scanInputs({ tickers: f.tickers, tickersFile: f.tickersFile, csvDir: f.csvDir });
  const given = [f.csvDir, f.tickersFile].filter((p): p is string => p !== undefined);
  const out = scanOutDir(f.out, path.join('reports', `scan-${today()}`), given, f.force);
  const view = new ScanProgressView(f.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines', inputs.length);
  if (f.queue !== undefined) {
    await (await connectQueue(f.queue)).quit();
    view.info(`queue: ${redactUrl(f.queue)}${fromEnv ? ` (from $${fromEnv.from})` : ''}`);
  }
  const loaded = await loadScanSeries(
    inputs,
    f,
    preset?.data,
    (m) => view.info(m),
    (input, error) => {
      if (error) view.info(`${input.name}: failed: ${error}`);
    },
  );
  const scanId = f.scanId ?? (f.queue ? newScanId() : 'local');
  const todo = inputs.filter((i) => loaded.series.has(i.name));
  const scanJobs = todo.map((i) => makeScanJob(scanId, i.name, loaded.series.get(i.name) as Series, options));
  view.info(
    `scan: ${inputs.length} series, ${scanJobs.length} loaded${f.queue ? `, scan id ${scanId}` : `, ${jobs} job(s)`}`,
  );
  const progress = new ScanProgressView(view.mode, inputs.length, loaded.errors.size);
  const onProgress = progress.update.bind(progress);
  const ran: ScanItemResult[] = f.queue
    ? await (await import('../../scan/queue')).scanViaQueue(f.queue, scanJobs, {
        scanId,
        onProgress,
        keepResultsMs,
        lostTimeoutMs,
        onNote: (m) => progress.info(m),
      })
    : await (await import('../../scan/local')).scanLocal(scanJobs, { jobs, onProgress });
  progress.end();
  const byName = new Map(ran.map((r) => [r.name, r]));
  const items = inputs.map(
    (i): ScanItemResult =>
      byName.get(i.name) ?? {
        id: i.name,
        name: i.name,
        ok: false,
        error: loaded.errors.get(i.name) ?? '?',
        seconds: 0,
      },
  );
  const summary = await writeScanOutputs(out, items, loaded.series, recentDays);
  const recent = summary.rows.filter((r) => (r.recentEvents ?? 0) > 0).length;
  view.info(
    `scan: ${summary.total} series, ${summary.total - summary.failed} scanned, ${summary.failed} failed; ` +
      `${recent} with anomalies in the last ${recentDays} days`,
  );
  view.info(`summary: ${path.join(out, 'summary.html')}`);
  if (f.queue && !f.scanId && keepResultsMs)
    view.info(`rerun with --scan-id ${scanId} to reuse the series already done`);
  if (f.quiet) process.stdout.write(`${out}\n`);
  return scanExitCode(summary);
}
