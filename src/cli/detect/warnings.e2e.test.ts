import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';

// Real CLI runs for the warnings, the size limits and --help.
const work = tempDir('lstm-anomaly-warn-');
const TINY = ['--window', '10', '--units', '8', '--backend', 'cpu'];

const run = (args: string[]) => runCliSync(args, work);
const rows = Array.from({ length: 120 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6)).toFixed(3)}`;
});
const CSV = path.join(work, 'p.csv');
fs.writeFileSync(CSV, `${['Date,Close', ...rows].join('\n')}\n`);

test('--threshold 99 (fixed, above every training error) warns and suggests p99', () => {
  const r = run(['--csv', CSV, '--epochs', '1', '--threshold', '99', '--out', 't99', ...TINY]);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.err,
    /^warning: threshold: fixed 99 is above every training error \(largest [\d.]+\); .*--threshold p99$/m,
  );
  const p = run(['--csv', CSV, '--epochs', '1', '--threshold', 'p99', '--out', 'p99', ...TINY]);
  assert.doesNotMatch(p.err, /warning: threshold/);
});

test('a learning rate too small to move the weights: the loss never improved after epoch 1', () => {
  const r = run(['--csv', CSV, '--epochs', '3', '--learning-rate', '1e-12', '--out', 'flat', ...TINY]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /best 1\)/);
  assert.match(r.err, /^warning: training: the validation loss never improved after epoch 1 \(3 epochs\)/m);
});

const HUGE: [string[], RegExp][] = [
  [['--units', '100000'], /model too large: layers 100000, window 10, batch 32 need about \d+ GiB .*limit 2\.00 GiB/],
  [['--layers', '50000,50000,50000'], /model too large: layers 50000,50000,50000, .*limit 2\.00 GiB/],
  [['--window', '1000000000'], /window 1000000000 is too large \(limit 100000 steps\)/],
  [['--batch-size', '100000000'], /batch size 100000000 is too large \(limit 65536\)/],
  [
    ['--window', '50000', '--batch-size', '4096'],
    /model too large: layers 8, window 50000, batch 4096 .*limit 2\.00 GiB/,
  ],
];
for (const [flags, msg] of HUGE) {
  test(`sizes that cannot be allocated are refused before any work: ${flags.join(' ')}`, () => {
    const r = run(['--csv', CSV, '--epochs', '1', ...TINY, ...flags, '--out', 'huge']);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, msg);
    assert.doesNotMatch(r.err, /data: |epoch/, 'refused before loading data');
    assert.equal(fs.existsSync(path.join(work, 'huge')), false);
  });
}

test('--help says that presets set --transform none', () => {
  assert.match(run(['--help']).out, /Presets \(each sets --transform none/);
});
