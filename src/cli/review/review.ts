import * as fs from 'fs';
import * as path from 'path';
import { type LabelInterval, parseIntervalCsv, parseNabWindows } from '../../evaluate/labels';
import { reviewFileName } from '../../report/review';
import type { RunResult } from '../../result';
import { InputError } from '../../util/errors';
import { parseFlags } from '../parse';
import { REVIEW_FLAGS } from './review-flags';
import { marksInSpan, matchCounts, spansOf, suggestThreshold, windowEventSpans } from './review-suggest';

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${what}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * A run's `result.json` (the parts review needs: data, config.window, test windows, events).
 *
 * @throws InputError when the folder holds no readable result.json with test windows.
 * @example
 * readRunResult('reports/sp500-2026-12-06').test.length;
 */
export function readRunResult(dir: string): RunResult {
  const file = path.join(dir, 'result.json');
  let r: RunResult;
  try {
    r = JSON.parse(readText(file, 'review')) as RunResult;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: malformed JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (!r?.data?.source || !Array.isArray(r.test) || !r.test.every((w) => typeof w?.mae === 'number' && w.start)) {
    throw new InputError(`${file}: not the result.json of a detect run (needs data and test windows)`);
  }
  return r;
}

/**
 * The marks of one run from a marks file: NAB windows JSON must have a key naming the run's data file (the file
 * name, or a path ending in it), else the file is for another series; a `start,end[,label]` CSV names no series,
 * so each interval must touch the run's span (`data.start .. data.end`).
 *
 * @throws InputError one line: unreadable or malformed, marks for another series, an interval outside the series.
 * @example
 * marksForRun('marks.json', readRunResult('reports/run'));
 */
export function marksForRun(file: string, r: RunResult): LabelInterval[] {
  const text = readText(file, '--labels');
  const name = path.basename(file);
  const series = reviewFileName(r.data.source);
  if (/\.json$/i.test(file) || /^\s*[{[]/.test(text)) {
    const windows = parseNabWindows(text, name);
    const keys = Object.keys(windows).filter((k) => reviewFileName(k) === series);
    if (keys.length !== 1) {
      const has = Object.keys(windows).join(', ') || 'nothing';
      throw new InputError(
        keys.length
          ? `${name}: several keys name ${series} (${keys.join(', ')})`
          : `${name}: marks ${has}, not this run's series ${series}`,
      );
    }
    return windows[keys[0]];
  }
  const marks = parseIntervalCsv(text, name);
  const outside = marks.findIndex((m) => marksInSpan([m], r.data.start, r.data.end).length === 0);
  if (outside >= 0) {
    const m = marks[outside];
    throw new InputError(
      `${name}: interval ${outside + 1} (${m.start} .. ${m.end}) lies outside this run's series ${series} ` +
        `(${r.data.start} .. ${r.data.end}); marks for another series?`,
    );
  }
  return marks;
}

const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');

/**
 * `lstm-anomaly review DIR --labels marks.json`: how the run in DIR scores against a person's marks (exported
 * from its report), and the window threshold whose events would have matched them best, with the `score` command
 * that applies it without retraining (`--apply` runs it, writing a new folder).
 *
 * @throws InputError without DIR or --labels, for a run folder without result.json, or marks of another series.
 * @example
 * await reviewCommand(['reports/run', '--labels', 'marks-run.json']);
 */
export async function reviewCommand(argv: string[]): Promise<void> {
  const dir = argv[0] && !argv[0].startsWith('--') ? argv[0] : undefined;
  if (!dir) throw new InputError('review needs DIR, the output folder of a detect run (see review --help)');
  const f = parseFlags(argv.slice(1), REVIEW_FLAGS);
  if (!f.labels) throw new InputError('review needs --labels FILE (the marks exported from the report)');
  const r = readRunResult(dir);
  const marks = marksForRun(f.labels, r);
  const last = r.test[r.test.length - 1];
  const inSpan = r.test.length ? marksInSpan(marks, r.test[0].start, last.end) : [];
  const spans = spansOf(inSpan);
  const window = Number(r.config.window) || 1;
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const series = reviewFileName(r.data.source);
  const left = marks.length - inSpan.length;
  say(
    `marks: ${path.basename(f.labels)}, ${marks.length} interval${marks.length === 1 ? '' : 's'} for ${series}` +
      (left ? ` (${left} outside the scored span, left out)` : ''),
  );
  const own = matchCounts(spans, spansOf(r.events ?? []));
  say(
    `this run: ${(r.events ?? []).length} events; overlap-segment precision ${f3(own.precision)}, ` +
      `recall ${f3(own.recall)}, F1 ${f3(own.f1)} (tp ${own.tp}, fp ${own.fp}, fn ${own.fn})`,
  );
  const best = suggestThreshold(r.test, spans, window);
  if (!Number.isFinite(best.threshold)) throw new InputError(`${dir}/result.json: no scored windows to threshold`);
  const c = best.counts;
  const current = Number(r.threshold?.value);
  const now = Number.isFinite(current)
    ? `; the run's threshold ${current} gives ${windowEventSpans(r.test, current, window).length} window events, ` +
      `F1 ${f3(matchCounts(spans, windowEventSpans(r.test, current, window)).f1)}`
    : '';
  say(
    `suggested threshold: ${best.threshold} (window MAE): ${best.events} events, F1 ${f3(c.f1)} ` +
      `(tp ${c.tp}, fp ${c.fp}, fn ${c.fn})${now}`,
  );
  say(
    `  best of ${best.candidates} candidates: the distinct window MAEs at 200 evenly spaced quantiles; ` +
      'ties: fewer false positives, then the higher threshold',
  );
  const model = path.join(dir, 'model');
  const csv = f.csv ?? r.data.source;
  const args = ['--model', model, '--csv', csv, '--threshold', String(best.threshold)];
  if (!f.apply) {
    say(`apply it without retraining:\n  lstm-anomaly score ${args.map(quote).join(' ')}`);
    return;
  }
  if (!fs.existsSync(path.join(model, 'model.json'))) throw new InputError(`review --apply: ${model} holds no model`);
  if (!fs.existsSync(csv)) throw new InputError(`review --apply: data ${csv} not found; give --csv PATH`);
  const extra = [...(f.out ? ['--out', f.out] : []), ...(f.force ? ['--force'] : []), ...(f.quiet ? ['--quiet'] : [])];
  await (await import('../score/score')).scoreCommand([...args, ...extra]);
}

/** A shell word: as it is when plain, else single-quoted. */
function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
