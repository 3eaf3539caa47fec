import * as fs from 'fs';
import * as path from 'path';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { loadAnyDetector } from '../../detector/registry';
import { eventsCsv } from '../../events/csv';
import { explainEvents } from '../../pipeline/event-explain';
import { renderReport } from '../../report/html';
import { flaggedText } from '../../threshold/flagged-text';
import { InputError } from '../../util/errors';
import { dataName, loadData } from '../data';
import { today } from '../detect/detect';
import { eventSummary } from '../detect/events-summary';
import { computeLine } from '../detect/warnings';
import { SCORE_FLAGS } from '../flags';
import { resolveOut, writeOutput } from '../out-dir';
import { parseFlags } from '../parse';
import { Progress } from '../progress';
import { rethreshold } from './rethreshold';
import { scoreRunResult, withModelColumns } from './score-run';

/**
 * `lstm-anomaly score --model DIR`: score a series with a saved model; writes scores.json, anomalies.csv and
 * report.html to a new folder. --out and the whole model are checked before anything is written.
 *
 * @throws InputError without --model, for a bad --out, a malformed model, or bad data.
 * @example
 * await scoreCommand(['--model', 'reports/sp500-2026-01-01/model', '--csv', 'new.csv']);
 */
export async function scoreCommand(argv: string[]): Promise<void> {
  const f = parseFlags(argv, SCORE_FLAGS);
  if (!f.model) throw new InputError('score needs --model DIR (the model/ folder of a detect run)');
  const base = path.join('reports', `${dataName(f)}-score-${today()}`);
  const out = resolveOut(f.out, f.force, base, [f.model, ...(f.csv ? [f.csv] : [])]);
  const progress = new Progress(f.quiet ? 'quiet' : 'lines');
  const detector = await loadAnyDetector(f.model, { backend: f.backend });
  const { series } = await loadData(withModelColumns(f, detector), undefined, (m) => progress.info(m));
  progress.info(`model: ${f.model} (trained on ${String(detector.extra?.source ?? '?')})`);
  if (detector instanceof LstmAutoencoderDetector) progress.info(computeLine(detector.backend, detector.engine));
  else progress.info(`detector: ${detector.kind}`);
  const scores = await detector.score(series);
  // a saved step rule runs again on the scored series (its thresholds are per step, not saved values)
  const saved = detector.fitted().threshold;
  const rule = f.threshold ?? (saved.kind === 'step' ? saved.label() : undefined);
  const re = rule ? rethreshold(detector, scores, f.model, rule, series) : undefined;
  const { windows, anomalies } = re ?? scores;
  const threshold = re?.threshold ?? detector.fitted().threshold.toJSON();
  const result = scoreRunResult(detector, series, scores, f.model);
  if (re) {
    Object.assign(result, { test: re.windows, anomalies: re.anomalies, threshold: re.threshold, events: re.events });
    // explained as detect explains its events; the typical move over all the scored rows (no training part here),
    // the peak ranked among the training-window MAEs saved with the model
    const { scaler } = detector.fitted();
    const ctx = { scores, series, scaler, transform: detector.options.transform, trainRows: series.dates.length };
    explainEvents(result, re.stage, { ...ctx, trainScores: re.trainScores ?? [] });
  }
  await writeOutput(out, 'score', (tmp) => {
    const data = { source: series.source, rows: series.dates.length };
    const scoresJson = { model: f.model, data, threshold, windows, anomalies, ...(re ? { events: re.events } : {}) };
    fs.writeFileSync(path.join(tmp, 'scores.json'), JSON.stringify(scoresJson, null, 1));
    const rows = anomalies.map((a) => `${a.date},${a.value},${a.mae}`);
    fs.writeFileSync(path.join(tmp, 'anomalies.csv'), `${['date,value,mae', ...rows].join('\n')}\n`);
    if (re) fs.writeFileSync(path.join(tmp, 'events.csv'), eventsCsv(re.events));
    fs.writeFileSync(path.join(tmp, 'report.html'), renderReport({ result, series }));
  });
  detector.dispose();
  if (re) {
    // detect's summary: the events, the 3 most severe explained, the threshold's explanation
    progress.info(`threshold ${rule}: re-derived, no training`);
    for (const line of eventSummary(result)) progress.info(line);
  }
  const above = flaggedText(threshold, anomalies.length, windows.length, 'windows');
  progress.info(`${above}; scores: ${path.join(out, 'scores.json')}, report: ${path.join(out, 'report.html')}`);
  if (f.quiet) process.stdout.write(`${out}\n`);
}
