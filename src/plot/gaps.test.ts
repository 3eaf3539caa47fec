import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareTimeline } from './compare';
import { brokenLine, gapsAfter } from './gaps';

const day = (i: number): string => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

test('gapsAfter / brokenLine: a null point where the dates jump more than 3 typical steps', () => {
  const dates = [0, 1, 2, 3, 40, 41, 42].map(day);
  assert.deepEqual(gapsAfter(dates, [0, 1, 2, 3, 4, 5, 6]), [false, false, false, true, false, false]);
  // a decimated line still breaks when the gap lies between two of its points
  assert.deepEqual(gapsAfter(dates, [0, 2, 5, 6]), [false, true, false]);
  const line = brokenLine(dates, [1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(line.y, [1, 2, 3, 4, null, 5, 6, 7]);
  assert.equal(line.x[4], null);
  // regular dates, or dates that are not dates: no break
  assert.deepEqual(gapsAfter([0, 1, 2, 3].map(day), [0, 1, 2, 3]), [false, false, false]);
  assert.deepEqual(gapsAfter(['a', 'b', 'c'], [0, 1, 2]), [false, false]);
});

test('compareTimeline: the score line breaks at a gap in the data; a step rule draws no threshold line', () => {
  const idx = [0, 1, 2, 3, 40, 41, 42];
  const windows = idx.map((i, k) => ({ end: day(i), mae: k, anomaly: k === 5 }));
  const fig = compareTimeline([
    { name: 'lstm', windows, threshold: 4.5 },
    { name: 'pca', windows, threshold: null, rule: 'window-sigma:3' },
  ]);
  assert.deepEqual(fig.data[0].y, [0, 1, 2, 3, null, 4, 5, 6]);
  assert.deepEqual(fig.data[4].y, []);
  assert.equal(fig.data[4].name, 'pca: window-sigma:3 flags per step (no window threshold)');
});
