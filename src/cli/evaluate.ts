import * as fs from 'fs';
import * as path from 'path';
import { useBackend } from '../backend/active';
import type { BackendChoice } from '../backend/select';
import { detectorDefaults } from '../detector/options';
import { type Aggregate, aggregate, type FileRow } from '../evaluate/aggregate';
import { POINT_ADJUST_WARNING } from '../evaluate/point-adjust';
import { sharedOptions } from '../pipeline/compare';
import { DEFAULT_PIPELINE_OPTIONS } from '../pipeline/options';
import { type EvaluatedFile, evaluationCsv, evaluationHtml } from '../report/evaluation';
import { writeDirAtomic } from '../util/atomic';
import { InputError } from '../util/errors';
import { compareFlag, detectorOptions } from './compare';
import { compareEvaluate } from './compare-evaluate';
import { today } from './detect';
import { evaluateOne, type FileTask } from './evaluate-file';
import { EVALUATE_FLAGS } from './evaluate-flags';
import { evaluateInChildren } from './evaluate-pool';
import { eventFlags, resolveEventOptions } from './events-flags';
import { parseFlags } from './parse';
import { resolveOptions } from './resolve';

/**
 * Every CSV file under a folder, as paths relative to it with `/` separators, sorted.
 *
 * @throws InputError when the folder does not exist or holds no CSV file.
 * @example
 * csvFilesUnder('data/nab'); // ['realKnownCause/nyc_taxi.csv', ...]
 */
export function csvFilesUnder(dir: string): string[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`evaluate: no folder ${dir}`);
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const isDir = e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, r)).isDirectory());
      if (isDir) walk(r);
      else if (/\.csv$/i.test(e.name)) out.push(r);
    }
  };
  walk('');
  if (out.length === 0) throw new InputError(`evaluate: no CSV files under ${dir}`);
  return out.sort();
}

const plural = (n: number): string => `${n} file${n === 1 ? '' : 's'}`;

function bar(done: number, total: number, width = 24): string {
  const k = Math.round((done / total) * width);
  return `[${'#'.repeat(k)}${'.'.repeat(width - k)}] ${done}/${total}`;
}

/**
 * `lstm-anomaly evaluate DIR --labels windows.json [detect flags]`: run detection on every CSV under DIR and
 * score each against its labels; writes evaluation.json, evaluation.csv and evaluation.html.
 *
 * @throws InputError without DIR or --labels, for bad flags or an unreadable label file; a failing data file is
 * a row with its error instead.
 * @example
 * await evaluateCommand(['data/nab', '--labels', 'data/nab/windows.json', '--fit', 'all']);
 */
export async function evaluateCommand(argv: string[], ctx: { compared?: boolean } = {}): Promise<Aggregate> {
  const dir = argv[0] && !argv[0].startsWith('--') ? argv[0] : undefined;
  const f = parseFlags(dir ? argv.slice(1) : argv, EVALUATE_FLAGS);
  if (!dir) throw new InputError('evaluate needs a folder: lstm-anomaly evaluate DIR --labels windows.json');
  const kinds = compareFlag(f);
  // one detector of `--compare`: the options some detector defaults differently are shared (sharedOptions)
  if (kinds) return (await compareEvaluate(argv, kinds, (a) => evaluateCommand(a, { compared: true })))[0].agg;
  const e = eventFlags(f);
  if (!e.labels) throw new InputError('evaluate needs --labels FILE (NAB windows JSON keyed by file)');
  if (!fs.existsSync(e.labels)) throw new InputError(`--labels: cannot read ${e.labels} (ENOENT)`);
  const resolved = resolveOptions(f, ctx.compared ? undefined : detectorOptions(f).detector);
  const own = resolveEventOptions(f, resolved.options, resolved.preset);
  const options = ctx.compared ? sharedOptions(own) : own;
  const files = csvFilesUnder(dir);
  const quiet = (f as { quiet?: boolean }).quiet;
  const log = (m: string): void => {
    if (!quiet) process.stderr.write(`${m}\n`);
  };
  const jobs = (f as { jobs?: number }).jobs ?? 1;
  const backend = await useBackend(options.backend ?? DEFAULT_PIPELINE_OPTIONS.backend);
  log(
    `evaluate: ${files.length} CSV files under ${dir}, labels ${e.labels}, backend ${backend}, ${plural(jobs)} at once`,
  );
  if (e.pointAdjust) process.stderr.write(`warning: ${POINT_ADJUST_WARNING}\n`);
  const t0 = Date.now();
  const tty = !quiet && process.stderr.isTTY;
  let done = 0;
  const report = (r: EvaluatedFile): void => {
    done++;
    if (tty) process.stderr.write('\r\x1b[2K');
    const c = r.row.counts;
    log(
      `${bar(done, files.length)} ${r.row.file}: ${c ? `tp ${c.tp} fp ${c.fp} fn ${c.fn}` : `error: ${r.row.error}`}` +
        `${r.evaluation?.labelsOutside ? ` (${r.evaluation.labelsOutside} of fn in the training part)` : ''}` +
        `  ${r.row.seconds!.toFixed(1)} s`,
    );
  };
  const tasks: FileTask[] = files.map((rel) => ({ dir, rel, labelsFile: e.labels!, options, f }));
  let results: EvaluatedFile[];
  if (jobs > 1 && files.length > 1) {
    results = await evaluateInChildren(tasks, jobs, backend as BackendChoice, report);
  } else {
    results = [];
    for (const task of tasks) {
      if (tty) process.stderr.write(`\r\x1b[2K${bar(results.length, files.length)} ${task.rel}`);
      const r = await evaluateOne(task);
      results.push(r);
      report(r);
    }
  }
  const agg = aggregate(results.map((r) => r.row));
  const seconds = (Date.now() - t0) / 1000;
  const out = (f as { out?: string }).out ?? path.join('reports', `evaluation-${today()}`);
  const settings = {
    dir,
    labels: e.labels,
    resample: e.resample,
    order: e.order ?? 'strict',
    options: {
      ...DEFAULT_PIPELINE_OPTIONS,
      ...detectorDefaults(detectorOptions(f).detector ?? DEFAULT_PIPELINE_OPTIONS.detector),
      ...options,
      ...detectorOptions(f),
    },
  };
  await writeDirAtomic(out, (tmp) => {
    const json = {
      settings,
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
      })),
    };
    fs.writeFileSync(path.join(tmp, 'evaluation.json'), JSON.stringify(json, null, 1));
    fs.writeFileSync(path.join(tmp, 'evaluation.csv'), evaluationCsv(results));
    fs.writeFileSync(path.join(tmp, 'evaluation.html'), evaluationHtml(results, agg, settings, seconds));
  });
  for (const s of agg.subsets) {
    log(
      `${s.subset.padEnd(24)} files ${s.files} failed ${s.failed}  tp ${s.tp} fp ${s.fp} fn ${s.fn}  F1 ` +
        `${Number.isFinite(s.f1) ? s.f1.toFixed(3) : '-'}`,
    );
  }
  log(
    `mean F1 over ${agg.averaged.length} sub-folders: ${Number.isFinite(agg.meanF1) ? agg.meanF1.toFixed(3) : '-'}; ` +
      `${seconds.toFixed(0)} s (${(seconds / files.length).toFixed(1)} s per file); ${path.join(out, 'evaluation.html')}`,
  );
  if (quiet) process.stdout.write(`${out}\n`);
  return agg;
}

export type { FileRow };
