import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { sineSeries } from '../../data/synthetic';
import { makeWindows, pickWindows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { windowRows, ZScoreDetector } from './zscore';

const col = (xs: number[]) => xs.map((x) => [x]);
const round = (xs: number[]) => xs.map((x) => Math.round(x * 1e6) / 1e6);

test('zscore: hand-computed |z| against the 3 steps before (population std); windows take the max', () => {
  const rows = col([1, 2, 3, 4, 10]);
  const z = new ZScoreDetector().fit(makeWindows(rows, 3));
  assert.equal(z.window, 3);
  // Steps 0-2: training mean 4, std sqrt(10). Step 3: [1,2,3] mean 2, std sqrt(2/3). Step 4: [2,3,4] mean 3.
  const s10 = Math.sqrt(10);
  const s23 = Math.sqrt(2 / 3);
  assert.deepEqual(round(z.scoreSteps(rows)), round([3 / s10, 2 / s10, 1 / s10, 2 / s23, 7 / s23]));
  assert.deepEqual(round(z.scoreSteps(rows)), [0.948683, 0.632456, 0.316228, 2.44949, 8.573214]);
  assert.deepEqual(round(z.scoreWindows(makeWindows(rows, 3))), [0.948683, 2.44949, 8.573214]);
});

test('zscore: several features score the largest |z|', () => {
  const rows = [
    [0, 0],
    [2, 10],
    [0, 0],
    [2, 10],
    [1, 20],
  ];
  const z = new ZScoreDetector().fit(makeWindows(rows, 2));
  // Training means 1 and 8, variances 0.8 and 56; from step 2 the two steps before: means 1, 5, stds 1, 5.
  assert.deepEqual(round(z.scoreSteps(rows)), round([1 / Math.sqrt(0.8), 1 / Math.sqrt(0.8), 1, 1, 3]));
});

test('zscore: a constant stretch or a constant training series gives finite scores', () => {
  const z = new ZScoreDetector().fit(makeWindows(col([1, 3, 1, 3]), 2)); // mean 2, std 1
  assert.deepEqual(z.scoreSteps(col([5, 5, 5, 7])), [3, 3, 0, 2]);
  const flat = new ZScoreDetector().fit(makeWindows(col([4, 4, 4]), 2)); // std 0 -> 1
  assert.deepEqual(flat.toJSON().std, [1]);
  assert.deepEqual(flat.scoreSteps(col([4, 4, 4, 6])), [0, 0, 0, 2]);
  assert.deepEqual(flat.scoreWindows(makeWindows(col([4, 4, 4, 6]), 2)), [0, 0, 2]);
});

test('zscore: toJSON / fromJSON round trip gives identical scores', () => {
  const s = sineSeries({ n: 300, period: 25, noise: 0.2, seed: 5 });
  const w = makeWindows(s.values, 12);
  const z = new ZScoreDetector().fit(w);
  const again = ZScoreDetector.fromJSON(JSON.parse(JSON.stringify(z.toJSON())));
  assert.deepEqual(again.scoreWindows(w), z.scoreWindows(w));
  assert.deepEqual(again.scoreSteps(s.values), z.scoreSteps(s.values));
  assert.equal(z.toJSON().kind, 'zscore');
  const wrong = { ...z.toJSON(), kind: 'pca' as 'zscore' };
  assert.throws(() => ZScoreDetector.fromJSON(wrong), /invalid zscore state: kind "pca"/);
  assert.throws(() => ZScoreDetector.fromJSON({ ...z.toJSON(), std: [0] }), /every std must be > 0/);
});

test('zscore: windowRows recovers the series; bad input', () => {
  assert.deepEqual(windowRows(makeWindows(col([1, 2, 3, 4]), 2)), col([1, 2, 3, 4]));
  const gap = pickWindows(makeWindows(col([1, 2, 3, 4]), 2), [0, 2]);
  assert.throws(() => windowRows(gap), /window 1 is not window 0 shifted/);
  const none = { x: new Float32Array(0), n: 0, window: 3, features: 1 };
  assert.throws(() => new ZScoreDetector().fit(none), /zscore: no training windows/);
  assert.throws(
    () => new ZScoreDetector().fit(makeWindows(col([1, NaN, 3]), 2)),
    (e: Error) => e instanceof InputError && e.message === 'zscore: row 1 has a non-finite value (NaN)',
  );
  const z = new ZScoreDetector().fit(makeWindows(col([1, 2, 3]), 2));
  const shape = /zscore: windows of 3 steps x 1 feature\(s\), the detector was fitted on 2 x 1/;
  assert.throws(() => z.scoreWindows(makeWindows(col([1, 2, 3]), 3)), shape);
  assert.throws(() => z.scoreSteps([[1, 2]]), /zscore: row 0 has 2 values, expected 1/);
  assert.throws(() => new ZScoreDetector().scoreSteps([[1]]), /not fitted/);
  assert.deepEqual(z.scoreSteps([]), []);
});
