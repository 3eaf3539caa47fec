import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../tools/testing/cli';
import { tempDir } from '../../tools/testing/temp';

const work = tempDir('lstm-anomaly-cli-');
const SMALL = [
  '--epochs',
  '3',
  '--units',
  '6',
  '--window',
  '8',
  '--batch-size',
  '16',
  '--seed',
  '7',
  '--backend',
  'cpu',
];

const run = (args: string[]) => runCliSync(args, work);

function csv(name: string, lines: string[]): string {
  const f = path.join(work, name);
  fs.writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
}

// A seeded-looking deterministic price series with a shock near the end.
const rows = Array.from({ length: 160 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  const v = 100 + 5 * Math.sin(i / 6) + (i > 140 && i < 146 ? 30 : 0);
  return `${d},${v.toFixed(4)}`;
});
const good = csv('prices.csv', ['Date,Close', ...rows]);

test('detect on a small CSV writes result.json, anomalies.csv, report.html and model/', () => {
  const r = run(['--csv', good, '--out', 'run1', ...SMALL]);
  assert.equal(r.code, 0, r.err);
  const out = path.join(work, 'run1');
  assert.deepEqual(fs.readdirSync(out).sort(), [
    '.lstm-anomaly',
    'anomalies.csv',
    'events.csv',
    'model',
    'report.html',
    'result.json',
  ]);
  const res = JSON.parse(fs.readFileSync(path.join(out, 'result.json'), 'utf8'));
  assert.equal(res.data.rows, 160);
  assert.deepEqual([res.split.trainRows, res.split.testRows, res.split.trainEnd], [128, 32, '2020-05-07']);
  // logret by default: 127 transformed training rows -> 120 windows; 32 test rows -> 25 windows.
  assert.equal(res.trainScores.length, 120);
  assert.equal(res.test.length, 25);
  assert.equal(res.test[0].start, '2020-05-08');
  assert.equal(res.test[24].end, '2020-06-08');
  assert.equal(res.scaler.kind, 'standard');
  assert.equal(res.training.backend, 'cpu');
  assert.equal(res.training.history.length, res.training.epochs);
  assert.equal(res.threshold.method, 'percentile');
  assert.equal(res.threshold.percentile, 95);
  const flagged = res.test.filter((w: { anomaly: boolean }) => w.anomaly).length;
  assert.equal(res.anomalies.length, flagged);
  assert.ok(fs.readFileSync(path.join(out, 'anomalies.csv'), 'utf8').startsWith('date,value,mae'));
  assert.match(r.err, /^compute: .*tfjs cpu backend/m);
  assert.doesNotMatch(r.err, /^backend: /m, 'one line names what computed the run');
  assert.match(r.err, /epoch +1\/3 +loss/);
});

test('the same seed on the same backend gives the same numbers to the last digit', () => {
  const r = run(['--csv', good, '--out', 'run2', ...SMALL]);
  assert.equal(r.code, 0, r.err);
  const a = JSON.parse(fs.readFileSync(path.join(work, 'run1', 'result.json'), 'utf8'));
  const b = JSON.parse(fs.readFileSync(path.join(work, 'run2', 'result.json'), 'utf8'));
  assert.deepEqual(b.trainScores, a.trainScores);
  assert.deepEqual(b.test, a.test);
});

test("score --model reproduces the training run's test scores exactly", () => {
  const r = run(['score', '--model', 'run1/model', '--csv', good, '--out', 'scored', '--quiet', '--backend', 'cpu']);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'run1', 'result.json'), 'utf8'));
  const sc = JSON.parse(fs.readFileSync(path.join(work, 'scored', 'scores.json'), 'utf8'));
  const byStart = new Map(sc.windows.map((w: { start: string }) => [w.start, w]));
  for (const w of res.test) assert.deepEqual(byStart.get(w.start), w);
  const train = sc.windows.slice(0, res.trainScores.length).map((w: { mae: number }) => w.mae);
  assert.deepEqual(train, res.trainScores);
});

