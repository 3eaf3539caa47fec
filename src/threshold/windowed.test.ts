import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { dynamicEpsilon } from './dynamic';
import { padFlags } from './pad';
import { pruneRuns } from './prune';
import { flagRuns } from './runs';
import { isStepRule, parseStepRule } from './step-rule';
import { windowedThreshold } from './windowed';

test('parseStepRule: window-sigma, window-sigma:K, dynamic; others refused in one line', () => {
  assert.deepEqual(parseStepRule('window-sigma'), { method: 'window-sigma', k: 4 });
  assert.deepEqual(parseStepRule('Window-Sigma:2.5'), { method: 'window-sigma', k: 2.5 });
  assert.deepEqual(parseStepRule('dynamic'), { method: 'dynamic' });
  for (const bad of ['window-sigma:0', 'window-sigma:', 'windowsigma', 'dyn', '']) {
    assert.throws(
      () => parseStepRule(bad),
      (e: unknown) =>
        e instanceof InputError &&
        e.message === `invalid threshold: ${bad} (window-sigma, window-sigma:K with K > 0, or dynamic)`,
    );
  }
  assert.equal(isStepRule('window-sigma:3'), true);
  assert.equal(isStepRule('p95'), false);
});

test('window-sigma: worked example, windows of 4 every 2 steps, k = 1', () => {
  // windows 0..3 (all 1: σ 0, ε 1, nothing above), 2..5 and 4..7 (mean 2, σ √3, ε 3.732): only step 5 flagged
  const t = windowedThreshold([1, 1, 1, 1, 1, 5, 1, 1], { method: 'window-sigma', k: 1 }, { windowSize: 4, step: 2 });
  assert.deepEqual(
    t.windows.map((w) => [w.start, w.end]),
    [
      [0, 3],
      [2, 5],
      [4, 7],
    ],
  );
  assert.equal(t.windows[0].threshold, 1);
  assert.ok(Math.abs(t.windows[1].threshold - (2 + Math.sqrt(3))) < 1e-12);
  assert.deepEqual(t.flags.map(Number), [0, 0, 0, 0, 0, 1, 0, 0]);
  assert.deepEqual(
    Array.from(t.thresholds).map((v) => Number(v.toFixed(3))),
    [1, 1, 1, 1, 3.732, 3.732, 3.732, 3.732],
  );
  assert.equal(
    t.explanation,
    'window-sigma:1: mean + 1σ of the errors in 3 windows of 4 steps (step 2); ' +
      'thresholds 1..3.73; padding 0, pruning off; 1 of 8 steps flagged',
  );
});

test('window-sigma: Orion defaults (third of the series, step a tenth of it) and a truncated last window', () => {
  const t = windowedThreshold(new Array(10).fill(0), { method: 'window-sigma', k: 4 });
  assert.equal(t.windowSize, 4); // ceil(10 / 3)
  assert.equal(t.step, 1); // ceil(4 / 10)
  assert.equal(t.windows.length, 7); // starts 0..6, the last ends at step 9
  assert.equal(t.flags.some(Boolean), false); // constant: ε = mean, nothing strictly above
  const u = windowedThreshold(new Array(9).fill(0), { method: 'window-sigma', k: 1 }, { windowSize: 4, step: 3 });
  assert.deepEqual(
    u.windows.map((w) => [w.start, w.end]),
    [
      [0, 3],
      [3, 6],
      [6, 8],
    ],
  );
  assert.equal(windowedThreshold([], { method: 'dynamic' }).windows.length, 0);
});

test('dynamic: picks ε flagging only the clear outlier', () => {
  const e = [1, 1, 1, 1, 1, 1, 1, 1, 1, 10];
  const d = dynamicEpsilon(e); // mean 1.9, σ 2.7: z 2 and 2.5 both flag step 9 alone (same cost), z >= 3 flag nothing
  assert.equal(d.z, 2);
  assert.ok(Math.abs(d.epsilon - 7.3) < 1e-12);
  assert.deepEqual(dynamicEpsilon([2, 2, 2]), { epsilon: 2, z: 0 });
  // A burst of 3 large values and 1 isolated medium one among 20 zeros' worth of noise: cost favours the burst alone
  const f = [...new Array(20).fill(1), 9, 9, 9, ...new Array(20).fill(1), 4];
  const g = dynamicEpsilon(f);
  assert.deepEqual(
    f.map((v, i) => (v > g.epsilon ? i : -1)).filter((i) => i >= 0),
    [20, 21, 22],
  );
  const t = windowedThreshold(e, { method: 'dynamic' }, { windowSize: 10 });
  assert.deepEqual(t.flags.map(Number), [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.match(
    t.explanation,
    /^dynamic: mean \+ zσ with z from 2\.\.10 maximising Hundman's cost \(z 2\.\.2\) .* threshold 7\.3;/,
  );
});

test('padding widens flags and merges near ones', () => {
  assert.deepEqual(padFlags([false, false, true, false, false, false], 1).map(Number), [0, 1, 1, 1, 0, 0]);
  assert.deepEqual(flagRuns(padFlags([true, false, false, false, true, false], 1)), [
    [0, 1],
    [3, 5],
  ]);
  assert.deepEqual(flagRuns(padFlags([false, true, false, false, true, false, false], 1)), [[0, 5]]);
  assert.deepEqual(padFlags([], 3), []);
  assert.throws(() => padFlags([true], -1), /invalid pad/);
  const t = windowedThreshold(
    [1, 1, 1, 1, 1, 5, 1, 1],
    { method: 'window-sigma', k: 1 },
    { windowSize: 4, step: 2, pad: 1 },
  );
  assert.deepEqual(t.flags.map(Number), [0, 0, 0, 0, 1, 1, 1, 0]);
});

test('pruning: Orion semantics with the largest score below as the last successor', () => {
  const s = [0, 10, 0, 9.5, 0, 5, 4.8];
  assert.deepEqual(
    pruneRuns(
      s,
      [
        [1, 1],
        [3, 3],
        [5, 5],
      ],
      0.13,
      4.8,
    ),
    [
      [1, 1],
      [3, 3],
    ],
  );
  // 5 -> 2 is a 60% drop: every run stays, including 10 -> 9.5 (only 5% apart)
  assert.deepEqual(
    pruneRuns(
      s,
      [
        [1, 1],
        [3, 3],
        [5, 5],
      ],
      0.13,
      2,
    ),
    [
      [1, 1],
      [3, 3],
      [5, 5],
    ],
  );
  // no drop of 13% anywhere: all pruned
  assert.deepEqual(
    pruneRuns(
      [10, 9.5],
      [
        [0, 0],
        [1, 1],
      ],
      0.13,
      9,
    ),
    [],
  );
  assert.deepEqual(
    pruneRuns(
      [10, 9.5],
      [
        [0, 0],
        [1, 1],
      ],
      0,
      9,
    ),
    [
      [0, 0],
      [1, 1],
    ],
  );
  assert.deepEqual(flagRuns([false, true, true, false, true]), [
    [1, 2],
    [4, 4],
  ]);
});
