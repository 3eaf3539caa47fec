import * as fs from 'fs';
import * as path from 'path';
import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import { detectorDefaults } from '../../detector/options';
import { type Aggregate, aggregate } from '../../evaluate/aggregate';
import { sharedOptions } from '../../pipeline/compare';
import { DEFAULT_PIPELINE_OPTIONS } from '../../pipeline/options';
import { type EvaluatedFile, evaluationCsv, evaluationHtml } from '../../report/evaluation';
import { stripControl } from '../../util/sanitize';
import { detectorOptions } from '../detect/compare';
import { eventFlags, type ResampleChoice, resampleLine, resolveEventOptions } from '../events-flags';
import { resolveOptions } from '../resolve';
import { evaluateOne, type FileTask } from './evaluate-file';
import type { EvaluateFlags } from './evaluate-flags';
import { planJobs } from './evaluate-jobs';
import { evaluateInChildren } from './evaluate-pool';

/** One detector's evaluation of a folder: the rows of the files that finished, and how it ended. */
export interface EvaluateRun {
  results: EvaluatedFile[];
  agg: Aggregate;
  seconds: number;
  settings: Record<string, unknown>;
  /** The signal that stopped the run early (its rows are the files that finished), if one did. */
  stopped?: NodeJS.Signals;
}

const plural = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

function bar(done: number, total: number, width = 24): string {
  const k = Math.round((done / total) * width);
  return `[${'#'.repeat(k)}${'.'.repeat(width - k)}] ${done}/${total}`;
}

/**
 * Run detection on each file and score it against its labels (in-process, or in `--jobs N` child processes),
 * printing one progress line per file (file names and errors stripped of control characters). `stop` aborts
 * the run: children are stopped first, and the rows of the files that finished are returned with `stopped`.
 *
 * @throws InputError for bad flags; a failing data file is a row with its error instead.
 * @example
 * const run = await runEvaluation('data/nab', files, flags, labelsFile, { compared: false, log, stop });
 */
export async function runEvaluation(
  dir: string,
  files: string[],
  f: EvaluateFlags,
  labelsFile: string | undefined,
  ctx: { compared: boolean; log: (m: string) => void; stop: AbortSignal; manifest?: Map<string, string> },
): Promise<EvaluateRun> {
  const e = eventFlags(f);
  const kind = ctx.compared ? undefined : detectorOptions(f).detector;
  const resolved = resolveOptions(f, kind);
  // evaluate checked that every file has labels (--labels, a UCR name or a Label column): drop the flag check
  const own = resolveEventOptions({ ...f, pointAdjust: undefined }, resolved.options, resolved.preset, kind);
  const options = ctx.compared ? sharedOptions(own) : own;
  const quiet = f.quiet;
  const plan = planJobs(f.jobs, files.length, [String(options.detector ?? DEFAULT_PIPELINE_OPTIONS.detector)]);
  const { jobs } = plan;
  const backend = await useBackend(options.backend ?? DEFAULT_PIPELINE_OPTIONS.backend);
  const { log } = ctx;
  log(
    `evaluate: ${plural(files.length)} under ${stripControl(dir)}, labels ` +
      `${labelsFile ? stripControl(labelsFile) : 'from the file names (UCR) and Label columns (TSB-AD)'}, ` +
      `backend ${backend}, ${plural(jobs)} at once${plan.oneThread ? ' (each training on one thread)' : ''}`,
  );
  const t0 = Date.now();
  const tty = !quiet && process.stderr.isTTY;
  let done = 0;
  const report = (r: EvaluatedFile): void => {
    done++;
    if (tty) process.stderr.write('\r\x1b[2K');
    const c = r.row.counts;
    const outside = r.evaluation?.labelsOutside ? ` (${r.evaluation.labelsOutside} of fn in the training part)` : '';
    const what = c ? `tp ${c.tp} fp ${c.fp} fn ${c.fn}${outside}` : `error: ${stripControl(r.row.error ?? '')}`;
    const rs = r.row.resample ? `  ${resampleLine(r.row.resample as ResampleChoice)}` : '';
    log(`${bar(done, files.length)} ${stripControl(r.row.file)}: ${what}  ${r.row.seconds!.toFixed(1)} s${rs}`);
  };
  const tasks: FileTask[] = files.map((rel) => {
    const trainUntil = ctx.manifest?.get(rel);
    return { dir, rel, labelsFile, options, f, ...(trainUntil !== undefined ? { trainUntil } : {}) };
  });
  let results: EvaluatedFile[];
  if (jobs > 1 && files.length > 1) {
    results = await evaluateInChildren(tasks, plan, backend as BackendChoice, report, ctx.stop);
  } else {
    results = [];
    for (const task of tasks) {
      if (ctx.stop.aborted) break;
      if (tty) process.stderr.write(`\r\x1b[2K${bar(results.length, files.length)} ${stripControl(task.rel)}`);
      const r = await evaluateOne(task);
      results.push(r);
      report(r);
    }
  }
  const settings = {
    dir,
    labels: labelsFile,
    ...(ctx.manifest ? { manifest: Object.fromEntries(ctx.manifest) } : {}),
    resample: e.resample,
    order: e.order ?? 'strict',
    options: {
      ...DEFAULT_PIPELINE_OPTIONS,
      ...detectorDefaults(detectorOptions(f).detector ?? DEFAULT_PIPELINE_OPTIONS.detector),
      ...options,
      ...detectorOptions(f),
    },
  };
  const stopped = ctx.stop.aborted ? (ctx.stop.reason as NodeJS.Signals) : undefined;
  const agg = aggregate(results.map((r) => r.row));
  return { results, agg, seconds: (Date.now() - t0) / 1000, settings, ...(stopped ? { stopped } : {}) };
}

