import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTimeline } from './compare';

const A = [
  { end: '2021-01-02', mae: 0.1, anomaly: false },
  { end: '2021-01-03', mae: 0.9, anomaly: true },
];
const B = [
  { end: '2021-01-02', mae: 3, anomaly: true },
  { end: '2021-01-03', mae: 1, anomaly: false },
];

test('compareTimeline: one row per detector on one shared date axis, 3 traces each', () => {
  const fig = compareTimeline([
    { name: 'lstm', windows: A, threshold: 0.5 },
    { name: 'zscore', windows: B, threshold: 2 },
  ]);
  assert.equal(fig.data.length, 6);
  assert.deepEqual(
    fig.data.map((d) => d.name),
    [
      'lstm score',
      'lstm threshold (0.5)',
      'lstm flagged (1)',
      'zscore score',
      'zscore threshold (2)',
      'zscore flagged (1)',
    ],
  );
  assert.ok(fig.data.every((d) => d.xaxis === 'x'));
  assert.deepEqual(
    fig.data.map((d) => d.yaxis),
    ['y', 'y', 'y', 'y2', 'y2', 'y2'],
  );
  assert.deepEqual(fig.data[2].x, ['2021-01-03']);
  assert.deepEqual(fig.data[5].y, [3]);
  assert.equal((fig.layout.xaxis as { type: string }).type, 'date');
  assert.equal((fig.layout.xaxis as { anchor: string }).anchor, 'y2', 'the time axis is drawn under the last row');
  // Two rows with a gap of 0.04: heights 0.48, the top one [0.52, 1], the bottom one [0, 0.48].
  const dom = (k: string) => (fig.layout[k] as { domain: number[] }).domain.map((v) => +v.toFixed(6));
  assert.deepEqual(dom('yaxis'), [0.52, 1]);
  assert.deepEqual(dom('yaxis2'), [0, 0.48]);
});

test('compareTimeline: no detectors or a non-finite threshold are refused', () => {
  assert.throws(() => compareTimeline([]), /^InputError: compare chart: no detectors$/);
  assert.throws(() => compareTimeline([{ name: 'pca', windows: A, threshold: NaN }]), /threshold of pca is NaN/);
  assert.deepEqual(compareTimeline([{ name: 'pca', windows: [], threshold: 1 }]).data[0].x, []);
});
