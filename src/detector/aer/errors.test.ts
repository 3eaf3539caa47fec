import assert from 'node:assert/strict';
import { test } from 'node:test';
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