/**
 * Write evaluation.json, evaluation.csv and evaluation.html of a run into a folder (created when missing).
 *
 * @throws Error when the folder cannot be written.
 * @example
 * writeEvaluation(tmp, run);
 */
export function writeEvaluation(dir: string, run: EvaluateRun): void {
  const { results, agg, seconds, settings } = run;
  fs.mkdirSync(dir, { recursive: true });
  const json = {
    settings,
    ...(run.stopped ? { stopped: run.stopped } : {}),
    meanF1: agg.meanF1,
    averaged: agg.averaged,
    measures: agg.measures,
    subsets: agg.subsets,
    seconds,
    files: results.map((r) => ({
      ...r.row,
      events: r.events?.length,
      labels: r.labels?.length,
      pointwise: r.evaluation?.pointwise,
      aucPr: r.evaluation?.aucPr,
      epochs: r.epochs,
      ...(r.trainEnd !== undefined ? { trainEnd: r.trainEnd } : {}),
    })),
  };
  fs.writeFileSync(path.join(dir, 'evaluation.json'), JSON.stringify(json, null, 1));
  fs.writeFileSync(path.join(dir, 'evaluation.csv'), evaluationCsv(results));
  fs.writeFileSync(path.join(dir, 'evaluation.html'), evaluationHtml(results, agg, settings, seconds));
}

/**
 * The lines closing a run: each sub-folder's counts and F1, then the mean F1, the time and where the page is.
 *
 * @throws never.
 * @example
 * for (const line of summaryLines(run, 'reports/evaluation-2026-12-02')) console.error(line);
 */
export function summaryLines(run: EvaluateRun, out: string): string[] {
  const { agg, seconds } = run;
  const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');
  return [
    ...agg.subsets.map(
      (s) =>
        `${stripControl(s.subset).padEnd(24)} files ${s.files} failed ${s.failed}  tp ${s.tp} fp ${s.fp} fn ${s.fn}` +
        `  F1 ${f3(s.f1)}`,
    ),
    `mean F1 over ${agg.averaged.length} sub-folders: ${f3(agg.meanF1)}; ${seconds.toFixed(0)} s ` +
      `(${(seconds / Math.max(1, agg.files.length)).toFixed(1)} s per file); ` +
      `${stripControl(path.join(out, 'evaluation.html'))}`,
  ];
}
