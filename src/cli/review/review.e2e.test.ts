import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-review-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu'];
const run = (args: string[]) => runCliSync(args, work);
const day = (i: number): string => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
// 400 daily rows of a sine, three one-day spikes of +40 in the last 80 (test) rows
fs.writeFileSync(
  path.join(work, 'spikes.csv'),
  `${[
    'Date,Close',
    ...Array.from(
      { length: 400 },
      (_, i) => `${day(i)},${(100 + 5 * Math.sin(i / 6) + ([335, 360, 385].includes(i) ? 40 : 0)).toFixed(4)}`,
    ),
  ].join('\n')}\n`,
);
const detect = run(['--csv', 'spikes.csv', '--out', 'run', ...TINY]);
const res = JSON.parse(fs.readFileSync(path.join(work, 'run', 'result.json'), 'utf8'));
// the person: spikes 1 and 3 are anomalies, the second is not, and days 372..373 (between two events) were missed
const marks = {
  'spikes.csv': [
    [day(335), day(336)],
    [day(372), day(373)],
    [day(385), day(386)],
  ],
};
fs.writeFileSync(path.join(work, 'marks-spikes.json'), JSON.stringify(marks));

test('review: scores the run against the marks and suggests a threshold with the score command', () => {
  assert.equal(detect.code, 0, detect.err);
  assert.equal(res.events.length, 3);
  const r = run(['review', 'run', '--labels', 'marks-spikes.json']);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'marks: marks-spikes.json, 3 intervals for spikes.csv');
  // events at the three spikes: two match a mark, one does not, the missed interval is a false negative
  assert.equal(
    lines[1],
    'this run: 3 events; overlap-segment precision 0.667, recall 0.667, F1 0.667 (tp 2, fp 1, fn 1)',
  );
  const m = /^suggested threshold: ([\d.e-]+) \(window MAE\): (\d+) events, F1 ([\d.]+) \(tp (\d+), fp (\d+)/.exec(
    lines[2],
  );
  assert.ok(m, lines[2]);
  assert.ok(Number(m[3]) >= 0.667, lines[2]);
  assert.match(lines[3], /best of \d+ candidates: the distinct window MAEs at 200 evenly spaced quantiles/);
  assert.equal(lines[5], `  lstm-anomaly score --model run/model --csv spikes.csv --threshold ${m[1]}`);
  // --apply runs that command into a new folder; score scores the whole series (training part too), and its
  // events that reach into the run's test span are the ones review counted
  const a = run(['review', 'run', '--labels', 'marks-spikes.json', '--apply', '--out', 'applied']);
  assert.equal(a.code, 0, a.err);
  const scores = JSON.parse(fs.readFileSync(path.join(work, 'applied', 'scores.json'), 'utf8'));
  assert.equal(scores.threshold.value, Number(m[1]));
  const inTest = scores.events.filter((e: { end: string }) => e.end >= res.test[0].start);
  assert.equal(inTest.length, Number(m[2]));
  assert.ok(fs.existsSync(path.join(work, 'applied', 'report.html')));
});

test('review: the exported marks read back as --labels of detect', () => {
  const r = run(['--csv', 'spikes.csv', '--out', 'labeled', '--labels', 'marks-spikes.json', ...TINY]);
  assert.equal(r.code, 0, r.err);
  const ev = JSON.parse(fs.readFileSync(path.join(work, 'labeled', 'result.json'), 'utf8')).evaluation;
  assert.equal(ev.labels, 3);
  assert.deepEqual([ev.overlap.tp, ev.overlap.fp, ev.overlap.fn], [2, 1, 1]);
});

test('review: marks of another series, or outside it, exit 2 in one line', () => {
  fs.writeFileSync(path.join(work, 'other.json'), JSON.stringify({ 'nyc_taxi.csv': marks['spikes.csv'] }));
  const r = run(['review', 'run', '--labels', 'other.json']);
  assert.equal(r.code, 2);
  assert.equal(r.err, "error: other.json: marks nyc_taxi.csv, not this run's series spikes.csv\n");
  fs.writeFileSync(path.join(work, 'far.csv'), 'start,end,label\n2024-01-01,2024-01-03,anomaly\n');
  const c = run(['review', 'run', '--labels', 'far.csv']);
  assert.equal(c.code, 2);
  assert.match(
    c.err,
    /^error: far\.csv: interval 1 \(2024-01-01 \.\. 2024-01-03\) lies outside this run's series spikes\.csv \(2019-01-01 \.\. 2020-02-04\); marks for another series\?\n$/,
  );
  const d = run(['review', 'nowhere', '--labels', 'other.json']);
  assert.equal(d.code, 2);
  assert.equal(d.err.split('\n').length, 2, d.err);
  assert.equal(fs.existsSync(path.join(work, 'reports')), false);
});
