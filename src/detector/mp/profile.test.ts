import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../util/random';
import { abJoin, exclusionZone, selfJoin } from './profile';

/** z-normalised Euclidean distance by definition (stumpy's values for constant windows), O(m). */
function dist(a: Float64Array, i: number, b: Float64Array, j: number, m: number): number {
  const z = (x: Float64Array, s: number) => {
    const w = Array.from(x.subarray(s, s + m));
    const mu = w.reduce((p, v) => p + v, 0) / m;
    const sd = Math.sqrt(w.reduce((p, v) => p + (v - mu) ** 2, 0) / m);
    return { w: w.map((v) => (v - mu) / sd), flat: Math.max(...w) === Math.min(...w) };
  };
  const p = z(a, i);
  const q = z(b, j);
  if (p.flat || q.flat) return p.flat && q.flat ? 0 : Math.sqrt(m);
  return Math.sqrt(p.w.reduce((s, v, t) => s + (v - q.w[t]) ** 2, 0));
}

/** Brute-force profiles, O(n^2 m). */
function bruteSelf(x: Float64Array, m: number): number[] {
  const k = x.length - m + 1;
  const zone = exclusionZone(m);
  return Array.from({ length: k }, (_, i) => {
    let best = Infinity;
    for (let j = 0; j < k; j++) if (Math.abs(i - j) > zone) best = Math.min(best, dist(x, i, x, j, m));
    return best;
  });
}

function bruteAB(a: Float64Array, b: Float64Array, m: number): number[] {
  return Array.from({ length: a.length - m + 1 }, (_, i) => {
    let best = Infinity;
    for (let j = 0; j + m <= b.length; j++) best = Math.min(best, dist(a, i, b, j, m));
    return best;
  });
}

function random(n: number, seed: number, offset = 0): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => offset + rng.normal());
}

function close(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-9): void {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) {
    assert.ok(Math.abs(got[i] - want[i]) <= tol, `index ${i}: ${got[i]} vs ${want[i]}`);
  }
}

test('matrix profile: self-join and AB-join match brute force to 1e-9 on random series', () => {
  for (const [n, m, seed] of [
    [40, 3, 1],
    [120, 8, 2],
    [200, 17, 3],
  ]) {
    const x = random(n, seed);
    close(selfJoin(x, m), bruteSelf(x, m));
    const b = random(n - 13, seed + 10);
    close(abJoin(x, b, m), bruteAB(x, b, m));
    close(abJoin(b, x, m), bruteAB(b, x, m));
  }
  // a large offset (small spread relative to the mean): the centred recurrence stays exact
  const far = random(150, 9, 1e4);
  close(selfJoin(far, 10), bruteSelf(far, 10), 1e-7);
});

test('matrix profile: exclusion zone ceil(m/4), trivial matches excluded, too few windows give Infinity', () => {
  assert.deepEqual([3, 4, 5, 100].map(exclusionZone), [1, 1, 2, 25]);
  // m = 4, zone 1: with 3 windows only windows 0 and 2 are each other's neighbours; window 1 has none
  const p = selfJoin(Float64Array.from([0, 1, 3, 2, 5, 4]), 4);
  assert.equal(p.length, 3);
  assert.equal(p[1], Infinity);
  assert.ok(Number.isFinite(p[0]) && p[0] === p[2]);
  assert.throws(() => selfJoin(Float64Array.from([1, 2]), 3), /fewer than the window 3/);
  assert.throws(() => selfJoin(Float64Array.from([1, 2, 3]), 2), /window 2 \(at least 3 steps\)/);
});

test('matrix profile: constant windows as stumpy (0 between two, sqrt(m) against a varying one)', () => {
  // windows 0..2 constant, windows 5.. vary
  const x = Float64Array.from([2, 2, 2, 2, 2, 1, 3, 0, 4, 1, 3, 0, 4]);
  const m = 3;
  const p = selfJoin(x, m);
  close(p, bruteSelf(x, m));
  assert.equal(p[0], 0); // window 0 and window 2 are both constant, outside the zone of 1
  close(abJoin(Float64Array.from([5, 5, 5, 5]), Float64Array.from([1, 2, 3, 4]), m), [Math.sqrt(3), Math.sqrt(3)]);
  close(abJoin(Float64Array.from([5, 5, 5]), Float64Array.from([1, 1, 1, 2]), m), [0]);
  for (const v of p) assert.ok(Number.isFinite(v));
});

test('matrix profile: a planted discord in a sine is the argmax of the self-join', () => {
  const x = Float64Array.from({ length: 600 }, (_, t) => Math.sin((2 * Math.PI * t) / 40));
  for (let t = 300; t < 310; t++) x[t] += 0.8 * Math.sin((2 * Math.PI * (t - 300)) / 10); // a bump on one cycle
  const p = selfJoin(x, 40);
  const top = p.indexOf(Math.max(...p));
  assert.ok(top > 300 - 40 && top < 310, `argmax ${top}`);
  // far from the bump, every window repeats exactly 40 steps later: distance ~0
  assert.ok(p[100] < 1e-6, `${p[100]}`);
  assert.ok(p[top] > 1, `${p[top]}`);
});
