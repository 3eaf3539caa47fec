import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { tempDir } from '../../../tools/testing/temp';
import { EXPLAIN_COLUMNS } from '../../events/csv';

const work = tempDir('lstm-anomaly-events-');
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu'];

const run = (args: string[]) => runCliSync(args, work);

const day = (i: number): string => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
// 400 daily rows of a sine, three one-day spikes of +40 in the last 80 (test) rows
const spikes = path.join(work, 'spikes.csv');
fs.writeFileSync(
  spikes,
  `${[
    'Date,Close',
    ...Array.from(
      { length: 400 },
      (_, i) => `${day(i)},${(100 + 5 * Math.sin(i / 6) + ([335, 360, 385].includes(i) ? 40 : 0)).toFixed(4)}`,
    ),
  ].join('\n')}\n`,
);

test('detect: three spikes give three events in result.json and events.csv, not dozens of windows', () => {
  const r = run(['--csv', spikes, '--out', 'three', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'three', 'result.json'), 'utf8'));
  const flagged = res.test.filter((w: { anomaly: boolean }) => w.anomaly).length;
  assert.ok(flagged > 10, `${flagged} windows`);
  assert.equal(res.events.length, 3);
  assert.equal(res.eventSource, 'window');
  // each spike sits inside its event (log returns: the jump up and the jump down at spike and spike + 1)
  for (const [k, s] of [335, 360, 385].entries()) {
    assert.ok(res.events[k].start <= day(s) && day(s + 1) <= res.events[k].end, JSON.stringify(res.events[k]));
  }
  assert.match(
    res.threshold.explanation,
    /^95th percentile of the 310 training-window MAEs \(linear interpolation\) = /,
  );
  assert.match(r.err, new RegExp(`3 events \\(${flagged} windows\\)`));
  const csv = fs
    .readFileSync(path.join(work, 'three', 'events.csv'), 'utf8')
    .trim()
    .split('\n');
  // the existing columns, then the explanation's (issue 26)
  assert.equal(
    csv[0],
    ['start,end,start_index,end_index,steps,peak,peak_score,severity', ...EXPLAIN_COLUMNS].join(','),
  );
  assert.match(res.events[0].explanation, /^Close (rose|fell) .*training windows/);
  assert.equal(csv.length, 4);
  assert.equal(csv[1].split(',')[0], res.events[0].start);
});

test('detect: a step rule gives step events and says how its threshold was derived', () => {
  const r = run(['--csv', spikes, '--out', 'steps', '--threshold', 'window-sigma:2', '--transform', 'none', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'steps', 'result.json'), 'utf8'));
  assert.equal(res.eventSource, 'step');
  assert.equal(res.threshold.rule, 'window-sigma:2');
  assert.match(res.threshold.explanation, /^window-sigma:2: mean \+ 2σ of the errors in \d+ windows of 27 steps/);
  const flaggedEnds = res.test.filter((w: { anomaly: boolean }) => w.anomaly).length;
  assert.equal(res.anomalies.length, flaggedEnds);
});

