import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { sineSeries } from '../../data/synthetic';
import { makeWindows, type Windows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { Rng } from '../../util/random';
import { IsolationForestDetector } from './iforest';
import { averagePathLength, harmonic } from './tree';

const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

/** 300 two-value windows from N(0, 1) (seeded) and, at index 150, the outlier (8, 8). */
function cluster(): Windows {
  const rng = new Rng(1);
  const pts = Array.from({ length: 300 }, (_, i) => (i === 150 ? [8, 8] : [rng.normal(), rng.normal()]));
  return { x: Float32Array.from(pts.flat()), n: pts.length, window: 2, features: 1 };
}

test("c(n): the paper's average path length 2H(n-1) - 2(n-1)/n, hand-computed", () => {
  assert.equal(averagePathLength(0), 0);
  assert.equal(averagePathLength(1), 0);
  assert.equal(averagePathLength(2), 1); // 2H(1) - 1
  close(averagePathLength(3), 5 / 3, 1e-12, 'c(3)'); // 2 * 1.5 - 4/3
  close(averagePathLength(4), 13 / 6, 1e-12, 'c(4)'); // 2 * 11/6 - 6/4
  close(averagePathLength(256), 10.248689925634562, 1e-12, 'c(256)'); // H(255) = 6.120438712817281
  // The paper's estimate H(i) ~ ln(i) + 0.5772156649 (scikit-learn's): 10.2448 for c(256).
  close(averagePathLength(256), 2 * (Math.log(255) + 0.5772156649) - (2 * 255) / 256, 0.005, 'c(256) estimate');
  // The asymptotic branch (i > 64) agrees with the sum.
  let h = 0;
  for (let k = 1; k <= 255; k++) h += 1 / k;
  close(harmonic(255), h, 1e-13, 'H(255)');
  close(harmonic(65), 4.759275519090383, 1e-13, 'H(65)');
});

test('iforest: an obvious outlier ranks first; ordinary points score near or below 0.5', () => {
  const w = cluster();
  const scores = new IsolationForestDetector().fit(w).scoreWindows(w);
  const first = scores.indexOf(Math.max(...scores));
  assert.equal(first, 150);
  assert.ok(scores[150] > 0.75, `outlier ${scores[150]}`);
  const others = scores.filter((_, i) => i !== 150).sort((a, b) => a - b);
  assert.ok(others[149] < 0.5, `median ${others[149]}`);
  const fresh = { x: Float32Array.from([0, 0, 20, -20]), n: 2, window: 2, features: 1 };
  const x = new IsolationForestDetector().fit(w).scoreWindows(fresh);
  assert.ok(x[1] > x[0] + 0.2, `new points ${x}`);
});

test('iforest: seeded: same seed same scores, another seed other scores', () => {
  const w = cluster();
  const a = new IsolationForestDetector({ seed: 7 }).fit(w).scoreWindows(w);
  const b = new IsolationForestDetector({ seed: 7 }).fit(w).scoreWindows(w);
  const c = new IsolationForestDetector({ seed: 8 }).fit(w).scoreWindows(w);
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test("iforest: the paper's settings: 100 trees on subsamples of 256, height limit 8", () => {
  const w = makeWindows(sineSeries({ n: 1000, period: 30, seed: 2 }).values, 10);
  const s = new IsolationForestDetector().fit(w).toJSON();
  assert.equal(s.roots.length, 100);
  assert.equal(s.psi, 256);
  for (const r of s.roots) assert.equal(s.size[r], 256);
  // Depth of every node: no leaf deeper than ceil(log2 256) = 8.
  const depth = new Array<number>(s.feature.length).fill(0);
  for (let k = 0; k < s.feature.length; k++) {
    if (s.feature[k] >= 0) depth[s.left[k]] = depth[s.right[k]] = depth[k] + 1;
  }
  assert.equal(Math.max(...depth), 8);
  const small = new IsolationForestDetector().fit(makeWindows(sineSeries({ n: 50 }).values, 10)).toJSON();
  assert.equal(small.psi, 41); // fewer windows than 256: all of them, height limit ceil(log2 41) = 6
});

test('iforest: toJSON / fromJSON round trip gives identical scores', () => {
  const w = cluster();
  const f = new IsolationForestDetector({ trees: 20 }).fit(w);
  const state = f.toJSON();
  assert.equal(state.kind, 'iforest');
  const again = IsolationForestDetector.fromJSON(JSON.parse(JSON.stringify(state)));
  assert.deepEqual(again.scoreWindows(w), f.scoreWindows(w));
  const wrong = { ...state, kind: 'pca' as 'iforest' };
  assert.throws(() => IsolationForestDetector.fromJSON(wrong), /invalid iforest state: kind "pca"/);
  assert.throws(() => IsolationForestDetector.fromJSON({ ...state, left: [1] }), /node arrays differ in length/);
  const broken = { ...state, left: state.left.map((v) => (v >= 0 ? state.feature.length : v)) };
  assert.throws(() => IsolationForestDetector.fromJSON(broken), /points outside the forest/);
});

test('iforest: bad input is an InputError; constant windows all score 0.5', () => {
  const none = { x: new Float32Array(0), n: 0, window: 2, features: 1 };
  assert.throws(
    () => new IsolationForestDetector().fit(none),
    (e: Error) => e instanceof InputError && e.message === 'iforest: no training windows',
  );
  const forest = () => new IsolationForestDetector();
  assert.throws(() => forest().fit(makeWindows([[1], [2]], 2)), /1 training window\(s\), at least 2 needed/);
  assert.throws(() => forest().fit(makeWindows([[1], [NaN], [3]], 2)), /training window 0 has a non-finite value/);
  assert.throws(() => new IsolationForestDetector({ trees: 0 }), /invalid trees: 0/);
  assert.throws(() => new IsolationForestDetector({ sampleSize: 1 }), /invalid sampleSize: 1/);
  const f = new IsolationForestDetector().fit(cluster());
  const shape = /iforest: windows of 3 steps x 1 feature\(s\), the detector was fitted on 2 x 1/;
  assert.throws(() => f.scoreWindows(makeWindows([[1], [2], [3]], 3)), shape);
  assert.throws(() => new IsolationForestDetector().scoreWindows(cluster()), /not fitted/);
  // No feature varies: every tree is one leaf of psi points, h = c(psi), score 2^-1.
  const flat = makeWindows(new Array(20).fill([3]), 4);
  const scores = new IsolationForestDetector().fit(flat).scoreWindows(makeWindows([[3], [3], [3], [9]], 4));
  assert.equal(scores.length, 1);
  close(scores[0], 0.5, 1e-12, 'constant');
});
