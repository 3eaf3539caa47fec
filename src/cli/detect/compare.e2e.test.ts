import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';

const work = tempDir('lstm-anomaly-compare-');
const TINY = [
  '--epochs',
  '2',
  '--units',
  '4',
  '--window',
  '8',
  '--batch-size',
  '16',
  '--seed',
  '7',
  '--backend',
  'cpu',
];
const KINDS = ['lstm', 'pca', 'zscore', 'iforest', 'dense'];

const run = (args: string[]) => runCliSync(args, work);

// 160 days of a sine with a jump on days 141-145
const rows = Array.from({ length: 160 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6) + (i > 140 && i < 146 ? 30 : 0)).toFixed(4)}`;
});
const data = path.join(work, 'prices.csv');
fs.writeFileSync(data, `${['Date,Close', ...rows].join('\n')}\n`);
const labels = path.join(work, 'labels.csv');
fs.writeFileSync(labels, 'start,end\n2020-05-20,2020-05-27\n');

test('--compare writes one report with a section per detector, compare.json and each model', () => {
  const r = run(['--csv', data, '--out', 'cmp', '--compare', KINDS.join(','), '--labels', labels, ...TINY]);
  assert.equal(r.code, 0, r.err);
  const out = path.join(work, 'cmp');
  const html = fs.readFileSync(path.join(out, 'report.html'), 'utf8');
  for (const k of KINDS) assert.equal(html.split(`id="compare-${k}-section"`).length, 2, k);
  assert.match(html, /overlap F1 \(counts\)/);
  const json = JSON.parse(fs.readFileSync(path.join(out, 'compare.json'), 'utf8'));
  assert.deepEqual(
    json.detectors.map((d: { kind: string }) => d.kind),
    KINDS,
  );
  for (const d of json.detectors) {
    const result = JSON.parse(fs.readFileSync(path.join(out, d.kind, 'result.json'), 'utf8'));
    assert.equal(d.events, result.events.length);
    assert.deepEqual(d.eventList, result.events);
    assert.equal(d.evaluation.labels, 1);
    const o = d.evaluation.overlap;
    assert.equal(o.tp + o.fn, 1);
    assert.equal(o.tp + o.fp, d.evaluation.eventHits.length);
  }
  assert.equal(r.err.split('\n').filter((l) => /^(lstm|pca|zscore|iforest|dense) +\d+ events/.test(l)).length, 5);
  // dense has its own defaults (window 1, transform none) alone; in a comparison it shares the others' window
  const dense = JSON.parse(fs.readFileSync(path.join(out, 'dense', 'result.json'), 'utf8'));
  assert.deepEqual([dense.config.window, dense.config.transform], [8, 'logret']);
});

test('score --model round trip: each saved kind scores the same windows as its detect run', () => {
  for (const k of KINDS) {
    const r = run([
      'score',
      '--model',
      path.join('cmp', k, 'model'),
      '--csv',
      data,
      '--out',
      `score-${k}`,
      '--backend',
      'cpu',
    ]);
    assert.equal(r.code, 0, `${k}: ${r.err}`);
    const scored = JSON.parse(fs.readFileSync(path.join(work, `score-${k}`, 'scores.json'), 'utf8'));
    const result = JSON.parse(fs.readFileSync(path.join(work, 'cmp', k, 'result.json'), 'utf8'));
    const byEnd = new Map(scored.windows.map((w: { end: string; mae: number }) => [w.end, w.mae]));
    assert.ok(result.test.length > 0);
    // zscore measures a step against the steps before it: the detect run scored from the split, so its first
    // windows saw less history than the whole-series score run; compare the windows after those
    for (const w of result.test.slice(8)) {
      assert.ok(Math.abs((byEnd.get(w.end) as number) - w.mae) < 1e-5, `${k} ${w.end}`);
    }
  }
});

test('bad detector flags: exit 2 with one line', () => {
  const cases: [string[], RegExp][] = [
    [['--detector', 'svm'], /--detector/],
    [['--detector', 'pca', '--components', '9'], /components.*at most the window dimension 8/],
    [['--compare', 'pca'], /--compare needs at least two detectors: pca/],
    [['--compare', 'pca,zscore,pca'], /--compare names pca twice/],
    [['--compare', 'pca,svm'], /svm/],
  ];
  for (const [args, msg] of cases) {
    const r = run(['--csv', data, '--out', 'bad', ...TINY, ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, msg);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.ok(!fs.existsSync(path.join(work, 'bad')));
  }
});

test('evaluate --compare: a table per detector, then F1 per sub-folder for each detector', () => {
  const dir = path.join(work, 'nab');
  for (const sub of ['a', 'b']) {
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.copyFileSync(data, path.join(dir, sub, `s${sub}.csv`));
  }
  const windows = path.join(work, 'windows.json');
  const w = [['2020-05-20 00:00:00.000000', '2020-05-27 00:00:00.000000']];
  fs.writeFileSync(windows, JSON.stringify({ 'a/sa.csv': w, 'b/sb.csv': w }));
  const cmd = ['evaluate', dir, '--labels', windows, '--compare', 'pca,zscore,dense', '--out', 'ev', ...TINY];
  const r = run(cmd.filter((a, i) => a !== '--window' && cmd[i - 1] !== '--window'));
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /== pca[\s\S]*mean F1 over 2 sub-folders[\s\S]*== zscore[\s\S]*== dense/);
  assert.match(
    r.err,
    /\| sub-folder \| pca \| zscore \| dense \|\n\|---\|---:\|---:\|---:\|\n\| a \| [\d.]+ \(\d+\/\d+\/\d+\) \|/,
  );
  const cmp = JSON.parse(fs.readFileSync(path.join(work, 'ev', 'comparison.json'), 'utf8'));
  assert.deepEqual(
    cmp.map((c: { kind: string }) => c.kind),
    ['pca', 'zscore', 'dense'],
  );
  for (const c of cmp) {
    const own = JSON.parse(fs.readFileSync(path.join(work, 'ev', c.kind, 'evaluation.json'), 'utf8'));
    assert.equal(own.settings.options.detector, c.kind);
    // no --window given: every detector of the comparison reads the shared default window and transform
    assert.deepEqual([own.settings.options.window, own.settings.options.transform], [30, 'logret'], c.kind);
    assert.equal(c.meanF1, own.meanF1);
    assert.equal(c.subsets.length, 2);
  }
});
