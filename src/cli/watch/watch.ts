import * as fs from 'fs';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { followFile, streamLines } from '../../scan/follow';
import { parseRefitEvery } from '../../scan/refit';
import type { RefitLine, RefitPlan } from '../../scan/refit-run';
import { type WatchEvent, watchLines } from '../../scan/watch';
import { InputError } from '../../util/errors';
import { parseFlags } from '../parse';
import { WATCH_FLAGS } from '../scan/scan-flags';
import { refitPlan } from './refit-flags';

/**
 * `lstm-anomaly watch --model DIR [--follow FILE]`: score each new complete window of a live feed (CSV lines on
 * stdin, or a file that grows) with a saved model and print one JSON line on stdout when an anomaly run starts
 * or ends (`{"type":"start","date":...,"score":...}`). Ends at the end of stdin, or on Ctrl-C / SIGTERM. A
 * followed file is followed by name, as `tail -F` does: a truncated or rotated file is read again from its start
 * (its header line skipped), with one line on stderr per such change.
 *
 * @throws InputError without --model, for a --follow file that does not exist, for a bad model, or a row that does
 *   not parse or goes back in time.
 * @returns 0 when the feed ends or is stopped.
 * @example
 * await watchCommand(['--model', 'reports/sp500-2026-12-02/model', '--follow', 'live.csv']);
 */
export async function watchCommand(argv: string[]): Promise<number> {
  const f = parseFlags(argv, WATCH_FLAGS);
  if (f.model === undefined) throw new InputError('watch needs --model DIR (the model/ folder of a detect run)');
  if (f.follow !== undefined && !fs.existsSync(f.follow)) {
    throw new InputError(`--follow: ${f.follow}: no such file (create it, header line first, then start watch)`);
  }
  if ((f.refitWindow !== undefined || f.refitEpochs !== undefined) && f.refitEvery === undefined) {
    throw new InputError('--refit-window and --refit-epochs need --refit-every');
  }
  const every = f.refitEvery === undefined ? null : parseRefitEvery(f.refitEvery);
  const detector = await LstmAutoencoderDetector.load(f.model, { backend: f.backend });
  const rule = detector.fitted().threshold;
  if (rule.kind === 'step') {
    detector.dispose();
    throw new InputError(
      `${f.model}: threshold ${rule.label()} is a per-step rule, derived over a whole scored span; watch flags ` +
        'each window as it completes: save a model with a window rule (detect --threshold p95)',
    );
  }
  let plan: RefitPlan | undefined;
  try {
    plan = every ? refitPlan(every, f, detector) : undefined;
  } catch (e) {
    detector.dispose();
    throw e;
  }
  const ac = new AbortController();
  const stdin = f.follow === undefined ? streamLines(process.stdin) : null;
  const lines =
    stdin ?? followFile(f.follow!, { signal: ac.signal, onNote: (m) => process.stderr.write(`watch: ${m}\n`) });
  const stop = () => {
    ac.abort();
    stdin?.close();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const o = detector.options;
  const threshold = detector.fitted().threshold.toJSON().value;
  process.stderr.write(
    `watch: ${f.follow ?? 'stdin'} with ${f.model} (window ${o.window}, ${o.transform}, threshold ` +
      `${threshold.toPrecision(4)}); Ctrl-C stops\n`,
  );
  let last = detector;
  try {
    const print = (e: WatchEvent | RefitLine) => process.stdout.write(`${JSON.stringify(e)}\n`);
    const refit = plan ? { plan, onRefit: print } : undefined;
    const res = await watchLines(detector, lines, print, undefined, f.follow ?? 'stdin', refit);
    last = res.detector;
    const refits = plan ? `, ${res.refits} refits` : '';
    process.stderr.write(`watch: ${res.rows} rows, ${res.events} events${refits}\n`);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    last.dispose();
  }
  return 0;
}
