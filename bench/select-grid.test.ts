import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CachedRun,
  judge,
  measure,
  POSTS,
  postsNamed,
  replayEvents,
  type SetMeasures,
  type Verdict,
  winner,
} from './select-grid';

/** Measures with only what the rule reads set. */
function m(headline: number, extra: Partial<SetMeasures> = {}): SetMeasures {
  return {
    headline,
    tp: 0,
    fp: 0,
    fn: 0,
    recall: 0,
    fpPer10k: 0.5,
    controlFp: 0,
    kinds: {},
    failed: 0,
    files: 1,
    steps: 1,
    labels: 0,
    subsets: [],
    ...extra,
  };
}

const inc = judge({ model: 'D', post: 'd', nab: m(0.75), synth: m(0.5) }, undefined);

test('judge: better on both, or better on one by more than 0.02 and equal on the other, passes', () => {
  const both = judge({ model: 'x', post: 'd', nab: m(0.76), synth: m(0.53) }, inc);
  assert.equal(both.passes, true);
  assert.equal(both.minGain, 0.01);
  assert.equal(judge({ model: 'x', post: 'd', nab: m(0.75), synth: m(0.55) }, inc).passes, true);
});

test('judge: a win on one set and a loss on the other is never adopted, however large the win', () => {
  const v = judge({ model: 'x', post: 'd', nab: m(0.749), synth: m(0.9) }, inc);
  assert.equal(v.passes, false);
  assert.match(v.why, /worse on NAB \(-0\.001\)/);
});

test('judge: a gain of 0.02 or less is no reason; controls, false events and the 0.70 floor bind', () => {
  assert.match(judge({ model: 'x', post: 'd', nab: m(0.77), synth: m(0.5) }, inc).why, /no gain above 0\.02/);
  assert.match(judge({ model: 'x', post: 'd', nab: m(0.8, { controlFp: 1 }), synth: m(0.5) }, inc).why, /controls 1/);
  assert.match(
    judge({ model: 'x', post: 'd', nab: m(0.8), synth: m(0.6, { fpPer10k: 1.2 }) }, inc).why,
    /1\.20 false events per 10,000 steps/,
  );
  const low = judge({ model: 'x', post: 'd', nab: m(0.69), synth: m(0.6) }, { ...inc, nab: m(0.6) } as Verdict);
  assert.match(low.why, /NAB below 0\.70/);
});

test('judge, rule 5: a file made mostly anomalous fails, unless the incumbent already covered over half of it', () => {
  const half = (file: string, share: number) => ({ overHalf: [{ file, share }] });
  const v = judge({ model: 'x', post: 's', nab: m(0.9, half('real/a.csv', 0.976)), synth: m(0.6) }, inc);
  assert.equal(v.passes, false);
  assert.equal(v.why, 'events cover over half of a.csv (97.6%)');
  const was = { ...inc, nab: m(0.75, half('real/a.csv', 0.6)) } as Verdict;
  assert.equal(judge({ model: 'x', post: 's', nab: m(0.9, half('real/a.csv', 0.9)), synth: m(0.6) }, was).passes, true);
  // measured: one step 50 among 100 ones: d's windowed rule makes one event of steps 20..81, 62% of the run
  const run = {
    file: 's/b.csv',
    subset: 's',
    rows: 100,
    raw: new Array(100).fill(1),
    spans: [] as [number, number][],
    seconds: 0,
  };
  run.raw[50] = 50;
  const got = measure('synth', [run], postsNamed(['smooth-0'])[0]).overHalf;
  assert.deepEqual(got, [{ file: 's/b.csv', share: 0.62 }]);
});

test('winner: the passing candidate of largest smaller gain; none when nothing passes', () => {
  const a = judge({ model: 'a', post: 'd', nab: m(0.8), synth: m(0.51) }, inc); // min gain 0.01
  const b = judge({ model: 'b', post: 'd', nab: m(0.77), synth: m(0.53) }, inc); // min gain 0.02
  assert.equal(winner([inc, a, b])?.model, 'b');
  assert.equal(winner([inc]), undefined);
});

test('replayEvents and measure: one spike in flat noise is one event over its label', () => {
  const raw = Array.from({ length: 2000 }, (_, i) => (i === 1000 ? 50 : 0.1 + 0.01 * Math.sin(i)));
  const ev = replayEvents(raw, POSTS[0]);
  assert.equal(ev.length, 1);
  assert.ok(ev[0][0] <= 1000 && ev[0][1] >= 1000);
  const run: CachedRun = {
    file: 's/a.csv',
    subset: 's',
    rows: 2000,
    raw,
    spans: [[990, 1010]],
    kinds: ['spike'],
    seconds: 1,
  };
  const got = measure('synth', [run], POSTS[0]);
  assert.deepEqual([got.tp, got.fp, got.fn, got.headline, got.kinds.spike], [1, 0, 0, 1, [1, 1]]);
  const missed = measure('synth', [{ ...run, spans: [[10, 20]] }], POSTS[0]);
  assert.deepEqual([missed.tp, missed.fp, missed.fn, missed.fpPer10k], [0, 1, 1, 5]);
});

test('replayEvents with rawK (round 4): a step 70σ out is added where d misses it; a 2%-of-steps pattern is not', () => {
  const n = 20_000; // auto smoothing 200 steps
  const wave = (i: number): number => 1 + 0.5 * Math.sin((2 * Math.PI * i) / 500);
  const spike = Array.from({ length: n }, (_, i) => wave(i) + (i === 10_000 ? 30 : 0));
  const [d, raw10, raw20] = postsNamed(['d', 'raw10', 'raw20']);
  assert.deepEqual(replayEvents(spike, d), []);
  assert.deepEqual(replayEvents(spike, raw10), [[9_900, 10_100]]);
  assert.deepEqual(replayEvents(spike, raw20), [[9_900, 10_100]]);
  // the same height on every 50th step: about sqrt(49) = 7 standard deviations above the mean, never added
  const every = Array.from({ length: n }, (_, i) => wave(i) + (i % 50 === 25 ? 30 : 0));
  assert.deepEqual(replayEvents(every, raw10), replayEvents(every, d));
  assert.throws(() => postsNamed(['d', 'raw30']), /unknown post-processing setting: raw30/);
  assert.equal(postsNamed(), POSTS);
});

test('replayEvents with stuck (round 5): a 30-step stall of the input is added to raw20, padded; it needs the inputs', () => {
  const n = 20_000;
  const errors = Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin((2 * Math.PI * i) / 500));
  const x = Array.from({ length: n }, (_, i) => (i >= 5_000 && i < 5_030 ? 0.25 : Math.sin(i * 0.7)));
  const [raw20, stuck] = postsNamed(['raw20', 'stuck']);
  assert.deepEqual(replayEvents(errors, raw20, x), []);
  assert.deepEqual(replayEvents(errors, stuck, x), [[4_900, 5_129]]);
  assert.throws(() => replayEvents(errors, stuck), /stuck: the run has no inputs of its 20000 steps/);
  assert.deepEqual(
    measure(
      'synth',
      [{ file: 'a.csv', subset: 's', rows: n, raw: errors, x, spans: [[5_010, 5_020]], seconds: 0 }],
      stuck,
    ).tp,
    1,
  );
});
