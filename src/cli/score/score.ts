import * as fs from 'fs';
import * as path from 'path';
import { rowCount } from '../../data/series';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { loadAnyDetector } from '../../detector/registry';
import { eventsCsv } from '../../events/csv';
import { renderReport } from '../../report/html';
import { writeJsonFile } from '../../report/json-file';
import { reportSeries } from '../../report/light-series';
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
import { withModelColumns } from './score-run';
import { scoreSeries } from './score-series';

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
  const { result, windows, anomalies, threshold, rule, re } = await scoreSeries(detector, series, f.model, f.threshold);
  await writeOutput(out, 'score', (tmp) => {
    const data = { source: series.source, rows: rowCount(series) };
    const scoresJson = { model: f.model, data, threshold, windows, anomalies, ...(re ? { events: re.events } : {}) };
    writeJsonFile(path.join(tmp, 'scores.json'), scoresJson); // the bytes of JSON.stringify(scoresJson, null, 1)
    const rows = anomalies.map((a) => `${a.date},${a.value},${a.mae}`);
    fs.writeFileSync(path.join(tmp, 'anomalies.csv'), `${['date,value,mae', ...rows].join('\n')}\n`);
    if (re) fs.writeFileSync(path.join(tmp, 'events.csv'), eventsCsv(re.events));
    fs.writeFileSync(path.join(tmp, 'report.html'), renderReport({ result, series: reportSeries(series, result) }));
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