test('bad event flags: exit 2 with one line', () => {
  for (const [args, re] of [
    [['--threshold', 'window-sigma:x'], /^error: invalid threshold: window-sigma:x \(window-sigma, window-sigma:K/],
    [['--threshold', 'median'], /^error: invalid threshold: median \(p95, .*window-sigma\[:k\].*dynamic\)$/m],
    [['--threshold', 'p101'], /^error: invalid threshold: p101 \(percentile must be in/m],
    [['--smooth', 'abc'], /^error: invalid smooth: abc/],
    [['--train-frac', '1'], /^error: invalid train fraction: 1 leaves no rows to score; .*use --fit all$/m],
  ] as [string[], RegExp][]) {
    const r = run(['--csv', spikes, '--out', 'bad', ...TINY, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, re);
    assert.equal(r.err.split('\n').filter((l) => l.startsWith('error')).length, 1);
    assert.ok(!fs.existsSync(path.join(work, 'bad')));
  }
});

test('--fit all trains on the whole series, scores every window, with the whole-series defaults', () => {
  const r = run(['--csv', spikes, '--out', 'all', '--fit', 'all', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'all', 'result.json'), 'utf8'));
  assert.deepEqual([res.split.trainRows, res.split.testRows], [400, 400]);
  // transform none: 400 rows -> 391 windows of 10, all trained on and all scored
  assert.equal(res.test.length, 391);
  assert.equal(res.trainScores.length, 391);
  assert.equal(res.test[0].start, day(0));
  const c = res.config;
  assert.deepEqual(
    [c.fit, c.transform, c.scaler, c.window, c.encoder, c.threshold, c.pad, c.prune, c.patience, c.valSplit],
    ['all', 'none', 'minmax', 10, [8], 'window-sigma:3', 100, 0.13, 0, 0],
  );
  assert.equal(res.eventSource, 'step');
});

test('--order keep reads unsorted dates in file order; --resample averages buckets', () => {
  const rows = Array.from(
    { length: 60 },
    (_, i) =>
      `2020-01-01T${String(Math.floor(i / 6)).padStart(2, '0')}:` +
      `${String((i % 6) * 10).padStart(2, '0')}:00,${i % 7}`,
  );
  [rows[20], rows[21]] = [rows[21], rows[20]];
  const f = path.join(work, 'unsorted.csv');
  fs.writeFileSync(f, `${['timestamp,value', ...rows].join('\n')}\n`);
  const strict = run(['--csv', f, '--out', 'o1', '--fit', 'all', ...TINY]);
  assert.equal(strict.code, 2);
  assert.match(strict.err, /dates out of order: .*--order keep/);
  const keep = run(['--csv', f, '--out', 'o2', '--fit', 'all', '--order', 'keep', ...TINY]);
  assert.equal(keep.code, 0, keep.err);
  const hourly = run([
    '--csv',
    f,
    '--out',
    'o3',
    '--fit',
    'all',
    '--order',
    'keep',
    '--resample',
    '1h',
    '--window',
    '3',
    '--epochs',
    '1',
    '--units',
    '4',
    '--backend',
    'cpu',
  ]);
  assert.equal(hourly.code, 0, hourly.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'o3', 'result.json'), 'utf8'));
  assert.equal(res.data.rows, 10); // 60 ten-minute rows -> 10 hours (the swapped pair stays inside hour 3)
  assert.equal(res.test.length, 8);
});

test('--resample auto: 10-minute means for 4,000 rows at 5 min, none for 1,200; said in the run', () => {
  const five = (n: number): string[] =>
    Array.from(
      { length: n },
      (_, i) => `${new Date(Date.UTC(2020, 0, 1) + i * 300_000).toISOString().slice(0, 19)},${i % 5}`,
    );
  const small = ['--window', '3', '--epochs', '1', '--units', '4', '--backend', 'cpu', '--fit', 'all'];
  const long = path.join(work, 'five-long.csv');
  fs.writeFileSync(long, `${['timestamp,value', ...five(4000)].join('\n')}\n`);
  const a = run(['--csv', long, '--out', 'auto1', '--resample', 'auto', ...small]);
  assert.equal(a.code, 0, a.err);
  assert.match(a.err, /^resample: auto -> 10min means \(median step 5 min, 4,000 rows\)$/m);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'auto1', 'result.json'), 'utf8'));
  assert.equal(res.data.rows, 2000);
  const short = path.join(work, 'five-short.csv');
  fs.writeFileSync(short, `${['timestamp,value', ...five(1200)].join('\n')}\n`);
  const b = run(['--csv', short, '--out', 'auto2', '--resample', 'auto', ...small]);
  assert.equal(b.code, 0, b.err);
  assert.match(b.err, /^resample: auto -> none \(1,200 rows, under 4,000\)$/m);
  assert.equal(JSON.parse(fs.readFileSync(path.join(work, 'auto2', 'result.json'), 'utf8')).data.rows, 1200);
  const bad = run(['--csv', short, '--out', 'auto3', '--resample', 'sometimes', ...small]);
  assert.equal(bad.code, 2);
  assert.equal(bad.err.trim().split('\n').length, 1, bad.err);
  assert.match(bad.err, /--resample/);
  assert.ok(!fs.existsSync(path.join(work, 'auto3')));
});

