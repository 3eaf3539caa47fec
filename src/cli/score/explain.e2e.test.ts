import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';
import { EXPLAIN_COLUMNS } from '../../events/csv';
import { escapeHtml } from '../../report/escape';

// `score --threshold` explains its events as detect does (issue 26): the same figures from the same functions,
// the typical move measured over all the scored rows (a score run has no training part), the peak ranked among
// the training-window MAEs saved with the model.
const work = tempDir('lstm-anomaly-score-explain-');
const run = (args: string[]) => runCliSync(args, work);

// 200 daily rows wiggling 0.5% around 100, a 10% drop over 3 steps (rows 170..172), then wiggling around 90
const value = (i: number): number =>
  i < 170
    ? 100 * (1 + 0.005 * Math.sin(i))
    : i < 173
      ? 100 * [0.97, 0.94, 0.9][i - 170]
      : 90 * (1 + 0.005 * Math.sin(i));
const dates = Array.from({ length: 200 }, (_, i) =>
  new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10),
);
const x = dates.map((_, i) => value(i));
const CSV = path.join(work, 'drop.csv');
fs.writeFileSync(CSV, `${['Date,close', ...dates.map((d, i) => `${d},${x[i]}`)].join('\n')}\n`);
const median = (a: number[]): number => {
  const s = a.slice().sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const detected = run(['--csv', CSV, '--detector', 'pca', '--window', '5', '--threshold', '3sigma', '--out', 'd']);
const readJson = (...p: string[]) => JSON.parse(fs.readFileSync(path.join(work, ...p), 'utf8'));

test('score --threshold 3sigma: the drop event explained, each figure a known number', () => {
  assert.equal(detected.code, 0, detected.err);
  const r = run(['score', '--model', 'd/model', '--csv', CSV, '--threshold', '3sigma', '--out', 's']);
  assert.equal(r.code, 0, r.err);
  const s = readJson('s', 'scores.json');
  const train: number[] = readJson('d', 'model', 'train-scores.json').mae;
  const drop = s.events.find((e: { start: string; end: string }) => e.start <= dates[170] && e.end >= dates[172]);
  assert.ok(drop, JSON.stringify(s.events));
  const ex = drop.explained;
  const m = ex.move;
  // the largest relative change between two raw rows of the event (one row earlier: logret steps are moves)
  const lo = dates.indexOf(drop.start) - 1;
  const hi = dates.indexOf(drop.end);
  let best = { i: -1, j: -1, size: -1 };
  for (let i = lo; i < hi; i++)
    for (let j = i + 1; j <= hi; j++)
      if (Math.abs(x[j] / x[i] - 1) > best.size) best = { i, j, size: Math.abs(x[j] / x[i] - 1) };
  assert.deepEqual(
    [m.column, m.fromDate, m.toDate, m.from, m.to],
    ['close', dates[best.i], dates[best.j], x[best.i], x[best.j]],
  );
  assert.equal(m.steps, best.j - best.i);
  assert.equal(m.relative, x[best.j] / x[best.i] - 1);
  assert.ok(Math.abs(m.relative + 0.1) < 0.006, `about the 10% drop: ${m.relative}`);
  // the usual move of as many steps: the median over all 200 scored rows
  const k = m.steps;
  const typical = median(x.slice(0, 200 - k).map((v, t) => Math.abs(x[t + k] / v - 1)));
  assert.deepEqual([m.typical, m.typicalSteps], [typical, k]);
  assert.equal(ex.moveMultiple, Math.abs(m.relative) / typical);
  // rank among the saved training-window MAEs: the calibrated score
  const below = train.filter((v) => v < drop.peakScore).length;
  const ties = train.filter((v) => v === drop.peakScore).length;
  assert.deepEqual(ex.trainRank, { below, ties, of: train.length });
  assert.equal(ex.calibrated, below / train.length);
  assert.equal(ex.errorVsThreshold, drop.peakScore / s.threshold.value);
  assert.equal(ex.steps, drop.endIndex - drop.startIndex + 1);
  assert.equal(ex.expected.date, drop.peak);
  assert.equal(ex.expected.actual, x[dates.indexOf(drop.peak)]);
  // the same rank, calibrated score and expected value as detect's event over the drop (same model, same peak)
  const d = readJson('d', 'result.json').events.find((e: { peak: string }) => e.peak === drop.peak);
  assert.ok(d, 'detect has an event with the same peak');
  assert.deepEqual([d.explained.trainRank, d.explained.calibrated], [ex.trainRank, ex.calibrated]);
  assert.deepEqual(d.explained.expected, ex.expected);
  assert.equal(d.peakScore, drop.peakScore);
  assert.match(
    drop.explanation,
    new RegExp(
      `^close fell 10\\.\\d% in ${k} days \\(.*\\), [\\d.]+x the usual ${k}-day move; error [\\d.]+x the threshold`,
    ),
  );
  // events.csv, the CLI summary and the report carry the same sentence
  const csv = fs
    .readFileSync(path.join(work, 's', 'events.csv'), 'utf8')
    .trim()
    .split('\n');
  assert.ok(csv[0].endsWith(EXPLAIN_COLUMNS.join(',')), csv[0]);
  const row = csv.find((l) => l.startsWith(`${drop.start},${drop.end},`))!;
  assert.ok(row.includes(`,${Number(ex.calibrated.toPrecision(6))},${below},${ties},${train.length},`), row);
  assert.ok(row.endsWith(`"${drop.explanation}"`), row);
  assert.ok(r.err.includes(`  ${drop.start} .. ${drop.end}: ${drop.explanation}\n`), r.err);
  assert.ok(fs.readFileSync(path.join(work, 's', 'report.html'), 'utf8').includes(escapeHtml(drop.explanation)));
});

test('score --threshold window-sigma: step events explained too, ranked among the saved training MAEs', () => {
  assert.equal(detected.code, 0, detected.err);
  const r = run(['score', '--model', 'd/model', '--csv', CSV, '--threshold', 'window-sigma:3', '--out', 'w']);
  assert.equal(r.code, 0, r.err);
  const s = readJson('w', 'scores.json');
  const train: number[] = readJson('d', 'model', 'train-scores.json').mae;
  assert.ok(s.events.length >= 1);
  for (const e of s.events) {
    assert.equal(e.explained.trainRank.of, train.length);
    assert.match(e.explanation, /training windows/);
  }
});
