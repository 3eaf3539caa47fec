import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DTW_SPAN, dtw, dtwErrors } from './dtw';
import { ewma, fillGaps, stepErrors, windowMeans } from './errors';

test('ewma is pandas ewm(span).mean() with adjust=True', () => {
  const two = ewma([0, 3], 2);
  assert.ok(two[0] === 0 && Math.abs(two[1] - 2.25) < 1e-12, `${two}`);
  // span 3: a = 0.5; pandas gives 1, 1.6666..., 2.4285...
  const e = ewma([1, 2, 3], 3);
  assert.ok(Math.abs(e[1] - 5 / 3) < 1e-12 && Math.abs(e[2] - 17 / 7) < 1e-12, `${e}`);
  assert.deepEqual(Array.from(ewma([4, 1, 7], 1)), [4, 1, 7]);
});

test('fillGaps and windowMeans', () => {
  assert.deepEqual(Array.from(fillGaps(Float64Array.of(Number.NaN, 1, Number.NaN, 3))), [1, 1, 1, 3]);
  assert.deepEqual(Array.from(fillGaps(Float64Array.of(Number.NaN))), [0]);
  assert.deepEqual(windowMeans(Float64Array.of(1, 2, 3), 2), [1.5, 2.5]);
  assert.deepEqual(windowMeans(Float64Array.of(1, 2, 3, 6), 3), [2, 11 / 3]);
});

test('stepErrors: median reconstruction error and the two regressions per step (W 4, 3 windows, 6 steps)', () => {
  // series 0, 1, 2, 3, 4, 5; windows i cover steps i .. i + 3
  const W = 4;
  const n = 3;
  const x = new Float32Array(n * W);
  const y = new Float32Array(n * W);
  for (let i = 0; i < n; i++) for (let t = 0; t < W; t++) x[i * W + t] = i + t;
  // outputs: each value + its window index (window 0 exact, 1 off by 1, 2 off by 2); window 1 regresses its
  // first step 3 too high
  for (let i = 0; i < n; i++) for (let t = 0; t < W; t++) y[i * W + t] = i + t + i;
  y[1 * W + 0] += 3;
  const { rec, reg } = stepErrors(x, y, n, W, 1);
  // step 1: inner of window 0 only (error 0); step 2: windows 0, 1 -> median of (2, 3) = 2.5; step 3: windows
  // 1, 2 -> median (4, 5); step 4: window 2 (error 2); steps 0 and 5: the nearest (earlier) step's
  assert.deepEqual(Array.from(rec), [0, 0, 0.5, 1.5, 2, 2]);
  // backward regression of window s on step s (0, 4, 2), forward of window s - 3 on step s (0, 1, 2)
  assert.deepEqual(Array.from(reg), [0, 4, 2, 0, 1, 2]);
});

test('stepErrors: several features are averaged', () => {
  const x = new Float32Array(8); // one window of 4 steps x 2 features, all zero
  const y = Float32Array.of(1, 3, 0, 0, 2, 4, 5, 7);
  const { rec, reg } = stepErrors(x, y, 1, 4, 2);
  assert.deepEqual(Array.from(rec), [0, 0, 3, 3]);
  // step 0: backward (1 + 3) / 2; step 3: forward (5 + 7) / 2; steps 1, 2: neither, the nearest earlier
  assert.deepEqual(Array.from(reg), [2, 2, 2, 6]);
});

test('dtw: the classic distance of pyts (square cost, square root): known pairs by hand', () => {
  // pyts' own example: squared costs rows 4 0 1 / 1 1 0 / 1 1 0, accumulated 4 4 5 / 5 5 4 / 6 6 4: sqrt(4)
  assert.equal(dtw([0, 1, 1], [2, 0, 1], 0, 3), 2);
  // [0, 1] vs [2, 0]: costs 4 0 / 1 1, accumulated 4 4 / 5 5: sqrt(5)
  assert.equal(dtw([0, 1], [2, 0], 0, 2), Math.sqrt(5));
  assert.equal(dtw([5, 0, 1, 1], [7, 2, 0, 1], 1, 3), 2);
  // a constant gap of 1 over m steps: the diagonal, sqrt(m)
  assert.equal(dtw(new Float64Array(11), new Float64Array(11).fill(1), 0, 11), Math.sqrt(11));
});

test('dtwErrors: each step the DTW distance over the span centred on it, cut at the ends', () => {
  assert.deepEqual(Array.from(dtwErrors([0, 1, 1], [2, 0, 1], 3)), [Math.sqrt(5), 2, 1]);
  // zeros against ones, span 11 over 13 steps: 6, 7, .. 11 steps in each comparison, then back down to 6
  const e = dtwErrors(new Float64Array(13), new Float64Array(13).fill(1), DTW_SPAN);
  assert.deepEqual(Array.from(e), [6, 7, 8, 9, 10, 11, 11, 11, 10, 9, 8, 7, 6].map(Math.sqrt));
  assert.deepEqual(Array.from(dtwErrors([1, 2, 3], [1, 2, 3], DTW_SPAN)), [0, 0, 0]);
});

test('stepErrors: dtw reconstruction error of the median reconstructions (W 4, 2 windows, 5 steps)', () => {
  // series 9, 0, 1, 1, 9: windows 9 0 1 1 and 0 1 1 9; inner steps 1..3 have the values 0, 1, 1
  const x = Float32Array.of(9, 0, 1, 1, 0, 1, 1, 9);
  // step 1: window 0 alone (2); step 2: windows 0 and 1 (0, 0); step 3: window 1 alone (1): medians 2, 0, 1;
  // both regressions exact
  const y = Float32Array.of(9, 2, 0, 1, 0, 0, 1, 9);
  // point: |0 - 2|, |1 - 0|, |1 - 1|; the first and last steps take the nearest
  assert.deepEqual(Array.from(stepErrors(x, y, 2, 4, 1).rec), [2, 2, 1, 0, 0]);
  // dtw: the 11-step span covers all three inner steps: dtw([0, 1, 1], [2, 0, 1]) = 2 for each
  const d = stepErrors(x, y, 2, 4, 1, 'dtw');
  assert.deepEqual(Array.from(d.rec), [2, 2, 2, 2, 2]);
  assert.deepEqual(Array.from(d.reg), [0, 0, 0, 0, 0]);
  // two features: the mean of each feature's distance (the second feature exact: 0)
  const x2 = Float32Array.from(Array.from(x).flatMap((v) => [v, v]));
  const y2 = Float32Array.from(Array.from(y).flatMap((v, k) => [v, x[k]]));
  assert.deepEqual(Array.from(stepErrors(x2, y2, 2, 4, 2, 'dtw').rec), [1, 1, 1, 1, 1]);
});
