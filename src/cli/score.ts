import * as fs from 'fs';
import * as path from 'path';
import { LstmAutoencoderDetector } from '../detector/detector';
import { writeDirAtomic } from '../util/atomic';
import { InputError } from '../util/errors';
import { loadData } from './data';
import { today } from './detect';
import { SCORE_FLAGS } from './flags';
import { parseFlags } from './parse';
import { Progress } from './progress';
import { rethreshold } from './rethreshold';
import { eventsCsv } from '../events/csv';

/**
 * `lstm-anomaly score --model DIR`: score a series with a saved model; writes scores.json and anomalies.csv.
 *
 * @throws InputError without --model, or for bad data.
 * @example
 * await scoreCommand(['--model', 'reports/sp500-2026-01-01/model', '--csv', 'new.csv']);
 */
export async function scoreCommand(argv: string[]): Promise<void> {
  const f = parseFlags(argv, SCORE_FLAGS);
  if (!f.model) throw new InputError('score needs --model DIR (the model/ folder of a detect run)');
  const progress = new Progress(f.quiet ? 'quiet' : 'lines');
  const detector = await LstmAutoencoderDetector.load(f.model, { backend: f.backend });
  const { series, name } = await loadData(f, undefined, (m) => progress.info(m));
  progress.info(`model: ${f.model} (trained on ${String(detector.extra?.source ?? '?')}), backend ${detector.backend}`);
  const scored = await detector.score(series);
  const rule = (f as { threshold?: string }).threshold;
  const re = rule ? rethreshold(detector, scored, f.model, rule, series) : undefined;
  const { windows, anomalies } = re ?? scored;
  const threshold = re?.threshold ?? detector.fitted().threshold.toJSON();
  const out = f.out ?? path.join('reports', `${name}-score-${today()}`);
  await writeDirAtomic(out, (tmp) => {
    fs.writeFileSync(path.join(tmp, 'scores.json'), JSON.stringify({ model: f.model, data: { source: series.source, rows: series.dates.length }, threshold, windows, anomalies, ...(re ? { events: re.events } : {}) }, null, 1));
    if (re) fs.writeFileSync(path.join(tmp, 'events.csv'), eventsCsv(re.events));
    fs.writeFileSync(path.join(tmp, 'anomalies.csv'), ['date,value,mae', ...anomalies.map((a) => `${a.date},${a.value},${a.mae}`)].join('\n') + '\n');
  });
  detector.dispose();
  if (re) progress.info(`threshold ${rule} (re-derived, no training): ${re.threshold.explanation}; ${re.events.length} events`);
  progress.info(`${anomalies.length} of ${windows.length} windows above ${threshold.value.toPrecision(4)}; scores: ${path.join(out, 'scores.json')}`);
  if (f.quiet) process.stdout.write(`${out}\n`);
}