test('--preset colab --transform none on a rising series prints the drift warning and records it', () => {
  const rising = csv('rising.csv', [
    'date,close',
    ...rows.map((l, i) => `${l.split(',')[0]},${(100 + i + Math.sin(i)).toFixed(3)}`),
  ]);
  const r = run(['--csv', rising, '--preset', 'colab', '--transform', 'none', '--out', 'rising', ...SMALL]);
  assert.equal(r.code, 0, r.err);
  assert.match(
    r.err,
    /warning: drift: 100\.0% of test values lie outside the range seen in training.*--transform logret/,
  );
  const res = JSON.parse(fs.readFileSync(path.join(work, 'rising', 'result.json'), 'utf8'));
  assert.equal(res.drift.warn, true);
  assert.equal(res.config.transform, 'none');
  assert.match(fs.readFileSync(path.join(work, 'rising', 'report.html'), 'utf8'), /100\.0% of test values/);
});

test('--help lists the flags and presets; --version prints the version', () => {
  const h = run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /--threshold RULE/);
  assert.match(h.out, /colab +the Colab notebook/);
  assert.match(run(['--version']).out, /^lstm-anomaly \d+\.\d+\.\d+/);
});

const BAD: [string, string[], RegExp][] = [
  ['empty file', ['--csv', csv('empty.csv', [''])], /empty\.csv.*(empty|no data)/i],
  ['missing column', ['--csv', good, '--value-col', 'Price'], /prices\.csv.*"Price".*Date, Close/],
  [
    'non-numeric value',
    ['--csv', csv('nan.csv', ['Date,Close', ...rows.slice(0, 50), '2020-02-20,abc', ...rows.slice(51)])],
    /nan\.csv.*line 52.*--fill/,
  ],
  [
    'duplicate dates',
    ['--csv', csv('dup.csv', ['Date,Close', ...rows.slice(0, 50), rows[49], ...rows.slice(51)])],
    /dup\.csv.*duplicate/i,
  ],
  [
    'unsorted dates',
    ['--csv', csv('unsorted.csv', ['Date,Close', ...rows.slice(0, 40), rows[41], rows[40], ...rows.slice(42)])],
    /unsorted\.csv.*(order|sorted)/i,
  ],
  ['too few rows', ['--csv', csv('short.csv', ['Date,Close', ...rows.slice(0, 20)])], /too few rows.*needs at least/],
  [
    'constant series',
    ['--csv', csv('flat.csv', ['Date,Close', ...rows.map((l) => `${l.split(',')[0]},5`)]), '--transform', 'none'],
    /constant series/,
  ],
  ['window out of range', ['--csv', good, '--window', '1'], /invalid window: 1/],
  ['seed not an integer', ['--csv', good, '--seed', '1.5'], /invalid --seed: 1\.5 \(an integer\)/],
  ['percentile out of range', ['--csv', good, '--threshold', 'p101'], /invalid threshold: p101/],
  ['fraction out of range', ['--csv', good, '--train-frac', '1.5'], /invalid train fraction: 1.5/],
  ['unknown preset', ['--preset', 'keras'], /unknown preset: keras/],
  ['ticker without network or cache', ['--ticker', 'NOSUCHTICKER'], /NOSUCHTICKER/],
  ['missing file', ['--csv', 'nope.csv'], /nope\.csv/],
];

for (const [name, args, msg] of BAD) {
  test(`bad input, ${name}: one line on stderr, exit 2, nothing written`, () => {
    const out = `bad-${name.replace(/\W+/g, '-')}`;
    const r = run([...args, '--out', out, ...SMALL.slice(0, 4)]);
    assert.equal(r.code, 2, `${r.err}`);
    const lines = r.err.trim().split('\n');
    const last = lines[lines.length - 1];
    assert.equal(lines.filter((l) => l.includes('error')).length, 1, r.err);
    assert.match(last, /^error: /);
    assert.match(last, msg);
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.equal(fs.existsSync(path.join(work, out)), false);
    assert.equal(
      fs.readdirSync(work).some((f) => f.startsWith('.')),
      false,
      'no temp files left',
    );
  });
}
