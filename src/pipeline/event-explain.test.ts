import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import type { ScoreResult } from '../detector/contract';
import type { AnomalyEvent } from '../events/events';
import type { RunResult } from '../result';
import type { Scaler } from '../transform/scaler';
import { Rng } from '../util/random';
import { explainEvents, stepUnit } from './event-explain';
import { runPipeline } from './run';
import type { EventStage } from './steps-stage';

// 200 daily rows wiggling 0.5% around 100, then a 10% drop over 3 steps (rows 170..172) and a flat 90
function dropSeries(): Series {
  const v = (i: number): number =>
    i < 170 ? 100 * (1 + 0.005 * Math.sin(i)) : i < 173 ? 100 * (1 - [0.03, 0.06, 0.1][i - 170]) : 90;
  return {
    dates: Array.from({ length: 200 }, (_, i) =>
      new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10),
    ),
    values: Array.from({ length: 200 }, (_, i) => [v(i)]),
    columns: ['close'],
    source: 'memory',
  };
}

for (const detector of ['pca', 'zscore'] as const) {
  test(`explainEvents (${detector}): the drop is explained, expected only where the detector reconstructs`, async () => {
    const s = dropSeries();
    const run = await runPipeline(s, { detector, window: 5, transform: 'logret', threshold: '3sigma', seed: 1 });
    run.detector.dispose();
    const events = run.result.events ?? [];
    // zscore flags the first day of the drop only, pca the whole of it
    const drop = events.find((e) => e.start <= s.dates[170] && e.end >= s.dates[170]);
    assert.ok(drop, `an event over the drop among ${events.map((e) => `${e.start}..${e.end}`).join(', ')}`);
    const x = drop.explained!;
    const m = x.move!;
    const at = (d: string): number => s.values[s.dates.indexOf(d)][0];
    assert.equal(m.relative, at(m.toDate) / at(m.fromDate) - 1);
    if (detector === 'pca') assert.ok(Math.abs(m.relative! + 0.1) < 0.012, `move ${m.relative}`);
    else assert.deepEqual([m.fromDate, m.toDate], [s.dates[169], s.dates[170]]);
    assert.ok(x.moveMultiple! > 5, `multiple ${x.moveMultiple}`);
    assert.equal(x.trainRank.of, run.result.trainScores.length);
    assert.equal(x.calibrated, x.trainRank.below / x.trainRank.of);
    assert.match(drop.explanation!, /^close fell \d+(\.\d+)?% in \d+ days?/);
    if (detector === 'pca') {
      assert.ok(x.expected && x.expected.value > 0, 'pca reconstructs: an expected value');
      assert.match(drop.explanation!, /the reconstruction expected close/);
    } else {
      assert.equal(x.expected, undefined);
      assert.doesNotMatch(drop.explanation!, /expected/);
    }
  });
}

test('explainEvents: with --fit all (stuck on) an event over a stuck stretch names the value and the stretch', async () => {
  const r = new Rng(5);
  const n = 1500;
  const values = Array.from({ length: n }, (_, i) =>
    i >= 900 && i < 940 ? 50 : 50 + 10 * Math.sin((2 * Math.PI * i) / 30) + r.normal(),
  );
  const s: Series = {
    dates: Array.from({ length: n }, (_, i) =>
      new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10),
    ),
    values: values.map((v) => [v]),
    columns: ['temp'],
    source: 'memory',
  };
  const run = await runPipeline(s, { detector: 'pca', fit: 'all', seed: 1 });
  run.detector.dispose();
  assert.match(run.stage.explanation!, /is flagged too: 1 run, 40 steps$/);
  assert.deepEqual(run.stage.stuckRuns, [[900, 939]]);
  const ev = (run.result.events ?? []).find((e) => e.start <= s.dates[900] && e.end >= s.dates[939]);
  assert.ok(ev, 'an event over the stuck stretch');
  assert.deepEqual(ev.explained!.stuck, {
    column: 'temp',
    fromDate: s.dates[900],
    toDate: s.dates[939],
    steps: 40,
    value: 50,
  });
  assert.ok(ev.explanation!.startsWith(`temp stuck at 50 for 40 days (${s.dates[900]} to ${s.dates[939]}); `));
  const off = await runPipeline(s, { detector: 'pca', fit: 'all', seed: 1, stuck: 'off' });
  off.detector.dispose();
  assert.equal(off.stage.stuckRuns, undefined);
  assert.ok((off.result.events ?? []).every((e) => e.explained?.stuck === undefined));
});

