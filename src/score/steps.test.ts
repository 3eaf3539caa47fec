import assert from 'node:assert/strict';
import { test } from 'node:test';
import { autoSmoothing, rollingMean, stepScores } from './steps';

// Series [1, 2, 3, 4, 5] in 3 windows of 3 steps; step 2 is covered by all three windows.
const x = new Float32Array([1, 2, 3, 2, 3, 4, 3, 4, 5]);
const recon = new Float32Array([1, 2, 6, 2, 5, 4, 3, 4, 7]);

test('stepScores: median over the covering windows (hand-computed)', () => {
  const s = stepScores(x, recon, 3, 3, 1);
  assert.equal(s.length, 5);
  assert.deepEqual(Array.from(s.x), [1, 2, 3, 4, 5]);
  // step 2: reconstructions 6, 5, 3 -> median 5 -> error 2; step 4: 7 -> error 2
  assert.deepEqual(Array.from(s.recon), [1, 2, 5, 4, 7]);
  assert.deepEqual(Array.from(s.scores), [0, 0, 2, 0, 2]);
  assert.equal(s.smoothing, 1);
});

test('stepScores: mean option and smoothing', () => {
  const s = stepScores(x, recon, 3, 3, 1, { aggregate: 'mean' });
  assert.ok(Math.abs(s.scores[2] - 5 / 3) < 1e-12); // (6 + 5 + 3) / 3 = 14/3, |3 - 14/3| = 5/3
  const sm = stepScores(x, recon, 3, 3, 1, { smooth: 3 });
  const want = [0, 2 / 3, 2 / 3, 4 / 3, 1];
  sm.scores.forEach((v, i) => assert.ok(Math.abs(v - want[i]) < 1e-12, `step ${i}: ${v}`));
});

test('stepScores: per-feature errors are kept and averaged', () => {
  const s = stepScores(new Float32Array([1, 10, 2, 20]), new Float32Array([1, 12, 5, 20]), 1, 2, 2);
  assert.deepEqual(Array.from(s.perFeature), [0, 2, 3, 0]);
  assert.deepEqual(Array.from(s.scores), [1, 1.5]);
  // raw: the mean over the features of each step, before smoothing (what `extreme` reads)
  const r = stepScores(new Float32Array(6), new Float32Array([1, 3, 2, 2, 0, 5]), 3, 1, 2, { smooth: 3 });
  assert.deepEqual(Array.from(r.raw), [2, 2, 2.5]);
  assert.deepEqual(Array.from(stepScores(new Float32Array(2), new Float32Array([0.1, 0.7]), 2, 1, 1).raw), [
    Math.fround(0.1),
    Math.fround(0.7),
  ]);
  assert.notDeepEqual(Array.from(r.scores), Array.from(r.raw));
});

test('stepScores: no windows, bad sizes', () => {
  assert.equal(stepScores(new Float32Array(0), new Float32Array(0), 0, 3, 1).length, 0);
  assert.throws(() => stepScores(new Float32Array(4), new Float32Array(3), 1, 4, 1), /invalid reconstruction/);
});

test('autoSmoothing and rollingMean', () => {
  assert.equal(autoSmoothing(4032), 40);
  assert.equal(autoSmoothing(50000), 200);
  assert.equal(autoSmoothing(10), 1);
  assert.deepEqual(Array.from(rollingMean([0, 3, 0, 3], 3)), [1.5, 1, 2, 1.5]);
  assert.deepEqual(Array.from(rollingMean([0, 4], 2)), [0, 2]);
  assert.deepEqual(Array.from(rollingMean([5], 40)), [5]);
});
