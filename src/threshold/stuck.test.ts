import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../util/random';
import { STUCK_RULE, stuckFlags } from './stuck';

const on = (f: boolean[]): number[] => f.flatMap((v, i) => (v ? [i] : []));

const uncapped = { ...STUCK_RULE, maxCover: 1 };

test('stuckFlags: a 15-step stall in a sine is flagged and padded; q counts its 14 repeats', () => {
  const x = Array.from({ length: 200 }, (_, t) => (t >= 40 && t < 55 ? 0.5 : Math.sin(t)));
  const s = stuckFlags(x, 1, 2);
  assert.deepEqual(s.runs, [[40, 54]]);
  assert.equal(s.count, 15);
  assert.equal(s.q, 14 / 199);
  assert.deepEqual(
    on(s.flags),
    Array.from({ length: 19 }, (_, i) => 38 + i),
  );
});

test('stuckFlags: long runs covering more than 10% of the series flag nothing (round 6); 10% still flags', () => {
  assert.equal(STUCK_RULE.maxCover, 0.1);
  const x = (n: number): number[] => Array.from({ length: n }, (_, t) => (t >= 40 && t < 55 ? 0.5 : Math.sin(t)));
  assert.deepEqual(stuckFlags(x(149), 1, 0).runs, []); // 15 of 149 steps
  assert.deepEqual(stuckFlags(x(150), 1, 0).runs, [[40, 54]]); // 15 of 150
  assert.deepEqual(stuckFlags(x(149), 1, 0, uncapped).runs, [[40, 54]]);
  // two stalls of 12 steps in 200: 12% together, though each is 6%
  const two = Array.from({ length: 200 }, (_, t) =>
    t >= 40 && t < 52 ? 0.5 : t >= 100 && t < 112 ? -0.5 : Math.sin(t),
  );
  assert.deepEqual(stuckFlags(two, 1, 0).runs, []);
  assert.deepEqual(stuckFlags(two, 1, 0, uncapped).runs, [
    [40, 51],
    [100, 111],
  ]);
});

test('stuckFlags: 9 steps are too short, 10 pass; more than half the series is its nature', () => {
  const stall = (L: number, n = 200): number[] => Array.from({ length: n }, (_, t) => (t >= 50 && t < 50 + L ? 7 : t));
  assert.equal(STUCK_RULE.minSteps, 10);
  assert.deepEqual(stuckFlags(stall(9), 1, 0).runs, []);
  assert.deepEqual(stuckFlags(stall(10), 1, 0).runs, [[50, 59]]);
  assert.deepEqual(stuckFlags(stall(101, 200), 1, 0, uncapped).runs, []); // 101 > 100 steps
  assert.deepEqual(stuckFlags(stall(100, 200), 1, 0, uncapped).runs, [[50, 149]]);
  assert.deepEqual(stuckFlags(new Array(500).fill(3), 1, 5), {
    q: 1,
    runs: [],
    count: 0,
    flags: new Array(500).fill(false),
  });
});

test("stuckFlags (uncapped): a square wave's plateaus repeat too often to be stuck; one 11x as long is", () => {
  const sq = Array.from({ length: 4000 }, (_, t) => (Math.floor(t / 12) % 2 ? 1 : -1));
  const expected = (q: number, L: number): number => 4000 * (1 - q) * q ** (L - 1);
  // plateaus of 12 steps: q = 0.917, about 128 runs of 12 steps expected among 4,000
  const plain = stuckFlags(sq, 1, 0, uncapped);
  assert.equal(plain.q.toFixed(4), '0.9167');
  assert.equal(expected(plain.q, 12).toFixed(0), '128');
  assert.deepEqual(plain.runs, []);
  // a plateau of 36 steps: about 16 expected
  const longer = stuckFlags(
    sq.map((v, t) => (t >= 2004 && t < 2040 ? 1 : v)),
    1,
    0,
    uncapped,
  );
  assert.equal(expected(longer.q, 36).toFixed(1), '16.1');
  assert.deepEqual(longer.runs, []);
  // 1 from step 1980 to 2111 (132 steps): 0.005 expected, flagged
  const stuck = stuckFlags(
    sq.map((v, t) => (t >= 1992 && t < 2112 ? 1 : v)),
    1,
    0,
    uncapped,
  );
  assert.equal(expected(stuck.q, 132).toFixed(4), '0.0052');
  assert.deepEqual(stuck.runs, [[1980, 2111]]);
  // with the cap, the plateaus (all of the series) rule every run out
  assert.deepEqual(
    stuckFlags(
      sq.map((v, t) => (t >= 1992 && t < 2112 ? 1 : v)),
      1,
      0,
    ).runs,
    [],
  );
});

test('stuckFlags: integer counts with many repeats need a longer run than a noisy signal', () => {
  const r = new Rng(7);
  const rng = (): number => r.next();
  const counts = Array.from({ length: 2000 }, () => (rng() < 0.5 ? 0 : 1 + Math.floor(rng() * 3)));
  const s = stuckFlags(counts, 1, 0);
  assert.ok(s.q > 0.3 && s.q < 0.5, `q ${s.q}`);
  assert.deepEqual(s.runs, []);
  const withStall = counts.map((v, t) => (t >= 1000 && t < 1010 ? 0 : v));
  assert.deepEqual(stuckFlags(withStall, 1, 0).runs, []); // 10 zeros happen by chance here
  const noisy = Array.from({ length: 2000 }, () => rng());
  const stalled = noisy.map((v, t) => (t >= 1000 && t < 1010 ? 0.25 : v));
  assert.deepEqual(stuckFlags(stalled, 1, 0).runs, [[1000, 1009]]);
});

test('stuckFlags: with several columns a step repeats only when every column does', () => {
  const x: number[] = [];
  for (let t = 0; t < 160; t++) x.push(t >= 20 && t < 35 ? 1 : Math.cos(t), t >= 20 && t < 30 ? 2 : t);
  assert.deepEqual(stuckFlags(x, 2, 0).runs, [[20, 29]]);
  assert.deepEqual(
    stuckFlags(
      x.filter((_, i) => i % 2 === 0),
      1,
      0,
    ).runs,
    [[20, 34]],
  );
});
