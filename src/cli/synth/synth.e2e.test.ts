import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { loadCsvSeries } from '../../data/load-csv';
import { makeSuite } from '../../data/synth/suite';
import { synthKey } from '../../data/synth/write';
import { isoMillis, type LabelInterval } from '../../evaluate/labels';
import { labelsFromFile } from '../labels';

// Real CLI runs of `synth`: what it writes reads back (series and labels), evaluate takes the folder as it is,
// same seed gives the same bytes, and bad input is one line with exit 2 and nothing written.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-synth-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const run = (args: string[]) => runCliSync(args, work);
const at = (...p: string[]): string => path.join(work, ...p);

/** Labels as [start, end] in ms (the label reader writes a midnight as a bare date). */
const spans = (ls: LabelInterval[]): number[][] => ls.map((l) => [isoMillis(l.start), isoMillis(l.end)]);

/** Every file under a folder (relative, sorted) with a hash of its bytes. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else
        out.push(
          `${r} ${createHash('sha256')
            .update(fs.readFileSync(path.join(dir, r)))
            .digest('hex')}`,
        );
    }
  };
  walk('');
  return out.sort();
}

test('synth --suite mini: CSVs and windows.json that read back to the suite; evaluate reads the folder', () => {
  const r = run(['synth', '--suite', 'mini', '--seed', '5', '--out', 'mini']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^synth: 5 series, 12500 steps, 10 labeled anomalies in mini\n/);
  const suite = makeSuite('mini', { seed: 5 });
  const keys = suite.map(synthKey).sort();
  assert.deepEqual(
    tree(at('mini')).map((l) => l.split(' ')[0]),
    ['.lstm-anomaly', ...keys, 'windows.json'].sort(),
  );
  for (const s of suite) {
    const back = loadCsvSeries(at('mini', synthKey(s)));
    assert.deepEqual(back.dates, s.series.dates, synthKey(s));
    assert.deepEqual(back.values, s.series.values, synthKey(s));
    const labels = labelsFromFile(at('mini', 'windows.json'), synthKey(s));
    assert.deepEqual(spans(labels), spans(s.labels.map((l) => ({ start: l.startDate, end: l.endDate }))));
  }
  const ev = run([
    'evaluate',
    'mini',
    '--labels',
    'mini/windows.json',
    '--detector',
    'zscore',
    '--train-frac',
    '0.5',
    '--out',
    'ev',
    '--quiet',
  ]);
  assert.equal(ev.code, 0, ev.err);
  const j = JSON.parse(fs.readFileSync(at('ev', 'evaluation.json'), 'utf8'));
  assert.deepEqual(j.files.map((f: { file: string }) => f.file).sort(), keys);
  assert.deepEqual(
    j.files.filter((f: { error?: string }) => f.error),
    [],
  );
  assert.equal(
    j.files.reduce((a: number, f: { labels: number }) => a + f.labels, 0),
    10,
  );
});

test('synth: same seed, same bytes; another seed, other values; --force replaces its own output', () => {
  assert.equal(run(['synth', '--suite', 'mini', '--seed', '5', '--out', 'again']).code, 0);
  assert.deepEqual(tree(at('again')), tree(at('mini')));
  assert.equal(run(['synth', '--suite', 'mini', '--seed', '6', '--out', 'other']).code, 0);
  const a = fs.readFileSync(at('mini', 'sine', 'sine-2000.csv'), 'utf8');
  assert.notEqual(fs.readFileSync(at('other', 'sine', 'sine-2000.csv'), 'utf8'), a);
  const refused = run(['synth', '--suite', 'mini', '--seed', '6', '--out', 'again']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /--out again: holds an earlier output of lstm-anomaly; --force/);
  assert.equal(run(['synth', '--suite', 'mini', '--seed', '6', '--out', 'again', '--force']).code, 0);
  assert.deepEqual(tree(at('again')), tree(at('other')));
});

test('synth one series: --base --length --kinds, with labels.csv that detect --labels reads', () => {
  const r = run([
    'synth',
    '--base',
    'seasonal',
    '--length',
    '3000',
    '--kinds',
    'missing-cycle,spike',
    '--seed',
    '3',
    '--out',
    'one',
    '--labels-csv',
  ]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^synth: seasonal\/seasonal-3000\.csv, 3000 steps, 2 labeled anomalies in one\n/);
  assert.deepEqual(
    tree(at('one')).map((l) => l.split(' ')[0]),
    ['.lstm-anomaly', 'labels.csv', 'seasonal/seasonal-3000.csv', 'windows.json'],
  );
  const csv = fs.readFileSync(at('one', 'labels.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'start,end,label,file');
  assert.deepEqual(
    csv.slice(1).map((l) => l.split(',')[2]),
    ['missing-cycle', 'spike'].sort(
      (x, y) => csv.findIndex((l) => l.includes(x)) - csv.findIndex((l) => l.includes(y)),
    ),
  );
  const fromJson = labelsFromFile(at('one', 'windows.json'), 'seasonal/seasonal-3000.csv');
  assert.deepEqual(spans(labelsFromFile(at('one', 'labels.csv'), 'seasonal/seasonal-3000.csv')), spans(fromJson));
  assert.equal(fromJson.length, 2);
  const day = spans(fromJson).find(([a, b]) => a % 86400000 === 0 && b - a === 23 * 3600000);
  assert.ok(day, JSON.stringify(fromJson));
});

test('synth: bad input is one line, exit 2, nothing written', () => {
  const cases: [string[], RegExp][] = [
    [['--kinds', 'spike,wobble'], /^error: invalid --kinds: wobble \(one of spike, dip, /],
    [['--length', '999'], /^error: invalid --length: 999 \(an integer from 1000 to 50000\)$/],
    [['--base', 'triangle'], /^error: invalid --base: triangle \(one of: sine, /],
    [['--suite', 'big'], /^error: invalid --suite: big \(one of: dev, mini\)$/],
    [['--suite', 'dev', '--kinds', 'spike'], /^error: use --suite, or --kinds\/--base\/--length for one series/],
    [['--base', 'random-walk', '--kinds', 'missing-cycle'], /^error: anomaly kind missing-cycle needs a cycle/],
    [['--from', '1'], /^error: invalid --from: 1 \(a share from 0 to 0.9\)$/],
    [
      ['--length', '1000', '--kinds', 'drift,drift,drift,drift,drift,drift'],
      /^error: anomalies drift,.*need \d+ steps/,
    ],
    [['--seed', '1.5'], /^error: invalid --seed: 1.5 \(an integer\)$/],
  ];
  for (const [args, re] of cases) {
    const r = run(['synth', ...args, '--out', 'bad']);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err.trim(), re, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.ok(!fs.existsSync(at('bad')), args.join(' '));
  }
  fs.mkdirSync(at('mine'));
  fs.writeFileSync(at('mine', 'notes.txt'), 'keep');
  const r = run(['synth', '--suite', 'mini', '--out', 'mine', '--force']);
  assert.equal(r.code, 2);
  assert.match(r.err, /--out mine: is not empty and not an output of lstm-anomaly/);
  assert.deepEqual(fs.readdirSync(at('mine')), ['notes.txt']);
  const help = run(['synth', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /missing-cycle +one whole cycle is missing/);
  assert.match(run(['--help']).out, /lstm-anomaly synth \[--suite dev \| --kinds K,K\] --out DIR/);
});