test('--labels NAB JSON (.000000 timestamps, key by file name) adds result.json.evaluation', () => {
  const labels = path.join(work, 'windows.json');
  fs.writeFileSync(
    labels,
    JSON.stringify({
      'subset/spikes.csv': [
        ['2019-12-01 00:00:00.000000', '2019-12-03 00:00:00.000000'],
        ['2020-01-20 00:00:00.000000', '2020-01-21 00:00:00.000000'],
      ],
    }),
  );
  const r = run(['--csv', spikes, '--out', 'lab', '--labels', labels, ...TINY]);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'lab', 'result.json'), 'utf8'));
  const e = res.evaluation;
  assert.equal(e.labels, 2);
  // the events around the spikes on 2019-12-02 and 2020-01-21 hit the labels; the one around 2019-12-27 does not
  assert.deepEqual(
    e.labelHits.map((l: { hit: boolean }) => l.hit),
    [true, true],
  );
  assert.deepEqual([e.overlap.tp, e.overlap.fp, e.overlap.fn], [2, 1, 0]);
  assert.equal(e.eventHits.length, res.events.length);
  assert.ok(e.aucPr > 0 && e.aucPr <= 1);
  assert.match(r.err, /evaluation against 2 labels: overlap-segment P 0\.667 R 1\.000 F1 0\.800 \(tp 2, fp 1, fn 0\)/);
});

