import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-aer-'));
const run = (args: string[]) => runCliSync(args, work);
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** 160 days of a sine with a jump on days 141..145 (2020-05-21 .. 25). */
function prices(): string {
  const rows = Array.from({ length: 160 }, (_, i) => {
    const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    return `${d},${(100 + 5 * Math.sin(i / 6) + (i > 140 && i < 146 ? 30 : 0)).toFixed(4)}`;
  });
  const file = path.join(work, 'prices.csv');
  fs.writeFileSync(file, `${['Date,Close', ...rows].join('\n')}\n`);
  return file;
}

test('--detector aer: a run writes its result and model, and `score` on the saved model gives the same scores', () => {
  const csv = prices();
  const tiny = ['--epochs', '2', '--units', '4', '--window', '10', '--batch-size', '16', '--transform', 'none'];
  const r = run(['--csv', csv, '--detector', 'aer', '--fit', 'all', ...tiny, '--out', 'run']);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(fs.readFileSync(path.join(work, 'run', 'result.json'), 'utf8'));
  assert.deepEqual([result.config.detector, result.training.epochs, result.test.length], ['aer', 2, 151]);
  assert.equal(result.training.parameters, 2 * 4 * (4 * 5 + 4) + 2 * 4 * (4 * 12 + 4) + 8 + 1);
  // the compute line names the model that ran on the engine's kernels
  assert.match(r.err, /^compute: AER \(bidirectional LSTM\) on \S+ kernels, 1 thread; tfjs \S+ backend for the rest$/m);
  const model = JSON.parse(fs.readFileSync(path.join(work, 'run', 'model', 'model.json'), 'utf8'));
  assert.deepEqual([model.kind, model.model.spec.window, model.model.spec.units], ['aer', 10, 4]);
  const s = run(['score', '--model', path.join('run', 'model'), '--csv', csv, '--out', 'again']);
  assert.equal(s.code, 0, s.err);
  const again = JSON.parse(fs.readFileSync(path.join(work, 'again', 'scores.json'), 'utf8'));
  assert.deepEqual(
    again.windows.map((w: { mae: number }) => w.mae),
    result.test.map((w: { mae: number }) => w.mae),
  );
});

test('--detector aer with --window 3, two LSTM sizes, a bad validation split or patience: exit 2, one line', () => {
  const csv = prices();
  for (const [flags, message] of [
    [['--window', '3'], /^error: invalid window: 3 \(an integer >= 4 for aer\)$/m],
    [['--layers', '8,4'], /^error: invalid units: 8,4 \(one LSTM size for aer\)$/m],
    [['--window', '10', '--val-split', '1'], /^error: invalid validation split: 1 \(in \[0, 1\)\)$/m],
    [['--window', '10', '--patience', '-1'], /^error: invalid patience: -1 \(an integer >= 0\)$/m],
    [['--rec-error', 'area'], /^error: invalid --rec-error: area \(one of: point, dtw\)$/m],
  ] as const) {
    const r = run(['--csv', csv, '--detector', 'aer', ...flags, '--out', 'bad']);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.ok(!fs.existsSync(path.join(work, 'bad')));
  }
});
