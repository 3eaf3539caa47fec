import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';

// `--detector dense` on a table without time order: rows of two sensor columns on the line detector = power / 10,
// one row (day 190) far off it. Its own defaults read each row alone (window 1, no transform).
const work = tempDir('lstm-anomaly-dense-');
const run = (args: string[]) => runCliSync(args, work);
const rows = Array.from({ length: 200 }, (_, i) => {
  const d = new Date(Date.UTC(2016, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  const power = 90 + ((i * 37) % 20);
  const detector = i === 190 ? 3 : power / 10 + 0.05 * Math.sin(i);
  return `${d},${power},${detector.toFixed(3)}`;
});
const CSV = path.join(work, 'sensors.csv');
fs.writeFileSync(CSV, `${['Date,Power,Detector', ...rows].join('\n')}\n`);
const FLAGS = ['--csv', CSV, '--value-col', 'Power,Detector', '--detector', 'dense', '--backend', 'cpu'];
const trained = run([...FLAGS, '--epochs', '60', '--learning-rate', '0.01', '--seed', '3', '--out', 'run']);

test('detect --detector dense: window 1 and no transform by default; the odd row scores highest', () => {
  assert.equal(trained.code, 0, trained.err);
  const result = JSON.parse(fs.readFileSync(path.join(work, 'run', 'result.json'), 'utf8'));
  assert.deepEqual([result.config.detector, result.config.window, result.config.transform], ['dense', 1, 'none']);
  assert.equal(result.test.length, 40, 'one window per test row');
  assert.equal(result.training.epochs, 60);
  assert.equal(result.training.parameters, 125);
  const top = result.test.reduce((b: { mae: number }, w: { mae: number }) => (w.mae > b.mae ? w : b));
  assert.deepEqual([top.end, top.anomaly], ['2016-07-09', true]);
  assert.match(trained.err, /trained 60 epochs/);
});

test('score --model on the saved dense model gives the detect run its own scores', () => {
  const r = run(['score', '--model', path.join('run', 'model'), '--csv', CSV, '--out', 'scored', '--backend', 'cpu']);
  assert.equal(r.code, 0, r.err);
  const scored = JSON.parse(fs.readFileSync(path.join(work, 'scored', 'scores.json'), 'utf8'));
  const result = JSON.parse(fs.readFileSync(path.join(work, 'run', 'result.json'), 'utf8'));
  const byEnd = new Map(scored.windows.map((w: { end: string; mae: number }) => [w.end, w.mae]));
  assert.equal(scored.windows.length, 200);
  for (const w of result.test) assert.equal(byEnd.get(w.end), w.mae, w.end);
});

test('score on a malformed dense model: exit 2, one line naming model.json, no output', () => {
  const dir = path.join(work, 'bad-model');
  fs.cpSync(path.join(work, 'run', 'model'), dir, { recursive: true });
  const file = path.join(dir, 'model.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  json.model.autoencoder.weights[0].shape = [2, 11];
  fs.writeFileSync(file, JSON.stringify(json));
  const before = fs.readdirSync(work).sort();
  const r = run(['score', '--model', dir, '--csv', CSV, '--out', 'out-bad', '--backend', 'cpu']);
  assert.equal(r.code, 2, r.err);
  assert.equal(r.err.trim().split('\n').length, 1, r.err);
  assert.match(
    r.err,
    /model\.json: invalid dense model: weight dense_0\/kernel: shape \[2,11\], the spec needs \[2,10\]/,
  );
  assert.doesNotMatch(r.err, /\n\s+at /);
  assert.deepEqual(fs.readdirSync(work).sort(), before);
});
