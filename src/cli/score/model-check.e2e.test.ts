import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';

// `score --model` on malformed models (each made by corrupting one saved tiny model): exit 2, one line naming
// model.json or weights.bin, and no output folder.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-model-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu'];

const run = (args: string[]) => runCliSync(args, work);

const rows = Array.from({ length: 100 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(50 + 3 * Math.cos(i / 5)).toFixed(3)},${i}`;
});
const CSV = path.join(work, 'prices.csv');
fs.writeFileSync(CSV, `${['Day,Price,Volume', ...rows].join('\n')}\n`);
const trained = run(['--csv', CSV, '--date-col', 'Day', '--value-col', 'Price', '--out', 'run', ...TINY]);
const GOOD = path.join(work, 'run', 'model');
const goodJson = () => JSON.parse(fs.readFileSync(path.join(GOOD, 'model.json'), 'utf8'));

type Corrupt = (dir: string) => void;
const editJson =
  (f: (j: Record<string, any>) => void): Corrupt =>
  (dir) => {
    const j = goodJson();
    f(j);
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(j));
  };

const MALFORMED: [string, Corrupt, RegExp][] = [
  ['not JSON', (d) => fs.writeFileSync(path.join(d, 'model.json'), '{"format": "lstm-'), /model\.json: not valid JSON/],
  ['JSON null', (d) => fs.writeFileSync(path.join(d, 'model.json'), 'null'), /model\.json: unknown model format/],
  ['wrong format tag', editJson((j) => (j.format = 'keras/2')), /model\.json: unknown model format "keras\/2"/],
  ['spec missing', editJson((j) => delete j.spec), /model\.json: missing or invalid "spec"/],
  ['scaler null', editJson((j) => (j.scaler = null)), /model\.json: missing or invalid "scaler"/],
  ['columns missing', editJson((j) => delete j.columns), /model\.json: missing or invalid "columns"/],
  ['unknown scaler kind', editJson((j) => (j.scaler.kind = 'robust')), /model\.json: unknown scaler kind "robust"/],
  [
    'scaler kind "constructor"',
    editJson((j) => (j.scaler.kind = 'constructor')),
    /model\.json: unknown scaler kind "constructor"/,
  ],
  ['scaler without std', editJson((j) => delete j.scaler.std), /model\.json: scaler\.std: needs 1 numbers/],
  [
    'unknown threshold method',
    editJson((j) => (j.threshold.method = 'iqr')),
    /model\.json: unknown threshold method "iqr"/,
  ],
  [
    'threshold value null',
    editJson((j) => (j.threshold.value = null)),
    /model\.json: threshold\.value: null is not a number/,
  ],
  [
    'window in options differs from the spec',
    editJson((j) => (j.options.window = 12)),
    /model\.json: options\.window 12 differs from spec\.window 10/,
  ],
  [
    'weight shape does not match the spec',
    editJson((j) => (j.weights[0].shape = [1, 16])),
    /model\.json: weight lstm_0\/kernel: shape \[1,16\], the spec needs \[1,32\]/,
  ],
  ['weights manifest missing', editJson((j) => delete j.weights), /model\.json: missing or invalid "weights"/],
  [
    'weights.bin too short',
    (d) => fs.truncateSync(path.join(d, 'weights.bin'), 100),
    /weights\.bin: \d+ bytes expected by model\.json's manifest \(\d+ float32 values\), 100 found/,
  ],
  [
    'weights.bin too long',
    (d) => fs.appendFileSync(path.join(d, 'weights.bin'), Buffer.alloc(8)),
    /weights\.bin: \d+ bytes expected .*, \d+ found/,
  ],
  [
    'weights.bin missing',
    (d) => fs.rmSync(path.join(d, 'weights.bin')),
    /not a saved model \(needs model\.json and weights\.bin\)/,
  ],
  [
    'a NaN weight',
    (d) => {
      const b = fs.readFileSync(path.join(d, 'weights.bin'));
      b.writeFloatLE(NaN, 4);
      fs.writeFileSync(path.join(d, 'weights.bin'), b);
    },
    /weights\.bin: value 1 is NaN/,
  ],
  [
    'unknown loss in options',
    editJson((j) => (j.options.loss = 'huber')),
    /model\.json: options\.loss: unknown "huber"/,
  ],
  [
    'unknown transform in options',
    editJson((j) => (j.options.transform = 'bogus')),
    /model\.json: options\.transform: unknown "bogus" \(none, logret, diff\)/,
  ],
  ['dropout out of range in options', editJson((j) => (j.options.dropout = 2)), /model\.json: invalid dropout: 2/],
];

test('the tiny model trains and scores the training CSV with its own columns (no --value-col)', () => {
  assert.equal(trained.code, 0, trained.err);
  const extra = goodJson().extra;
  assert.deepEqual([extra.dateCol, extra.valueCols], ['Day', ['Price']]);
  const r = run(['score', '--model', GOOD, '--csv', CSV, '--out', 'scored', '--backend', 'cpu']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(fs.readdirSync(path.join(work, 'scored')).sort(), [
    '.lstm-anomaly',
    'anomalies.csv',
    'report.html',
    'scores.json',
  ]);
  const sc = JSON.parse(fs.readFileSync(path.join(work, 'scored', 'scores.json'), 'utf8'));
  assert.equal(sc.windows.length, 100 - 1 - 10 + 1, 'logret drops one row; 99 rows give 90 windows of 10');
  const html = fs.readFileSync(path.join(work, 'scored', 'report.html'), 'utf8');
  assert.match(html, /Anomaly report: .*prices\.csv/);
  // a score run neither trains nor measures drift: the report says so instead of showing 0 epochs and 0% drift
  assert.match(html, /<div class="k">Drift<\/div><div class="v">not measured<\/div>/);
  assert.match(html, /no training in this run/);
});

for (const [name, corrupt, msg] of MALFORMED) {
  test(`score on a malformed model, ${name}: exit 2, one line naming the file, no output`, () => {
    const dir = path.join(work, `bad-${name.replace(/\W+/g, '-')}`);
    fs.cpSync(GOOD, dir, { recursive: true });
    corrupt(dir);
    const before = fs.readdirSync(work).sort();
    const r = run(['score', '--model', dir, '--csv', CSV, '--out', 'out-bad', '--backend', 'cpu']);
    assert.equal(r.code, 2, r.err);
    const lines = r.err
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('error'));
    assert.equal(lines.length, 1, r.err);
    assert.match(lines[0], msg);
    assert.match(lines[0], /model\.json|weights\.bin/);
    assert.doesNotMatch(r.err, /\n\s+at /);
    assert.deepEqual(fs.readdirSync(work).sort(), before, 'no output folder, no temporary folder');
  });
}
