import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { sineSeries } from '../../data/synthetic';
import { autocorrelation, dominantPeriod } from './period';

const sine = (n: number, period: number, noise = 0, seed = 42) =>
  sineSeries({ n, period, noise, seed }).values.map((r) => r[0]);

test('autocorrelation: hand-computed values (biased estimator, as statsmodels)', () => {
  assert.deepEqual(autocorrelation([1, 2, 1, 2], 3), [1, -0.75, 0.5, -0.25]);
  assert.deepEqual(autocorrelation([1, 2], 5), [1, -0.5]); // lags past n - 1 left out
  assert.equal(autocorrelation([4, 4, 4], 2), null);
  assert.equal(autocorrelation([], 2), null);
  assert.throws(() => autocorrelation([1, NaN], 1), /value 1 is not finite/);
});

test('dominantPeriod: the period of a known sine, with and without noise', () => {
  assert.equal(dominantPeriod(sine(1000, 24)), 24);
  assert.equal(dominantPeriod(sine(2000, 50, 0.5, 7)), 50);
  // The biased estimator tapers lag k by (1 - k/n): lag 288 has 0.9760, lag 287 cos(2 pi / 288) 0.9761 = 0.9758.
  assert.equal(dominantPeriod(Float64Array.from(sine(12000, 288)), { max: 400 }), 288);
  // The first peak (lag 24) is the highest; with the range starting past it, the next cycle (48) is found.
  assert.equal(dominantPeriod(sine(1000, 24), { min: 30 }), 48);
});

test('dominantPeriod: null without a peak in range, for a constant or too short series; a floor on the peak', () => {
  assert.equal(dominantPeriod(sine(1000, 24), { min: 30, max: 40 }), null);
  assert.equal(dominantPeriod(new Array(100).fill(2)), null);
  assert.equal(dominantPeriod([1, 2, 3]), null);
  assert.equal(dominantPeriod(sine(1000, 24, 3), { minAcf: 0.9 }), null);
});

test('dominantPeriod: bad options are InputErrors', () => {
  assert.throws(() => dominantPeriod([1, 2], { min: 0 }), /invalid min: 0/);
  assert.throws(() => dominantPeriod([1, 2], { min: 10, max: 5 }), /invalid max: 5 \(an integer >= min \(10\)\)/);
  assert.throws(() => dominantPeriod([1, 2], { maxValues: 0 }), /invalid maxValues: 0/);
});
