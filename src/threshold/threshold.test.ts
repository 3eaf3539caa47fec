import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meanStd, percentile } from './percentile';
import { parseThreshold, Threshold } from './rule';

test('percentile: linear interpolation as numpy', () => {
  // numpy.percentile([1, 2, 3, 4], 95) == 3.85; ([3, 1, 2], 50) == 2; (range(10), 99) == 8.91
  assert.ok(Math.abs(percentile([1, 2, 3, 4], 95) - 3.85) < 1e-12);
  assert.equal(percentile([3, 1, 2], 50), 2);
  assert.ok(Math.abs(percentile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 99) - 8.91) < 1e-12);
  assert.equal(percentile([7], 95), 7);
  assert.equal(percentile([5, 5, 5], 99), 5);
  assert.equal(percentile([1, 2], 0), 1);
  assert.equal(percentile([1, 2], 100), 2);
});

test('percentile: empty input and q out of range', () => {
  assert.throws(() => percentile([], 95), /no values/);
  assert.throws(() => percentile([1], 101), /invalid percentile: 101/);
  assert.throws(() => percentile([1], -1), /invalid percentile: -1/);
});

test('meanStd: population standard deviation', () => {
  assert.deepEqual(meanStd([1, 3]), { mean: 2, std: 1 });
  assert.deepEqual(meanStd([4]), { mean: 4, std: 0 });
  assert.throws(() => meanStd([]), /no values/);
});

test('parseThreshold: p95, p99.5, fixed numbers, k sigma', () => {
  assert.deepEqual(parseThreshold('p95'), { method: 'percentile', percentile: 95 });
  assert.deepEqual(parseThreshold('P99.5'), { method: 'percentile', percentile: 99.5 });
  assert.deepEqual(parseThreshold('0.65'), { method: 'fixed', value: 0.65 });
  assert.deepEqual(parseThreshold(2), { method: 'fixed', value: 2 });
  assert.deepEqual(parseThreshold('3sigma'), { method: 'sigma', k: 3 });
  for (const bad of ['p0', 'p101', 'high', '-1', '0', ''])
    assert.throws(() => parseThreshold(bad), /invalid threshold/);
});

test('Threshold: fit, flag strictly above, JSON round trip', () => {
  const p = Threshold.fit(parseThreshold('p95'), [1, 2, 3, 4]);
  assert.ok(Math.abs(p.value - 3.85) < 1e-12);
  assert.deepEqual(p.flag([3.85, 3.86, 0]), [false, true, false]);
  assert.deepEqual(Threshold.fromJSON(p.toJSON()).toJSON(), p.toJSON());
  assert.equal(p.label(), 'p95');
  const s = Threshold.fit(parseThreshold('2sigma'), [1, 3]);
  assert.equal(s.value, 4);
  assert.deepEqual(s.toJSON(), { method: 'sigma', value: 4, k: 2 });
  const f = Threshold.fit(parseThreshold('0.65'), []);
  assert.deepEqual(f.toJSON(), { method: 'fixed', value: 0.65 });
  assert.equal(Threshold.fromJSON(f.toJSON()).value, 0.65);
  assert.throws(() => Threshold.fit(parseThreshold('p95'), []), /no values/);
});
