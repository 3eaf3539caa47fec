import * as fs from 'fs';
import * as path from 'path';
import { readManifest } from '../../data/formats/manifest';
import type { Aggregate, FileRow } from '../../evaluate/aggregate';
import { POINT_ADJUST_WARNING } from '../../evaluate/point-adjust';
import { DEFAULT_PIPELINE_OPTIONS } from '../../pipeline/options';
import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import { compareFlag, detectorOptions } from '../detect/compare';
import { today } from '../detect/detect';
import { eventFlags, resolveEventOptions } from '../events-flags';
import { checkLabelsFile } from '../labels';
import { resolveOut, writeOutput } from '../out-dir';
import { parseFlags } from '../parse';
import { resolveOptions } from '../resolve';
import { compareEvaluate, type DetectorEvaluation } from './compare-evaluate';
import { checkEvaluatedFiles } from './evaluate-check';
import { EVALUATE_FLAGS } from './evaluate-flags';
import { evaluatedFilesUnder, fileFormat } from './evaluate-formats';
import { planJobs } from './evaluate-jobs';
import { type EvaluateRun, runEvaluation, summaryLines, writeEvaluation } from './evaluate-run';

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

/**
 * Stop a run on SIGINT or SIGTERM: the first signal aborts (children stop, the finished files are written, the
 * exit code is 130 or 143); a second one exits at once. In-process (`--jobs 1`) the file in hand cannot be cut
 * short, and the message says so. Returns the abort signal and a function removing the handlers.
 */
function stopOnSignals(inProcess: boolean): { stop: AbortSignal; release: () => void } {
  const ac = new AbortController();
  const on = (sig: NodeJS.Signals): void => {
    if (ac.signal.aborted) process.exit(sig === 'SIGINT' ? 130 : 143);
    const when = inProcess ? ' after the file in hand (a second signal stops at once, writing nothing)' : '';
    process.stderr.write(`\n${sig}: stopping${when}; writing the files that finished\n`);
    ac.abort(sig);
  };
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, on);
  return { stop: ac.signal, release: () => ['SIGINT', 'SIGTERM'].forEach((s) => process.off(s, on)) };
}

/**
 * Refuse a run whose every file failed: exit 1 with the count and the first error; nothing is written.
 *
 * @throws Error when no file of any run gave counts (and the runs were not stopped early).
 */
function checkSomeFinished(runs: EvaluateRun[]): void {
  const rows = runs.flatMap((r) => r.results.map((x) => x.row));
  if (runs.some((r) => r.stopped) || rows.length === 0 || rows.some((r) => r.counts)) return;
  const first = rows[0];
  throw new Error(
    `evaluate: every file failed (${rows.length} of ${rows.length}); nothing written; first: ` +
      `${stripControl(first.file)}: ${stripControl(first.error ?? '')}`,
  );
}

/**
 * `lstm-anomaly evaluate DIR --labels windows.json [detect flags]`: run detection on every CSV under DIR and
 * score each against its labels; writes evaluation.json, evaluation.csv and evaluation.html (with `--compare`,
 * one such folder per detector and the comparison) into a new folder, checked before any work.
 *
 * @throws InputError without DIR or --labels, for bad flags, a bad label file or --out (before any work); Error
 * when every file failed (nothing is written then). A failing data file is otherwise a row with its error.
 * @example
 * await evaluateCommand(['data/nab', '--labels', 'data/nab/windows.json', '--fit', 'all']);
 */
export async function evaluateCommand(argv: string[]): Promise<Aggregate> {
  return (await evaluate(argv)).agg;
}

/**
 * `evaluate DIR --compare A,B,.. [flags]` as {@link evaluateCommand} runs it, returning each detector's evaluation
 * (for the bench).
 *
 * @throws InputError without --compare, and as {@link evaluateCommand}.
 * @example
 * const rows = await evaluateCompared(['data/nab', '--labels', 'w.json', '--compare', 'lstm,pca', '--fit', 'all']);
 */
export async function evaluateCompared(argv: string[]): Promise<DetectorEvaluation[]> {
  const r = await evaluate(argv);
  if (!r.compared) throw new InputError('evaluateCompared needs --compare A,B,..');
  return r.compared;
}