test('--label-col reads labels from a column of the data', () => {
  const f = path.join(work, 'quality.csv');
  fs.writeFileSync(
    f,
    `${[
      'Date,Close,Quality',
      ...Array.from(
        { length: 400 },
        (_, i) =>
          `${day(i)},${(100 + 5 * Math.sin(i / 6) + (i === 335 ? 40 : 0)).toFixed(4)},${i >= 334 && i <= 337 ? 'Bad' : 'Good'}`,
      ),
    ].join('\n')}\n`,
  );
  const r = run(['--csv', f, '--out', 'col', '--label-col', 'Quality', '--anomaly-value', 'Bad', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const e = JSON.parse(fs.readFileSync(path.join(work, 'col', 'result.json'), 'utf8')).evaluation;
  assert.deepEqual(e.labelHits, [{ start: day(334), end: day(337), hit: true }]);
});

test('bad labels: exit 2 with one line, nothing written', () => {
  const j = (name: string, text: string): string => {
    const p = path.join(work, name);
    fs.writeFileSync(p, text);
    return p;
  };
  const q = path.join(work, 'q2.csv');
  fs.writeFileSync(
    q,
    [
      'Date,Close,Quality',
      ...Array.from({ length: 400 }, (_, i) => `${day(i)},${i % 5},${['Good', 'Bad', 'Meh'][i % 3]}`),
    ].join('\n'),
  );
  for (const [args, re] of [
    [
      ['--labels', j('out.json', '{"spikes.csv": [["2030-01-01", "2030-02-01"]]}')],
      /^error: out\.json: label 2030-01-01\.\.2030-02-01 is outside the series \(2019-01-01\.\.2020-02-04\)$/m,
    ],
    [['--labels', j('bad.json', '{"spikes.csv": [["2019-01-01", ')], /^error: bad\.json: malformed JSON/m],
    [['--labels', j('none.json', '{"other.csv": []}')], /^error: none\.json: no labels for spikes\.csv$/m],
    [['--labels', path.join(work, 'missing.json')], /^error: --labels: cannot read .*missing\.json \(ENOENT\)$/m],
  ] as [string[], RegExp][]) {
    const r = run(['--csv', spikes, '--out', 'badlab', ...TINY, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, re);
    assert.equal(r.err.split('\n').filter((l) => l.startsWith('error')).length, 1);
    assert.ok(!fs.existsSync(path.join(work, 'badlab')));
  }
  const r = run(['--csv', q, '--out', 'badlab', ...TINY, '--label-col', 'Quality', '--anomaly-value', 'Bad']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^error: label column Quality: values "Good", "Meh" besides the anomaly value "Bad"/m);
});

test('evaluate: a row per file, tp/fp/fn summed per sub-folder, failing files as rows with their error', () => {
  const root = path.join(work, 'tree');
  for (const d of ['x', 'y']) fs.mkdirSync(path.join(root, d), { recursive: true });
  fs.copyFileSync(spikes, path.join(root, 'x', 's1.csv'));
  fs.copyFileSync(spikes, path.join(root, 'x', 's2.csv'));
  fs.writeFileSync(
    path.join(root, 'y', 'flat.csv'),
    ['Date,Close', ...Array.from({ length: 400 }, (_, i) => `${day(i)},5`)].join('\n'),
  );
  fs.writeFileSync(path.join(root, 'y', 'unsorted.csv'), 'Date,Close\n2020-01-01,1\n2020-01-03,2\n2020-01-02,3\n');
  const two = [
    ['2019-12-01 00:00:00.000000', '2019-12-03 00:00:00.000000'],
    ['2020-01-20 00:00:00', '2020-01-21 00:00:00'],
  ];
  const labels = path.join(work, 'tree-windows.json');
  fs.writeFileSync(
    labels,
    JSON.stringify({ 'x/s1.csv': two, 's2.csv': two.slice(0, 1), 'flat.csv': [], 'unsorted.csv': [] }),
  );
  // one file at a time in this process (progress lines in file order)
  const r = run(['evaluate', root, '--labels', labels, '--out', 'evalout', '--jobs', '1', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(fs.readFileSync(path.join(work, 'evalout', 'evaluation.json'), 'utf8'));
  assert.deepEqual(
    j.files.map((f: { file: string }) => f.file),
    ['x/s1.csv', 'x/s2.csv', 'y/flat.csv', 'y/unsorted.csv'],
  );
  // s1: the three spike events against two labels: 2/1/0; s2: one label: 1/2/0 -> x sums to 3/3/0, F1 6 / 9
  assert.deepEqual(
    j.files
      .slice(0, 2)
      .map((f: { counts: { tp: number; fp: number; fn: number } }) => [f.counts.tp, f.counts.fp, f.counts.fn]),
    [
      [2, 1, 0],
      [1, 2, 0],
    ],
  );
  const x = j.subsets.find((s: { subset: string }) => s.subset === 'x');
  assert.deepEqual([x.tp, x.fp, x.fn, x.files, x.failed], [3, 3, 0, 2, 0]);
  assert.ok(Math.abs(x.f1 - 2 / 3) < 1e-12);
  const y = j.subsets.find((s: { subset: string }) => s.subset === 'y');
  assert.deepEqual([y.files, y.failed], [2, 2]);
  assert.match(j.files[2].error, /^constant series/);
  assert.match(j.files[3].error, /dates out of order: .*--order keep/);
  assert.deepEqual(j.averaged, ['x']);
  assert.ok(Math.abs(j.meanF1 - 2 / 3) < 1e-12);
  const csv = fs
    .readFileSync(path.join(work, 'evalout', 'evaluation.csv'), 'utf8')
    .trim()
    .split('\n');
  assert.equal(csv.length, 5);
  assert.match(csv[1], /^x\/s1\.csv,x,2,1,0,0\.667,1\.000,0\.800,/);
  assert.match(fs.readFileSync(path.join(work, 'evalout', 'evaluation.html'), 'utf8'), /Plotly\.newPlot\("file-2"/);
  assert.match(r.err, /\[#+\] 4\/4 y\/unsorted\.csv: error: /);
  assert.match(r.err, /mean F1 over 1 sub-folders: 0\.667; \d+ s \([\d.]+ s per file\)/);
  // --jobs 2: the files in two child processes, the same rows in the same order (seconds aside)
  const r2 = run(['evaluate', root, '--labels', labels, '--out', 'evalout2', '--jobs', '2', ...TINY]);
  assert.equal(r2.code, 0, r2.err);
  assert.match(r2.err, /2 files at once/);
  const noSeconds = (dir: string) => {
    const e = JSON.parse(fs.readFileSync(path.join(work, dir, 'evaluation.json'), 'utf8'));
    delete e.seconds;
    for (const f of e.files) delete f.seconds;
    return e;
  };
  const two2 = noSeconds('evalout2');
  assert.deepEqual(two2.files, noSeconds('evalout').files);
  assert.deepEqual(two2.subsets, noSeconds('evalout').subsets);
  assert.match(r2.err, /\[#+\] 4\/4 /);
});

test('evaluate: no folder or no --labels: exit 2 with one line', () => {
  let r = run(['evaluate', '--labels', 'x.json']);
  assert.equal(r.code, 2);
  assert.match(r.err, /^error: evaluate needs a folder/);
  r = run(['evaluate', work]);
  assert.equal(r.code, 2);
  assert.match(r.err, /^error: evaluate needs --labels FILE/);
});

test('score --model --threshold p99 re-derives the threshold from the saved training MAEs without training', () => {
  const model = path.join(work, 'three', 'model');
  const res = JSON.parse(fs.readFileSync(path.join(work, 'three', 'result.json'), 'utf8'));
  const saved = JSON.parse(fs.readFileSync(path.join(model, 'train-scores.json'), 'utf8')).mae;
  assert.deepEqual(saved, res.trainScores);
  const r = run(['score', '--model', model, '--csv', spikes, '--threshold', 'p99', '--out', 'rescored']);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.err, /epoch/);
  const s = JSON.parse(fs.readFileSync(path.join(work, 'rescored', 'scores.json'), 'utf8'));
  const sorted = [...saved].sort((a: number, b: number) => a - b);
  const pos = (sorted.length - 1) * 0.99;
  const lo = Math.floor(pos);
  const p99 = sorted[lo] + (sorted[lo + 1] - sorted[lo]) * (pos - lo);
  assert.equal(s.threshold.percentile, 99);
  assert.ok(Math.abs(s.threshold.value - p99) < 1e-12);
  assert.match(s.threshold.explanation, /^99th percentile of the 310 training-window MAEs/);
  assert.equal(s.anomalies.length, s.windows.filter((w: { mae: number }) => w.mae > p99).length);
  assert.ok(fs.existsSync(path.join(work, 'rescored', 'events.csv')));
  const bad = run(['score', '--model', model, '--csv', spikes, '--threshold', 'p1000', '--out', 'rescored2']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^error: invalid threshold: p1000/m);
});

test('score --model --threshold window-sigma derives a step rule on the scored series', () => {
  const r = run([
    'score',
    '--model',
    path.join(work, 'three', 'model'),
    '--csv',
    spikes,
    '--threshold',
    'window-sigma:3',
    '--out',
    'rescored3',
  ]);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(fs.readFileSync(path.join(work, 'rescored3', 'scores.json'), 'utf8'));
  assert.equal(s.threshold.rule, 'window-sigma:3');
  // logret: 399 transformed rows, 390 windows of 10 -> 399 steps in windows of a third (133), step 14
  assert.match(
    s.threshold.explanation,
    /^window-sigma:3: mean \+ 3σ of the errors in \d+ windows of 133 steps \(step 14\)/,
  );
  assert.ok(s.events.length >= 1);
  assert.equal(s.anomalies.length, s.windows.filter((w: { anomaly: boolean }) => w.anomaly).length);
});

test('multivariate input: each event names each column share of the error', () => {
  const f = path.join(work, 'two.csv');
  const rows = Array.from({ length: 400 }, (_, i) => {
    const a = 100 + 5 * Math.sin(i / 6);
    const b = 50 + 3 * Math.cos(i / 5) + (i === 360 ? 30 : 0);
    return `${day(i)},${a.toFixed(4)},${b.toFixed(4)}`;
  });
  fs.writeFileSync(f, `${['Date,A,B', ...rows].join('\n')}\n`);
  const r = run(['--csv', f, '--value-col', 'A,B', '--out', 'two', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'two', 'result.json'), 'utf8'));
  const hit = res.events.find((e: { start: string; end: string }) => e.start <= day(360) && day(360) <= e.end);
  assert.ok(hit, JSON.stringify(res.events));
  assert.ok(Math.abs(hit.shares.A + hit.shares.B - 1) < 1e-9);
  assert.ok(hit.shares.B > hit.shares.A, JSON.stringify(hit.shares));
  assert.equal(hit.explained.channel.name, 'B');
  assert.match(
    fs.readFileSync(path.join(work, 'two', 'events.csv'), 'utf8'),
    /^start,.*,severity,share_A,share_B,move_column,.*,explanation\n/,
  );
});
