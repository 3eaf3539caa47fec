import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';

// Real CLI runs of `detect --init-from`: a warm start from a saved model, and its refusals (exit 2, one line).
const work = tempDir('lstm-anomaly-init-');
const TINY = ['--window', '10', '--units', '8', '--backend', 'cpu', '--patience', '0', '--seed', '5'];
const run = (args: string[]) => runCliSync(args, work);
const rows = Array.from({ length: 120 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6)).toFixed(3)}`;
});
const CSV = path.join(work, 'p.csv');
fs.writeFileSync(CSV, `${['Date,Close', ...rows].join('\n')}\n`);
const weights = (dir: string) => fs.readFileSync(path.join(work, dir, 'model', 'weights.bin'));
const result = (dir: string) => JSON.parse(fs.readFileSync(path.join(work, dir, 'result.json'), 'utf8'));

test('detect --init-from: the report says so; same seed and data give the same bits; a cold start differs', () => {
  const a = run(['--csv', CSV, '--epochs', '2', '--out', 'a', ...TINY]);
  assert.equal(a.code, 0, a.err);
  const warm = ['--csv', CSV, '--epochs', '2', '--init-from', path.join('a', 'model'), ...TINY];
  const w1 = run([...warm, '--out', 'w1']);
  assert.equal(w1.code, 0, w1.err);
  assert.match(w1.err, /^warm start: training began from the weights of a[/\\]model$/m);
  assert.equal(result('w1').training.initFrom, path.join('a', 'model'));
  assert.equal(result('a').training.initFrom, undefined);
  const html = (dir: string) => fs.readFileSync(path.join(work, dir, 'report.html'), 'utf8');
  assert.match(html('w1'), /warm start from a[/\\]model, best 2/);
  assert.doesNotMatch(html('a'), /warm start/);
  const w2 = run([...warm, '--out', 'w2']);
  assert.equal(w2.code, 0, w2.err);
  assert.ok(weights('w1').equals(weights('w2')), 'the same warm start gives the same weights');
  const cold = run(['--csv', CSV, '--epochs', '2', '--out', 'cold', ...TINY]);
  assert.equal(cold.code, 0, cold.err);
  assert.ok(weights('a').equals(weights('cold')), 'two cold starts agree');
  assert.ok(!weights('w1').equals(weights('cold')), 'a warm start differs from a cold start');
  // warm from A's 2 epochs: its first epoch starts at A's loss level, below a cold start's first epoch
  assert.ok(result('w1').training.history[0].loss < result('cold').training.history[0].loss);
});

test('detect --init-from refused (exit 2, one line, nothing written): another shape, kind, --compare, no model', () => {
  const z = run(['--csv', CSV, '--detector', 'zscore', '--window', '10', '--out', 'z']);
  assert.equal(z.code, 0, z.err);
  const cases: [string[], RegExp][] = [
    [['--init-from', 'a/model', ...TINY, '--window', '12'], /another shape \(window 10, this run 12\)/],
    [['--init-from', 'a/model', ...TINY, '--units', '4'], /another shape \(layers 8, this run 4\)/],
    [['--init-from', 'z/model', ...TINY], /z\/model: a zscore model; only an lstm model has weights/],
    [['--init-from', 'nowhere', ...TINY], /--init-from nowhere: .*not a saved model/],
    [['--init-from', 'a/model', '--detector', 'pca'], /^error: --init-from: the pca detector has no weights/],
    [['--init-from', 'a/model', '--compare', 'lstm,zscore'], /--init-from: not with --compare/],
  ];
  // the feature count is known once the data is read: refused then, still before anything is written
  const two = path.join(work, 'two.csv');
  fs.writeFileSync(two, `Date,Close,Volume\n${rows.map((r, i) => `${r},${1000 + (i % 7)}`).join('\n')}\n`);
  const f = run(['--csv', two, '--value-col', 'Close,Volume', '--init-from', 'a/model', ...TINY, '--out', 'two']);
  assert.equal(f.code, 2, f.err);
  assert.match(f.err, /^error: --init-from a\/model: another shape \(features 1, this run 2\)$/m);
  assert.ok(!fs.existsSync(path.join(work, 'two')));
  cases.forEach(([args, re], i) => {
    const r = run(['--csv', CSV, '--epochs', '1', ...args, '--out', `bad${i}`]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.err.trim().split('\n').length, 1, r.err); // refused before the data is read
    assert.ok(!fs.existsSync(path.join(work, `bad${i}`)), 'nothing written');
  });
});
