import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { sineSeries } from '../../data/synthetic';
import { makeWindows, type Windows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { keptByVariance, PcaDetector } from './pca';

const win = (rows: number[][]): Windows => ({
  x: Float32Array.from(rows.flat()),
  n: rows.length,
  window: rows[0]?.length ?? 4,
  features: 1,
});
const close = (a: number, b: number, tol: number, what = '') =>
  assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

// Rank 1: every window is c + a v (integers, exact in float32).
const v = [1, -2, 3, 5];
const c = [10, 20, 30, 40];
const rank1 = win([-3, -1, 0, 2, 5].map((a) => c.map((ci, j) => ci + a * v[j])));

test('pca: a rank-1 window set is reconstructed exactly with one component', () => {
  const pca = new PcaDetector().fit(rank1);
  assert.equal(pca.components, 1);
  close(pca.explained[0], 1, 1e-12, 'first share');
  for (const e of pca.scoreWindows(rank1)) close(e, 0, 1e-9, 'error');
  assert.deepEqual(Array.from(pca.reconstruct(rank1)), Array.from(rank1.x));
  // Off the line by e1: the residual is e1 minus its projection on v (|v|^2 = 39): MAE = (38 + 2 + 3 + 5) / 39 / 4.
  const off = win([c.map((ci, j) => ci + 2 * v[j] + (j === 0 ? 1 : 0))]);
  close(pca.scoreWindows(off)[0], 12 / 39, 1e-9, 'off-line error');
});

// Eight points +-4u1, +-3u2, +-2u3, +-1u4 on the rotated (Hadamard / 2) basis: variances 16 : 9 : 4 : 1 of 30.
const u = [
  [1, 1, 1, 1],
  [1, -1, 1, -1],
  [1, 1, -1, -1],
  [1, -1, -1, 1],
].map((r) => r.map((x) => x / 2));
const rotated = win([4, 3, 2, 1].flatMap((a, k) => [1, -1].map((s) => u[k].map((x) => s * a * x))));

test('pca: the explained-variance rule keeps the fewest components reaching the share', () => {
  const pca = new PcaDetector().fit(rotated);
  [16, 9, 4, 1].forEach((x, k) => close(pca.explained[k], x / 30, 1e-12, `share ${k}`));
  assert.equal(pca.components, 3); // 0.533, 0.833, 0.967 >= 0.95
  assert.equal(new PcaDetector({ variance: 0.8 }).fit(rotated).components, 2);
  assert.equal(new PcaDetector({ variance: 0.5 }).fit(rotated).components, 1);
  // 0.99 needs all 4: the rule keeps at most 3, leaving a residual to score; asked for, 4 reconstruct exactly.
  assert.equal(new PcaDetector({ variance: 0.99 }).fit(rotated).components, 3);
  assert.deepEqual(new PcaDetector({ components: 4 }).fit(rotated).scoreWindows(rotated), new Array(8).fill(0));
  // 3 kept: only the +-u4 points lose anything, [0.5, -0.5, -0.5, 0.5] -> MAE 0.5.
  assert.deepEqual(
    pca.scoreWindows(rotated).map((e) => Math.round(e * 1e9) / 1e9),
    [0, 0, 0, 0, 0, 0, 0.5, 0.5],
  );
  const two = new PcaDetector({ components: 2 }).fit(rotated);
  assert.equal(two.components, 2);
  assert.deepEqual(
    two.scoreWindows(rotated).map((e) => Math.round(e * 1e9) / 1e9),
    [0, 0, 0, 0, 1, 1, 0.5, 0.5],
  );
});

test('keptByVariance: exact shares, ties at the boundary, no variance', () => {
  assert.equal(keptByVariance([0.6, 0.3, 0.1], 0.95), 3);
  assert.equal(keptByVariance([0.6, 0.35, 0.05], 0.95), 2);
  assert.equal(keptByVariance([0.5, 0.5], 1), 2);
  assert.equal(keptByVariance([0, 0, 0], 0.95), 0);
});

test('pca: a noise-free sine spans two components (sin and cos), on makeWindows windows', () => {
  const s = sineSeries({ n: 400, period: 20, noise: 0 });
  const w = makeWindows(s.values, 20);
  const pca = new PcaDetector().fit(w);
  assert.equal(pca.components, 2);
  for (const e of pca.scoreWindows(w)) close(e, 0, 1e-6, 'sine error');
});

test('pca: toJSON / fromJSON round trip gives identical scores', () => {
  const s = sineSeries({ n: 300, period: 25, noise: 0.2, seed: 3 });
  const w = makeWindows(s.values, 10);
  const pca = new PcaDetector().fit(w);
  const state = pca.toJSON();
  assert.equal(state.kind, 'pca');
  const again = PcaDetector.fromJSON(JSON.parse(JSON.stringify(state)));
  assert.deepEqual(again.scoreWindows(w), pca.scoreWindows(w));
  assert.deepEqual(again.reconstruct(w), pca.reconstruct(w));
  assert.equal(again.components, pca.components);
  assert.throws(() => PcaDetector.fromJSON({ ...state, kind: 'zscore' as 'pca' }), /invalid pca state: kind "zscore"/);
  assert.throws(() => PcaDetector.fromJSON({ ...state, mean: [1] }), /invalid pca state: mean has 1 values/);
});

test('pca: bad input is an InputError naming the problem', () => {
  assert.throws(
    () => new PcaDetector({ components: 5 }).fit(rotated),
    (e: Error) =>
      e instanceof InputError &&
      e.message === 'invalid components: 5 (at most the window dimension 4 = window 4 x 1 feature(s))',
  );
  assert.throws(() => new PcaDetector({ components: 0 }), /invalid components: 0/);
  assert.throws(() => new PcaDetector({ variance: 1.5 }), /invalid variance: 1.5/);
  const none = { x: new Float32Array(0), n: 0, window: 4, features: 1 };
  assert.throws(() => new PcaDetector().fit(none), /pca: no training windows/);
  const nan = /pca: training window 0 has a non-finite value \(NaN\)/;
  assert.throws(() => new PcaDetector().fit(win([[1, 2, NaN, 4]])), nan);
  const pca = new PcaDetector().fit(rotated);
  const shape = /pca: windows of 3 steps x 1 feature\(s\), the detector was fitted on 4 x 1/;
  assert.throws(() => pca.scoreWindows(makeWindows([[1], [2], [3]], 3)), shape);
  assert.throws(() => new PcaDetector().scoreWindows(rotated), /not fitted/);
  assert.deepEqual(pca.scoreWindows(none), []);
});

test('pca: constant windows keep no component; a different window scores its distance from the mean', () => {
  const flat = win([
    [3, 3, 3, 3],
    [3, 3, 3, 3],
    [3, 3, 3, 3],
  ]);
  const pca = new PcaDetector().fit(flat);
  assert.equal(pca.components, 0);
  assert.deepEqual(pca.explained, [0, 0, 0, 0]);
  assert.deepEqual(pca.scoreWindows(flat), [0, 0, 0]);
  assert.deepEqual(pca.scoreWindows(win([[3, 3, 3, 4]])), [0.25]);
  assert.deepEqual(new PcaDetector().fit(win([[1, 2, 3, 4]])).scoreWindows(win([[1, 2, 3, 4]])), [0]);
});