test('stepUnit: days only for consecutive calendar days', () => {
  assert.equal(stepUnit(['2020-01-01', '2020-01-02', '2020-01-03']), 'day');
  assert.equal(stepUnit(['2020-01-03', '2020-01-06']), 'step'); // a weekend skipped
  assert.equal(stepUnit(['2020-01-01T00:00', '2020-01-01T01:00']), 'step');
});

// A hand-made run: 12 daily rows of two columns, logret (one row of lag), windows of 3 (9 windows over 11 steps),
// training to row 5; one step-rule event on steps 6..8 (raw rows 7..9), its peak at step 7, 80% of its error in B.
function handMade(transform: 'logret' | 'diff') {
  const B = [10, 10.2, 10.1, 10.4, 10.2, 10.3, 10, 12, 13, 11, 10, 10.1];
  const dates = B.map((_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`);
  const series: Series = { dates, values: B.map((b, i) => [100 + i, b]), columns: ['A', 'B'], source: 'memory' };
  const steps = dates.slice(1);
  const recon = new Float64Array(steps.length * 2);
  recon[7 * 2 + 1] = 0.1;
  const mae = [0.1, 0.2, 0.1, 0.2, 0.3, 0.9, 0.7, 0.4, 0.2];
  const event: AnomalyEvent = {
    start: steps[6],
    end: steps[8],
    startIndex: 6,
    endIndex: 8,
    peak: steps[7],
    peakScore: 2,
    severity: 1,
    shares: { A: 0.2, B: 0.8 },
  };
  const result = {
    config: { fit: 'split' },
    split: { trainEnd: dates[5] },
    trainScores: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    events: [event],
  } as unknown as RunResult;
  const stage = {
    steps: { features: 2, recon },
    dates: steps,
    flags: steps.map((_, s) => s >= 6 && s <= 8),
    thresholds: new Float64Array(steps.length).fill(0.5),
    events: [event],
    source: 'step',
  } as unknown as EventStage;
  const scores = { mae, transformed: { dates: steps }, steps: { dates: steps, windows: {} } } as unknown as ScoreResult;
  const scaler = { scale: [1, 2], offset: [0, 0.05] } as unknown as Scaler;
  explainEvents(result, stage, { scores, series, scaler, transform });
  return { event, B };
}

test('explainEvents on a hand-made run: the move, its multiple, rank, channel and expected value, known numbers', () => {
  const { event, B } = handMade('logret');
  const x = event.explained!;
  // B moves most inside raw rows 6..9 (one row before the event's first: logret steps are moves): 10 -> 13
  assert.deepEqual(
    [x.move!.column, x.move!.fromDate, x.move!.toDate, x.move!.from, x.move!.to, x.move!.steps],
    ['B', '2020-01-07', '2020-01-09', 10, 13, 2],
  );
  assert.equal(x.move!.relative, 13 / 10 - 1);
  // the usual 2-step move over training rows 0..5 of B: the median of |10.1/10-1|, |10.4/10.2-1|, |10.2/10.1-1|,
  // |10.3/10.4-1|, the middle two being the 1st and 3rd
  const typical = (Math.abs(10.1 / 10 - 1) + Math.abs(10.2 / 10.1 - 1)) / 2;
  assert.equal(x.move!.typical, typical);
  assert.equal(x.moveMultiple, (13 / 10 - 1) / typical);
  // a step rule: the peak window is the highest MAE of windows 4..8 overlapping steps 6..8 (window 3): 0.9
  assert.deepEqual(x.trainRank, { below: 8, ties: 1, of: 10 });
  assert.equal(x.calibrated, 0.8);
  assert.equal(x.errorVsThreshold, 4);
  assert.equal(x.steps, 3);
  assert.deepEqual(x.channel, { name: 'B', share: 0.8 });
  // the reconstruction at the peak (step 7, raw row 8), unscaled (0.1 * 2 + 0.05) and applied to row 7's 12
  assert.deepEqual(x.expected, { column: 'B', date: '2020-01-09', value: B[7] * Math.exp(0.25), actual: 13 });
  assert.equal(
    event.explanation,
    'B rose 30% in 2 days (10 on 2020-01-07 to 13 on 2020-01-09), 30.1x the usual 2-day move; error 4x the ' +
      'threshold, higher than 80% of training windows (1 equal); 3 days long; mostly in B (80% of the error); at ' +
      'the peak 2020-01-09 the reconstruction expected B 15.4, not 13.',
  );
  // after diff the reconstruction is a change: added to row 7's value
  assert.equal(handMade('diff').event.explained!.expected!.value, 12 + 0.25);
});