async function evaluate(argv: string[]): Promise<{ agg: Aggregate; compared?: DetectorEvaluation[] }> {
  const dir = argv[0] && !argv[0].startsWith('--') ? argv[0] : undefined;
  const f = parseFlags(dir ? argv.slice(1) : argv, EVALUATE_FLAGS);
  if (!dir) throw new InputError('evaluate needs a folder: lstm-anomaly evaluate DIR --labels windows.json');
  const kinds = compareFlag(f);
  const labels = f.labels;
  const { files, skipped } = evaluatedFilesUnder(dir);
  const plain = files.filter((r) => fileFormat(r) === 'csv');
  if (!labels && plain.length > 0) {
    throw new InputError(
      `evaluate needs --labels FILE (NAB windows JSON keyed by file) for ${plain.length === 1 ? 'a CSV file' : `${plain.length} CSV files`} ` +
        `without labels of ${plain.length === 1 ? 'its' : 'their'} own (not a UCR or TSB-AD name), e.g. ${stripControl(plain[0])}`,
    );
  }
  const unmatched = labels ? checkLabelsFile(labels, files) : [];
  const manifestFile = f.manifest;
  const manifest = manifestFile
    ? { name: stripControl(path.basename(manifestFile)), ends: readManifest(manifestFile) }
    : undefined;
  const base = path.join('reports', `evaluation${kinds ? '-compare' : ''}-${today()}`);
  const inputs = [dir, ...(labels ? [labels] : []), ...(manifestFile ? [manifestFile] : [])];
  const out = resolveOut(f.out, f.force, base, inputs, [dir]);
  const resolved = resolveOptions(f);
  // every file has labels here (--labels, a UCR name or a Label column): --point-adjust needs no --labels flag
  const fitAll = resolveEventOptions({ ...f, pointAdjust: undefined }, resolved.options, resolved.preset).fit === 'all';
  const note = checkEvaluatedFiles(dir, files, f, labels, manifest, fitAll);
  const log = (m: string): void => {
    if (!f.quiet) process.stderr.write(`${m}\n`);
  };
  if (unmatched.length > 0) {
    const shown = unmatched.slice(0, 5).join(', ') + (unmatched.length > 5 ? `, ... (${unmatched.length})` : '');
    process.stderr.write(
      `warning: --labels ${stripControl(labels ?? '')}: ${unmatched.length === 1 ? '1 key matches' : `${unmatched.length} keys match`} ` +
        `no CSV file under ${stripControl(dir)}: ${stripControl(shown)}\n`,
    );
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 3).join(', ') + (skipped.length > 3 ? `, ... (${skipped.length})` : '');
    process.stderr.write(
      `note: skipped ${skipped.length} .txt file(s) whose names are not UCR names ` +
        `(NNN_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt): ${stripControl(shown)}\n`,
    );
  }
  if (note) process.stderr.write(`${note}\n`);
  if (eventFlags(f).pointAdjust) process.stderr.write(`warning: ${POINT_ADJUST_WARNING}\n`);
  // a first signal waits for the file in hand when every run is in this process
  const detectors = kinds ?? [String(detectorOptions(f).detector ?? DEFAULT_PIPELINE_OPTIONS.detector)];
  const inProcess = detectors.every((k) => planJobs(f.jobs, files.length, [k]).jobs <= 1);
  const { stop, release } = stopOnSignals(inProcess);
  try {
    if (kinds) {
      const compared = await compareEvaluate(dir, files, f, labels, kinds, out, {
        log,
        stop,
        check: checkSomeFinished,
        manifest: manifest?.ends,
      });
      if (f.quiet) process.stdout.write(`${out}\n`);
      return { agg: compared[0].agg, compared };
    }
    const run = await runEvaluation(dir, files, f, labels, { compared: false, log, stop, manifest: manifest?.ends });
    checkSomeFinished([run]);
    if (run.results.length > 0) await writeOutput(out, 'evaluate', (tmp) => writeEvaluation(tmp, run));
    for (const line of summaryLines(run, out)) log(line);
    if (run.stopped) process.exit(run.stopped === 'SIGINT' ? 130 : 143);
    if (f.quiet) process.stdout.write(`${out}\n`);
    return { agg: run.agg };
  } finally {
    release();
  }
}

export type { FileRow };
