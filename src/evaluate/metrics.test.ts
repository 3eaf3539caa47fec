import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { affiliation } from './affiliation';
import { intersect, precisionIntegral, recallIntegral } from './affiliation-integral';
import { nabScore, scaledSigmoid } from './nab-score';
import { pointAdjusted } from './point-adjust';
import { rangePrecisionRecall } from './range';
import { disjointSpans, runsOf } from './runs';
import { ucrTop1 } from './ucr-top1';
import { vus } from './vus';

interface Case {
  name: string;
  n: number;
  labels: [number, number][];
  scores: number[];
  threshold: number;
  flags: [number, number][];
  expected: {
    vus: Record<string, { vusRoc: number; vusPr: number }>;
    range: { precision: number; recall: number; f1: number };
    affiliation: { precision: number | null; recall: number; f1: number | null };
    pointAdjustedF1: number;
    nab: { raw: number; null: number; perfect: number; score: number };
  };
}

// numbers from the reference code (TSB-AD, NAB), written by tools/reference/metrics_reference.py
const FIXTURE = path.join(__dirname, '..', '..', '..', 'src', 'evaluate', 'fixtures', 'metrics-reference.json');
const cases = (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { cases: Case[] }).cases;

const close = (got: number, want: number | null, what: string): void => {
  if (want === null) assert.ok(Number.isNaN(got), `${what}: ${got}, expected NaN`);
  else assert.ok(Math.abs(got - want) < 1e-9, `${what}: ${got}, expected ${want}`);
};

const steps = (n: number, spans: [number, number][]): boolean[] => {
  const v = new Array<boolean>(n).fill(false);
  for (const [a, b] of spans) for (let i = a; i <= b; i++) v[i] = true;
  return v;
};

test('fixtures: flags are the steps scored above the threshold, labels as given', () => {
  assert.equal(cases.length, 5);
  for (const c of cases) {
    assert.deepEqual(runsOf(c.scores.map((s) => s > c.threshold)), c.flags, c.name);
    assert.equal(c.scores.length, c.n);
  }
});

for (const c of cases) {
  test(`${c.name}: VUS, range-based, affiliation, point-adjusted and NAB as the reference code`, () => {
    const truth = steps(c.n, c.labels);
    const flags = steps(c.n, c.flags);
    for (const [w, e] of Object.entries(c.expected.vus)) {
      const v = vus(c.scores, truth, { window: Number(w) });
      close(v.vusRoc, e.vusRoc, `VUS-ROC window ${w}`);
      close(v.vusPr, e.vusPr, `VUS-PR window ${w}`);
    }
    const r = rangePrecisionRecall(truth, flags);
    close(r.precision, c.expected.range.precision, 'range precision');
    close(r.recall, c.expected.range.recall, 'range recall');
    close(r.f1, c.expected.range.f1, 'range F1');
    const a = affiliation(truth, flags);
    close(a.precision, c.expected.affiliation.precision, 'affiliation precision');
    close(a.recall, c.expected.affiliation.recall, 'affiliation recall');
    close(a.f1, c.expected.affiliation.f1, 'affiliation F');
    close(pointAdjusted(truth, flags).f1, c.expected.pointAdjustedF1, 'point-adjusted F1');
    const nab = nabScore(flags, c.labels);
    close(nab.raw, c.expected.nab.raw, 'NAB raw');
    close(nab.null, c.expected.nab.null, 'NAB null');
    close(nab.perfect, c.expected.nab.perfect, 'NAB perfect');
    close(nab.score, c.expected.nab.score, 'NAB score');
  });
}

test('the documented examples', () => {
  const v = vus([0.1, 0.9, 0.8, 0.2, 0.1], [false, true, true, false, false], { window: 2 });
  assert.equal(v.vusRoc, 1);
  const r = rangePrecisionRecall([false, true, true, true, false], [false, false, true, false, false]);
  assert.ok(Math.abs(r.recall - (0.2 + 0.8 / 3)) < 1e-15);
  assert.equal(r.precision, 1);
  assert.deepEqual(affiliation([false, true, true, false], [false, true, true, false]), {
    precision: 1,
    recall: 1,
    f1: 1,
  });
  assert.equal(nabScore([false, false, true, false], [[2, 3]], { probation: 0 }).score, 100);
  assert.equal(pointAdjusted([false, true, true, true], [false, false, true, false]).f1, 1);
  assert.equal(ucrTop1([0.1, 0.2, 0.9, 0.3], [[2, 2]], { tolerance: 0 }).hit, true);
  assert.deepEqual(intersect([1, 3], [2, 4]), [2, 3]);
  assert.equal(intersect([1, 2], [2, 4]), null);
  assert.equal(precisionIntegral([2, 3], [2, 3], [0, 10]), 1);
  assert.equal(recallIntegral([2, 3], [2, 3], [0, 10]), 1);
  assert.equal(scaledSigmoid(0), 0);
  assert.ok(Math.abs(scaledSigmoid(-1) - 0.98661) < 1e-5); // NAB's docstring
  assert.equal(scaledSigmoid(3.5), -1);
});

