import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-split-events-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const day = (i: number): string => new Date(Date.UTC(2019, 0, 1 + i)).toISOString().slice(0, 10);
// 400 daily rows of a sine with spikes of +40 at rows 100 (training part: the split keeps rows 0..319) and 360
const csv = path.join(work, 'spikes.csv');
fs.writeFileSync(
  csv,
  `${[
    'Date,Close',
    ...Array.from(
      { length: 400 },
      (_, i) => `${day(i)},${(100 + 5 * Math.sin(i / 6) + ([100, 360].includes(i) ? 40 : 0)).toFixed(4)}`,
    ),
  ].join('\n')}\n`,
);
const labels = path.join(work, 'labels.csv');
fs.writeFileSync(labels, `start,end\n${day(98)},${day(103)}\n${day(358)},${day(363)}\n`);

test('split mode: events lie in the test part; a label in the training part is a miss, its count printed', () => {
  const args = ['--csv', csv, '--labels', labels, '--detector', 'zscore', '--window', '10', '--out', 'o'];
  const r = runCliSync(args, work);
  assert.equal(r.code, 0, r.err);
  const res = JSON.parse(fs.readFileSync(path.join(work, 'o', 'result.json'), 'utf8'));
  assert.equal(res.split.trainEnd, day(319));
  assert.ok(res.events.length >= 1);
  for (const e of res.events) assert.ok(e.start > res.split.trainEnd, `event ${e.start} in the training part`);
  assert.ok(res.events.some((e: { start: string; end: string }) => e.start <= day(361) && day(360) <= e.end));
  const ev = res.evaluation;
  assert.deepEqual([ev.labels, ev.labelsOutside], [1, 1]);
  assert.equal(ev.overlap.tp, 1);
  assert.equal(ev.overlap.fn, 1); // the training-part label, missed as Orion counts it
  assert.match(r.err, /1 label outside the scored span \(in the training part\): counted as misses \(fn\)/);
});