test('NAB: the best detection in a window counts once, false positives after a window cost less near it', () => {
  const w: [number, number][] = [[10, 19]];
  const early = nabScore(steps(40, [[10, 10]]), w, { probation: 0 });
  const late = nabScore(steps(40, [[19, 19]]), w, { probation: 0 });
  const both = nabScore(
    steps(40, [
      [10, 10],
      [15, 15],
    ]),
    w,
    { probation: 0 },
  );
  assert.equal(early.score, 100);
  // at the last step, position -1/10: reward (2·sigmoid(0.5) - 1) / scaledSigmoid(-1), null -1, perfect 1
  const reward = (2 / (1 + Math.exp(-0.5)) - 1) / scaledSigmoid(-1);
  assert.ok(Math.abs(late.score - 50 * (1 + reward)) < 1e-12, `${late.score}`);
  assert.equal(both.raw, early.raw);
  assert.deepEqual([both.tp, both.fn, both.fp], [1, 0, 0]);
  const nearFp = nabScore(steps(40, [[21, 21]]), w, { probation: 0 }).raw;
  const farFp = nabScore(steps(40, [[39, 39]]), w, { probation: 0 }).raw;
  const beforeFp = nabScore(steps(40, [[2, 2]]), w, { probation: 0 }).raw;
  assert.ok(-1.11 < farFp && farFp < nearFp && nearFp < -1, `${nearFp} ${farFp}`);
  assert.equal(beforeFp, -1.11);
  assert.equal(nabScore(steps(40, []), w, { probation: 0 }).score, 0);
  const noWindows = nabScore(steps(40, [[2, 2]]), [], { probation: 0 });
  assert.deepEqual([noWindows.raw, noWindows.null, noWindows.perfect, noWindows.score], [-0.11, 0, 0, NaN]);
  // the probation (15% of 40 = 6 steps) hides a detection at step 2
  assert.equal(nabScore(steps(40, [[2, 2]]), w).raw, -1);
  assert.throws(
    () =>
      nabScore(steps(40, []), [
        [5, 10],
        [10, 12],
      ]),
    /disjoint/,
  );
});

test('UCR top-1: the highest step within the tolerance, and the highest-peak event', () => {
  const s = [0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 1, 1];
  assert.deepEqual(ucrTop1(s, [[10, 11]], { tolerance: 0 }), { step: 8, hit: false });
  assert.equal(ucrTop1(s, [[10, 11]], { tolerance: 2 }).hit, true);
  assert.equal(ucrTop1(s, [[10, 11]]).hit, true); // default tolerance 100
  const events = [
    { startIndex: 8, endIndex: 8, peakScore: 5 },
    { startIndex: 10, endIndex: 11, peakScore: 1 },
  ];
  assert.equal(ucrTop1(s, [[10, 11]], { tolerance: 0, events }).event, false);
  assert.equal(ucrTop1(s, [[7, 8]], { tolerance: 0, events }).event, true);
  assert.deepEqual(ucrTop1([NaN, 2, 2], [[0, 0]], { tolerance: 0 }), { step: 1, hit: false });
});

test('point-adjusted F1 rewards random flags on long labels, as warned', () => {
  const truth = steps(1000, [[100, 399]]);
  const flags = steps(1000, [
    [250, 250],
    [700, 700],
  ]);
  assert.ok(pointAdjusted(truth, flags).f1 > 0.99);
  assert.ok(rangePrecisionRecall(truth, flags).recall < 0.25);
});

test('no labels: NaN volumes and affiliation; a step-0 label run keeps step 0 unflagged under point-adjust', () => {
  const none = new Array<boolean>(10).fill(false);
  assert.ok(Number.isNaN(vus([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], none).vusPr));
  assert.ok(Number.isNaN(affiliation(none, none).recall));
  assert.deepEqual(rangePrecisionRecall(none, none), { precision: 0, recall: 0, f1: 0 });
  const c = pointAdjusted(steps(6, [[0, 3]]), steps(6, [[2, 2]]));
  assert.deepEqual([c.tp, c.fn], [3, 1]);
  assert.throws(() => vus([1], [true, false]), /invalid scores/);
});

test('runs of flags; NAB windows from labels: sorted, overlapping and touching ones merged', () => {
  assert.deepEqual(runsOf([true, true, false, true]), [
    [0, 1],
    [3, 3],
  ]);
  assert.deepEqual(runsOf([]), []);
  const spans: [number, number][] = [
    [5, 9],
    [0, 2],
    [8, 12],
    [13, 13],
    [20, 21],
  ];
  assert.deepEqual(disjointSpans(spans), [
    [0, 2],
    [5, 13],
    [20, 21],
  ]);
  assert.deepEqual(spans[0], [5, 9]); // the input is left as it was
});
